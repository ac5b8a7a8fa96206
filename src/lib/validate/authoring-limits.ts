/**
 * Every limit and fixed list an author meets, read from the constants and vocabularies the validator
 * uses, for the guide (/guide/) and docs/authoring.md (a test keeps the document in step).
 */
import {
  ACTION_STATUSES,
  ACTION_TYPES,
  CAUSE_KINDS,
  CONTEXT_TIMELINE_KINDS,
  DATA_LOSS,
  DETECTION_METHODS,
  DOCUMENT_STATUSES,
  PRIORITIES,
  SEVERITIES,
  SUMMARY_MAX,
  TIMELINE_KINDS,
  TIMELINE_SLACK_HOURS,
  TITLE_MAX,
} from "../schema/index.ts";
import { COMPLETED_GRACE_DAYS } from "./facts.ts";
import { RULES } from "./rules.ts";

export interface AuthoringLimit {
  /** The field or topic, as written in the frontmatter. */
  field: string;
  /** The rule, in one sentence. */
  rule: string;
}

const list = (values: readonly string[]) => values.map((v) => `\`${v}\``).join(", ");

/** The limits and allowed values, in the order of the frontmatter. */
export function authoringLimits(): AuthoringLimit[] {
  return [
    { field: "title", rule: `At most ${TITLE_MAX} characters.` },
    { field: "summary", rule: `At most ${SUMMARY_MAX} characters.` },
    { field: "severity", rule: `One of ${list(SEVERITIES)}.` },
    { field: "status", rule: `One of ${list(DOCUMENT_STATUSES)}; \`resolved\` is required once it is not a draft.` },
    {
      field: "started, detected, mitigated, resolved",
      rule: 'Quoted. Either a wall-clock time in `timezone`, `"2016-01-04 20:22"`, or a time with its UTC offset, `"2016-01-04T20:22:00-08:00"`. A wall-clock time that the clocks skipped or repeated (a daylight-saving change) must be written with its offset. In order: started ≤ detected ≤ mitigated ≤ resolved.',
    },
    { field: "detection.method", rule: `One of ${list(DETECTION_METHODS)}.` },
    { field: "impact.dataLoss", rule: `One of ${list(DATA_LOSS)}; anything but \`none\` needs \`dataLossNote\`.` },
    {
      field: "timeline[].at",
      rule: `As the key times, or a date alone (\`"2016-01-04"\`) when only the day is known; \`approximate: true\` marks an estimate (shown as ≈). Events are in order and at most ${TIMELINE_SLACK_HOURS} hours before \`started\` or after the incident ends, except ${list(CONTEXT_TIMELINE_KINDS)} events, which may be any time before it.`,
    },
    { field: "timeline[].kind", rule: `One of ${list(TIMELINE_KINDS)}.` },
    { field: "causes[].kind", rule: `One of ${list(CAUSE_KINDS)}.` },
    { field: "actionItems[].type", rule: `One of ${list(ACTION_TYPES)}.` },
    { field: "actionItems[].priority", rule: `One of ${list(PRIORITIES)}.` },
    {
      field: "actionItems[].status",
      rule: `One of ${list(ACTION_STATUSES)}. \`done\` needs \`completed\` (not more than ${COMPLETED_GRACE_DAYS} day after today, UTC), or \`completedDateUnknown: true\` when nobody knows the date (the item then stays out of days-to-close figures); \`wont-do\` needs \`reason\`.`,
    },
  ];
}

/** The table of limits for docs/authoring.md. */
export function limitsMarkdown(): string {
  const rows = authoringLimits().map((l) => `| \`${l.field}\` | ${l.rule.replace(/\|/g, "\\|")} |`);
  return ["| Field | Rule |", "| --- | --- |", ...rows].join("\n");
}

/** The table of rules and their levels for docs/authoring.md. */
export function rulesMarkdown(): string {
  const rows = RULES.map((rule) => `| \`${rule.id}\` | ${rule.level} | ${rule.summary.replace(/\|/g, "\\|")} |`);
  return ["| Rule | Level | What it checks |", "| --- | --- | --- |", ...rows].join("\n");
}
