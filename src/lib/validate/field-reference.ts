/**
 * The guide's field reference, read from the same JSON Schema editors use (itself generated from the
 * zod schemas and their descriptions), so the reference is never written twice.
 */
import { EVENT_TIME_PATTERN, KEY_TIME_PATTERN } from "../schema/time.ts";
import { editorSchemas } from "./json-schema.ts";

export interface FieldDoc {
  /** `actionItems[].due` style path. */
  path: string;
  /** Nesting depth, 0 for top-level fields. */
  depth: number;
  type: string;
  required: boolean;
  description: string;
  /** Allowed values, for fixed lists. */
  values: string[];
}

interface JsonSchemaNode {
  type?: string;
  format?: string;
  description?: string;
  enum?: unknown[];
  properties?: Record<string, JsonSchemaNode>;
  required?: string[];
  items?: JsonSchemaNode;
  pattern?: string;
  default?: unknown;
}

function typeOf(node: JsonSchemaNode): string {
  if (node.enum) return "one of";
  if (node.type === "array") {
    const item = node.items ?? {};
    return item.type === "object" ? "list of entries" : `list of ${typeOf(item).replace(/^one of$/, "values")}`;
  }
  if (node.pattern === KEY_TIME_PATTERN) return "local time or time with offset";
  if (node.pattern === EVENT_TIME_PATTERN) return "local time, time with offset, or date";
  if (node.format === "date") return "date";
  if (node.format === "uri") return "URL";
  if (node.type === "integer") return "whole number";
  if (node.type === "object") return "fields";
  return node.type ?? "any";
}

function walk(node: JsonSchemaNode, prefix: string, depth: number, out: FieldDoc[]): void {
  const required = new Set(node.required ?? []);
  for (const [name, field] of Object.entries(node.properties ?? {})) {
    const path = prefix ? `${prefix}.${name}` : name;
    const values = (field.enum ?? field.items?.enum ?? []).map(String);
    out.push({
      path,
      depth,
      type: typeOf(field),
      required: required.has(name) && field.default === undefined,
      description: field.description ?? "",
      values,
    });
    if (field.type === "object") walk(field, path, depth + 1, out);
    if (field.type === "array" && field.items?.type === "object") walk(field.items, `${path}[]`, depth + 1, out);
  }
}

/** Every frontmatter field, in schema order, nested fields after their parent. */
export function frontmatterFields(): FieldDoc[] {
  const out: FieldDoc[] = [];
  walk(editorSchemas()["postmortem.schema.json"] as JsonSchemaNode, "", 0, out);
  return out;
}
