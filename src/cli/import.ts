/** `hindsight import`: turns old postmortems (Markdown, or HTML from Google Docs and Confluence) into drafts. */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { basename, join, relative, sep } from "node:path";
import { parse } from "yaml";
import { contentDir, contentPaths } from "../lib/content-paths.ts";
import { formatImportTable, importReport } from "../lib/import/report.ts";
import { importedFields, planImport, type ExistingDraft, type SourceFile } from "../lib/import/run.ts";
import { formatOf, SOURCE_FORMATS } from "../lib/import/source-tree.ts";
import { isTimeZone } from "../lib/schema/time.ts";
import { readArguments } from "./arguments.ts";

export const summary = "Import old postmortems (Markdown, Google Docs or Confluence HTML) as drafts";

const HELP = `Usage: hindsight import <file|dir…> [--timezone <IANA zone>] [--format table|json] [--dry-run] [--force]
                        [--content <dir>]

Writes one draft per source to <content>/postmortems/YYYY-MM-DD-slug.mdx. Folders are read recursively
for ${Object.keys(SOURCE_FORMATS).join(", ")} files. What a source does not state is left as a placeholder
listed under imported.todo in the draft; see docs/import.md.

  --timezone   the zone of times in documents that state none (default: UTC, marked for the author)
  --format     table (default) or json
  --dry-run    report what would be written; write nothing
  --force      re-import sources whose draft exists (same checksum, or the source changed since)
  --content    the content folder (default: $HINDSIGHT_CONTENT or content/)

Exit code 0 when every source was imported or was already, 1 when one failed or was refused, 2 on a usage error.`;

const shown = (path: string) => relative(process.cwd(), path).split(sep).join("/") || path;

/** The importable files under the given paths, or the message for a path that is not one. */
function collectSources(paths: readonly string[]): SourceFile[] | string {
  const files: string[] = [];
  for (const path of paths) {
    if (!existsSync(path)) return `${path} does not exist — pass a Markdown or HTML file, or a folder of them`;
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path, { recursive: true, encoding: "utf8" }).sort())
        if (formatOf(name) && statSync(join(path, name)).isFile()) files.push(join(path, name));
    } else if (formatOf(path)) files.push(path);
    else return `${path} is not a Markdown or HTML file — use ${Object.keys(SOURCE_FORMATS).join(", ")}`;
  }
  return [...new Set(files)].map((file) => {
    const bytes = readFileSync(file);
    return {
      path: shown(file),
      name: basename(file),
      format: formatOf(file)!,
      text: bytes.toString("utf8"),
      sha256: createHash("sha256").update(bytes).digest("hex"),
    };
  });
}

function existingDrafts(dir: string): ExistingDraft[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(".mdx"))
    .map((name) => ({ id: name.slice(0, -4), ...importedFields(readFileSync(join(dir, name), "utf8")) }));
}

function teamNames(file: string): { id: string; name: string }[] {
  try {
    const data: unknown = parse(readFileSync(file, "utf8"));
    return Array.isArray(data)
      ? (data as Record<string, unknown>[]).map((t) => ({ id: String(t["id"]), name: String(t["name"] ?? t["id"]) }))
      : [];
  } catch {
    return [];
  }
}

export function run(args: string[]): Promise<number> {
  return Promise.resolve(runNow(args));
}

function runNow(args: string[]): number {
  const parsed = readArguments("import", HELP, {
    args,
    allowPositionals: true,
    options: {
      timezone: { type: "string" },
      format: { type: "string", default: "table" },
      "dry-run": { type: "boolean", default: false },
      force: { type: "boolean", default: false },
      content: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;
  const fail = (message: string) => {
    console.error(`hindsight import: ${message}`);
    return 2;
  };
  if (positionals.length === 0) return fail(`name at least one file or folder to import\n\n${HELP}`);
  if (values.format !== "table" && values.format !== "json") return fail(`unknown format "${values.format}" — use table or json`);
  if (values.timezone !== undefined && !isTimeZone(values.timezone))
    return fail(`"${values.timezone}" is not an IANA time zone — pass --timezone Europe/Copenhagen, America/New_York, UTC, …`);
  const sources = collectSources(positionals);
  if (typeof sources === "string") return fail(sources);
  if (sources.length === 0) return fail(`no ${Object.keys(SOURCE_FORMATS).join(", ")} files in ${positionals.join(", ")}`);

  const paths = contentPaths(values.content ?? contentDir());
  const results = planImport(sources, existingDrafts(paths.postmortems), {
    timezone: values.timezone,
    force: values.force,
    catalogs: { teams: teamNames(paths.teams) },
  });
  const dryRun = values["dry-run"];
  if (!dryRun) {
    mkdirSync(paths.postmortems, { recursive: true });
    for (const result of results) {
      if (result.text === undefined || result.id === undefined) continue;
      const file = join(paths.postmortems, `${result.id}.mdx`);
      // Written beside, then renamed: an interrupted import never leaves half a draft.
      writeFileSync(`${file}.tmp`, result.text);
      renameSync(`${file}.tmp`, file);
    }
  }
  const report = importReport(results, dryRun);
  console.log(values.format === "json" ? JSON.stringify(report, null, 2) : formatImportTable(report));
  return report.totals.actions.failed + report.totals.actions.refused > 0 ? 1 : 0;
}
