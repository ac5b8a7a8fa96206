/**
 * Author-facing wording for zod issues the schema does not phrase itself (missing fields, wrong types,
 * generic bounds). Messages written in src/lib/schema are kept as they are: they already say how to fix.
 */
import type { z } from "zod";

/** What to write for a missing required field, by field name. */
const EXAMPLES: Record<string, string> = {
  title: 'title: "Dashboards down after a config push"',
  summary: "summary: Two or three plain sentences on what happened and who was affected.",
  severity: "severity: SEV3",
  status: "status: draft",
  authors: "authors: [Your Name]",
  services: "services: [service-id]",
  teams: "teams: [team-id]",
  timezone: "timezone: Europe/London",
  started: 'started: "2016-01-04T20:22:00-08:00"',
  detected: 'detected: "2016-01-04T20:25:00-08:00"',
  impact: "impact: with description, customerFacing and dataLoss beneath it",
  detection: "detection: with method and note beneath it",
  description: "description: A sentence in plain words.",
  customerFacing: "customerFacing: true",
  dataLoss: "dataLoss: none",
  method: "method: alert",
  note: "note: Which alert or report, and whether it could have been sooner.",
  at: 'at: "2016-01-04T20:22:00-08:00"',
  kind: "kind: trigger",
  text: "text: What happened, in a sentence.",
  category: "category: category-id",
  id: "id: A1",
  type: "type: prevent",
  priority: "priority: P2",
  owner: "owner: team-id",
  due: "due: 2016-02-01",
  name: "name: Display Name",
  tier: "tier: tier-2",
};

function requiredMessage(field: string): string {
  const example = EXAMPLES[field];
  return `is required — add \`${example ?? `${field}: …`}\``;
}

/** True when `path` names a key that is absent from its (existing) parent object in `data`. */
export function isMissing(data: unknown, path: readonly PropertyKey[]): boolean {
  if (path.length === 0) return data === undefined || data === null;
  let parent: unknown = data;
  for (const segment of path.slice(0, -1)) {
    if (parent === null || typeof parent !== "object") return false;
    parent = (parent as Record<PropertyKey, unknown>)[segment];
  }
  const last = path[path.length - 1]!;
  return parent !== null && typeof parent === "object" && !Array.isArray(parent) && !Object.hasOwn(parent, last);
}

const TYPE_WORDS: Record<string, string> = {
  array: 'a list — write it as [a, b] or as one "- item" per line',
  object: "a block of fields — put them on the following lines, indented under this key",
  string: "text — quote it if it looks like a number, a date or true/false",
  boolean: "true or false",
  number: "a number",
  int: "a whole number",
};

/** Phrases the generic issues zod reports without a schema message (used as the parse's error map). */
export function genericMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case "invalid_type": {
      const words = TYPE_WORDS[issue.expected] ?? issue.expected;
      if (issue.input === undefined) return `is required — add it (expected ${words.split(" — ")[0]})`;
      return `expected ${words}`;
    }
    case "too_small":
      if (issue.origin === "string") return "is empty — write a value or remove the field";
      if (issue.origin === "array") return `needs at least ${String(issue.minimum)} item(s) — add one or remove the field`;
      return `must be at least ${String(issue.minimum)} — check the number`;
    case "too_big":
      if (issue.origin === "string") return `is longer than ${String(issue.maximum)} characters — shorten it`;
      if (issue.origin === "array") return `has more than ${String(issue.maximum)} items — remove some`;
      return `must be at most ${String(issue.maximum)} — check the number`;
    case "invalid_value":
      return `is not allowed — use one of ${issue.values.map(String).join(", ")}`;
    case "invalid_format":
      return `is not a valid ${issue.format} — check the value`;
    default:
      return undefined;
  }
}

/** The final message for an issue: missing fields get an example line; everything else keeps its wording. */
export function issueMessage(issue: z.core.$ZodIssue, data: unknown): string {
  if (issue.code === "invalid_type" && isMissing(data, issue.path)) {
    const field = issue.path[issue.path.length - 1];
    return requiredMessage(String(field));
  }
  if (issue.code === "invalid_type" && issue.path.length === 0 && (data === null || data === undefined)) {
    return 'the frontmatter is empty — write the fields between the "---" lines (`npm run new` writes a complete skeleton)';
  }
  return issue.message;
}
