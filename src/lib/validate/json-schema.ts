/**
 * JSON Schemas of the content files, generated from the zod schemas, for editors (completion, hover
 * help, inline errors) and for the guide's field reference. Rules that span fields or files (times in
 * order, ids that exist) cannot be expressed here; `hindsight validate` checks them.
 */
import { z } from "zod";
import { postmortemSchema, servicesFileSchema, taxonomyFileSchema, teamsFileSchema } from "../schema/index.ts";
import { siteConfigSchema } from "../schema/site.ts";

export const SCHEMA_BASE_URL = "https://hindsight.example.com/schema/";

type JsonSchema = Record<string, unknown>;

function generate(schema: z.ZodType, id: string, title: string, description: string): JsonSchema {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
  const { $schema, ...rest } = json;
  return { $schema, $id: `${SCHEMA_BASE_URL}${id}`, title, description, ...rest };
}

/** Every editor schema, by file name under `schema/`. */
export function editorSchemas(): Record<string, JsonSchema> {
  return {
    "postmortem.schema.json": generate(
      postmortemSchema,
      "postmortem.schema.json",
      "Hindsight postmortem frontmatter",
      "The YAML frontmatter of content/postmortems/<YYYY-MM-DD-slug>.mdx. Run `npm run validate` for the rules across fields and files.",
    ),
    "teams.schema.json": generate(
      teamsFileSchema,
      "teams.schema.json",
      "Hindsight teams",
      "content/teams.yaml: the teams that own services and action items.",
    ),
    "services.schema.json": generate(
      servicesFileSchema,
      "services.schema.json",
      "Hindsight services",
      "content/services.yaml: the services postmortems name.",
    ),
    "taxonomy.schema.json": generate(
      taxonomyFileSchema,
      "taxonomy.schema.json",
      "Hindsight cause taxonomy",
      "content/taxonomy.yaml: the categories of causes.",
    ),
    "site.schema.json": generate(
      siteConfigSchema,
      "site.schema.json",
      "Hindsight site configuration",
      "content/site.yaml: the organisation's name, the site's address and base path, dates, severity wording and footer links. Every field is optional.",
    ),
  };
}

/** The text written to disk: stable key order from the generator, two-space indent, final newline. */
export function serializeSchema(schema: JsonSchema): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
