/** `hindsight schema`: writes the editors' JSON Schemas, generated from the zod schemas, to schema/. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { editorSchemas, serializeSchema } from "../lib/validate/json-schema.ts";
import { readArguments } from "./arguments.ts";

export const summary = "Write the JSON Schemas of frontmatter and catalogs (for editors) to schema/";

const HELP = `Usage: hindsight schema [--out <dir>] [--check]

Writes postmortem.schema.json, teams.schema.json, services.schema.json, taxonomy.schema.json and site.schema.json,
generated from the zod schemas, to <dir> (default: schema/). Commit them: editors read them.

  --out <dir>   where to write (default: schema)
  --check       write nothing; exit 1 if a committed file is missing or out of date`;

export function run(args: string[]): Promise<number> {
  return Promise.resolve(runNow(args));
}

function runNow(args: string[]): number {
  const parsed = readArguments("schema", HELP, {
    args,
    options: { out: { type: "string", default: "schema" }, check: { type: "boolean" }, help: { type: "boolean", short: "h" } },
  });
  if (typeof parsed === "number") return parsed;
  const { values } = parsed;
  const stale: string[] = [];
  for (const [name, schema] of Object.entries(editorSchemas())) {
    const path = join(values.out, name);
    const text = serializeSchema(schema);
    const current = existsSync(path) ? readFileSync(path, "utf8") : undefined;
    if (values.check) {
      if (current !== text) stale.push(path);
      continue;
    }
    mkdirSync(values.out, { recursive: true });
    if (current !== text) writeFileSync(path, text);
    console.log(`${current === text ? "unchanged" : "wrote"} ${path}`);
  }
  if (stale.length > 0) {
    console.error(
      `${stale.join(", ")} ${stale.length === 1 ? "is" : "are"} out of date — run \`npm run schema\` and commit the result`,
    );
    return 1;
  }
  if (values.check) console.log("The JSON Schemas are up to date.");
  return 0;
}
