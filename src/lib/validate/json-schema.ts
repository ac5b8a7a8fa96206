/**
 * JSON Schemas of the content files, generated from the zod schemas, for editors (completion, hover
 * help, inline errors) and for the guide's field reference. The rules between fields of one object that
 * JSON Schema can say (`if`/`then`) are added to the generated schema here, from the same vocabularies;
 * rules across objects or files (times in order, ids that exist) cannot be expressed, and
 * `hindsight validate` checks them.
 */
import { z } from "zod";
import {
  DATA_LOSS,
  DOCUMENT_STATUSES,
  postmortemSchema,
  servicesFileSchema,
  taxonomyFileSchema,
  teamsFileSchema,
} from "../schema/index.ts";
import { siteConfigSchema } from "../schema/site.ts";

export const SCHEMA_BASE_URL = "https://hindsight.example.com/schema/";

type JsonSchema = Record<string, unknown>;

function generate(schema: z.ZodType, id: string, title: string, description: string): JsonSchema {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
  const { $schema, ...rest } = json;
  return { $schema, $id: `${SCHEMA_BASE_URL}${id}`, title, description, ...rest };
}

interface ObjectNode {
  properties: Record<string, { items?: ObjectNode } & ObjectNode>;
  allOf?: unknown[];
}

const when = (field: string, condition: unknown, then: unknown) => ({
  if: { properties: { [field]: condition }, required: [field] },
  then,
});

/**
 * The postmortem rules between fields that JSON Schema can express: an action item's `completed` and
 * `reason` by its status, `dataLossNote` by `dataLoss`, `resolved` once the document is past draft.
 */
function withFieldRules(schema: JsonSchema): JsonSchema {
  const root = schema as unknown as ObjectNode;
  const item = root.properties["actionItems"]!.items!;
  item.allOf = [
    when("status", { const: "done" }, { anyOf: [{ required: ["completed"] }, { required: ["completedDateUnknown"] }] }),
    when(
      "status",
      { not: { const: "done" } },
      { not: { anyOf: [{ required: ["completed"] }, { required: ["completedDateUnknown"] }] } },
    ),
    when("status", { const: "wont-do" }, { required: ["reason"] }),
  ];
  const impact = root.properties["impact"]!;
  impact.allOf = [when("dataLoss", { enum: DATA_LOSS.filter((d) => d !== "none") }, { required: ["dataLossNote"] })];
  root.allOf = [when("status", { enum: DOCUMENT_STATUSES.filter((s) => s !== "draft") }, { required: ["resolved"] })];
  return schema;
}

/** Every editor schema, by file name under `schema/`. */
export function editorSchemas(): Record<string, JsonSchema> {
  return {
    "postmortem.schema.json": withFieldRules(
      generate(
        postmortemSchema,
        "postmortem.schema.json",
        "Hindsight postmortem frontmatter",
        "The YAML frontmatter of content/postmortems/<YYYY-MM-DD-slug>.mdx. Run `npm run validate` for the rules across fields and files.",
      ),
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
