/**
 * Messages that need more than the field itself: the example offset for a time written without one comes
 * from the postmortem's own `timezone`, and an id that is not an id (a person's name as `owner`) is
 * answered with ids that exist in the catalogs, never with an invented one.
 */
import type { z } from "zod";
import { knownIdHint, type CatalogFiles } from "../integrity/cross-file.ts";
import { isTimeZone, NO_OFFSET, type Catalogs } from "../schema/index.ts";
import { formatOffset, resolveWallTime } from "../schema/zone-time.ts";

export interface MessageContext {
  /** The catalogs, to suggest ids that exist. */
  catalogs?: Catalogs;
  catalogFiles?: CatalogFiles;
}

function field(data: unknown, key: string): unknown {
  return data !== null && typeof data === "object" ? (data as Record<string, unknown>)[key] : undefined;
}

/** The value at a path of the data (zod's final issues do not carry their input). */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let node = data;
  for (const segment of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<PropertyKey, unknown>)[segment];
  }
  return node;
}

/** A better message for the issue given the rest of the file, or undefined to keep the schema's. */
export function contextualMessage(issue: z.core.$ZodIssue, data: unknown, context: MessageContext): string | undefined {
  const value = valueAt(data, issue.path);
  if (issue.code === "custom" && issue.params?.["hint"] === NO_OFFSET) return noOffsetMessage(value, data);
  if (issue.code === "invalid_format" && typeof value === "string") return catalogIdMessage(issue.path, value, context);
  return undefined;
}

function noOffsetMessage(input: unknown, data: unknown): string | undefined {
  const zone = field(data, "timezone");
  if (typeof input !== "string" || typeof zone !== "string" || !isTimeZone(zone)) return undefined;
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?/.exec(input);
  if (!m) return undefined;
  const local = `${m[1]} ${m[2]}`;
  const resolution = resolveWallTime({ date: m[1]!, time: `${m[2]}${m[3] ?? ":00"}` }, zone);
  const withZoneOffset =
    resolution.kind === "instant" ? `"${input}${formatOffset(resolution.offset)}" if it is ${zone} time, ` : "";
  return `"${input}" has no UTC offset — add one: ${withZoneOffset}"${input}Z" if it is UTC; or write "${local}" to read it in ${zone}`;
}

/** Which catalog a field's ids come from. */
function catalogOf(path: readonly PropertyKey[]): { key: keyof Catalogs; file: keyof CatalogFiles; noun: string } | undefined {
  const [first, , third] = path;
  if (first === "teams" || (first === "actionItems" && third === "owner")) return { key: "teams", file: "teams", noun: "team" };
  if (first === "services") return { key: "services", file: "services", noun: "service" };
  if (first === "causes" && third === "category") return { key: "categories", file: "taxonomy", noun: "category" };
  return undefined;
}

function catalogIdMessage(path: readonly PropertyKey[], value: string, context: MessageContext): string | undefined {
  const catalog = catalogOf(path);
  if (!catalog || !context.catalogs || !context.catalogFiles) return undefined;
  const known = new Set(context.catalogs[catalog.key].map((entry) => entry.id));
  const file = context.catalogFiles[catalog.file];
  const slug = value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  const hint = knownIdHint(slug, known);
  const person = /\s/.test(value.trim()) && /^[A-Z]/.test(value.trim());
  if (catalog.noun === "team" && path[2] === "owner" && person)
    return `"${value}" looks like a person's name, but owner is the id of a team in ${file} (${hint}) — put the person in \`assignee\``;
  return `"${value}" is not a ${catalog.noun} id — use an id from ${file} (${hint})`;
}
