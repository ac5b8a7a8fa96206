/**
 * Every rule `hindsight validate` applies, with its level. Errors fail `validate` and the build;
 * warnings are printed (and shown in the dev server) but pass, unless `--strict` makes them errors.
 * docs/authoring.md's table of rules is generated from this list, and a test keeps the two in step.
 */

export const LEVELS = ["error", "warning"] as const;
export type Level = (typeof LEVELS)[number];

export interface Rule {
  /** Stable id, printed in JSON output and GitHub annotation titles of warnings. */
  id: string;
  level: Level;
  /** What the rule checks, in one line. */
  summary: string;
}

export const RULES = [
  {
    id: "file-name",
    level: "error",
    summary: "Postmortems are `YYYY-MM-DD-slug.mdx` directly in `content/postmortems/`; no two ids differ only in case.",
  },
  { id: "frontmatter", level: "error", summary: "The file starts with a closed `---` frontmatter block." },
  { id: "yaml-syntax", level: "error", summary: "YAML syntax, indentation with spaces (never tabs), no duplicate keys." },
  { id: "schema", level: "error", summary: "Every field's schema: known keys, required fields, types, allowed values, lengths." },
  {
    id: "times",
    level: "error",
    summary:
      "Times are real, quoted, and either carry a UTC offset or are wall-clock times in `timezone` that exist exactly once (not in a daylight-saving gap or fold).",
  },
  {
    id: "time-order",
    level: "error",
    summary:
      "started ≤ detected ≤ mitigated ≤ resolved; the timeline is in chronological order and near the incident window (context events excepted).",
  },
  {
    id: "completeness",
    level: "error",
    summary:
      "A published postmortem has a timeline with a trigger or detection, a root or contributing cause, and (SEV1/SEV2) an action item.",
  },
  {
    id: "action-items",
    level: "error",
    summary:
      "Unique item ids; `completed` only and always for done items (or `completedDateUnknown`), `reason` for wont-do items; dates not before the incident.",
  },
  { id: "completed-in-future", level: "error", summary: "A done item's `completed` date is not in the future." },
  {
    id: "unclosed-emphasis",
    level: "error",
    summary: "Emphasis in Markdown fields is closed (`**bold**`), so no literal `**` reaches the page.",
  },
  { id: "links", level: "error", summary: "Links are http, https, mailto or site paths; tickets are http(s) URLs." },
  {
    id: "references",
    level: "error",
    summary: "Services, teams, categories and owners exist in the catalogs; `related`, `priorActionItems` and `aliases` resolve.",
  },
  { id: "body", level: "error", summary: "The MDX body: valid syntax, no code, only the provided components." },
  { id: "secrets", level: "error", summary: "No pasted credentials anywhere in the file." },
  {
    id: "catalogs",
    level: "error",
    summary: "The catalogs exist, follow their schema, have unique ids; services are owned by existing teams.",
  },
  {
    id: "related-draft",
    level: "warning",
    summary: "`related` names a draft: the link stays hidden until that postmortem is published.",
  },
  { id: "duplicate-event", level: "warning", summary: "Two timeline events with the same time, kind and text." },
  {
    id: "zone-offset",
    level: "warning",
    summary:
      "A time's UTC offset differs from `timezone`'s offset at that instant, so it reads differently from what a local time would.",
  },
  {
    id: "private-ticket",
    level: "warning",
    summary: "A ticket URL on localhost or a private or loopback address, which readers cannot open.",
  },
] as const satisfies readonly Rule[];

export type RuleId = (typeof RULES)[number]["id"];

const byId = new Map<string, Rule>(RULES.map((rule) => [rule.id, rule]));

/** The level of a rule. */
export function ruleLevel(id: RuleId): Level {
  return byId.get(id)!.level;
}
