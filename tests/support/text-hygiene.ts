/**
 * Rules for the visible text of a page: what a careful copy editor would mark. Each rule names the
 * fault and matches it in one line of text (see visible-text.ts for how lines are made).
 */
import { postmortemSchema } from "../../src/lib/schema/postmortem.ts";
import { ACTION_STATUSES, DETECTION_METHODS, DOCUMENT_STATUSES, TIMELINE_KINDS } from "../../src/lib/schema/vocabulary.ts";

export interface HygieneRule {
  fault: string;
  pattern: RegExp;
}

/** Counted nouns the site prints after a number. */
const COUNTED = [
  "item",
  "action item",
  "postmortem",
  "incident",
  "day",
  "hour",
  "minute",
  "second",
  "week",
  "month",
  "year",
  "cause",
  "event",
  "result",
  "match",
  "team",
  "service",
  "tag",
  "filter",
  "page",
  "customer",
  "lesson",
  "link",
];
const plural = (noun: string) => (noun.endsWith("ch") ? `${noun}es` : `${noun}s`);
const COUNTED_PLURALS = COUNTED.map(plural).join("|");
const COUNTED_WORDS = COUNTED.flatMap((n) => [n, plural(n)]).join("|");

/** Fixed-list values with a hyphen, which a page must show through their label, never raw or de-hyphenated. */
const HYPHENATED_VALUES = [...ACTION_STATUSES, ...DOCUMENT_STATUSES, ...DETECTION_METHODS, ...TIMELINE_KINDS].filter((v) =>
  v.includes("-"),
);
const naiveLabel = (value: string) =>
  value
    .split("-")
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(" ");

export const HYGIENE_RULES: HygieneRule[] = [
  { fault: "word glued after a comma or semicolon", pattern: /\p{Ll}{2,}[,;](?=[\p{L}\d(])/gu },
  { fault: "sentence glued after a full stop", pattern: /\p{Ll}{2,}[.!?](?=\p{Lu}\p{Ll})/gu },
  { fault: "word glued to an opening bracket", pattern: /\p{L}{2,}\((?!s\))/gu },
  { fault: "word glued after a closing bracket", pattern: /\)(?=\p{L}{2,})/gu },
  { fault: "word glued to a middle dot", pattern: /·(?=\S)|(?<=\S)·/gu },
  {
    fault: "number glued to a word",
    pattern: new RegExp(`\\d(?:${COUNTED_WORDS}|done|open|overdue|blocked|on|of|by|at)\\b`, "gu"),
  },
  { fault: "word glued to a number", pattern: /\p{Ll}{2,}(?=\d{2,}(?![\d]*\p{L}))/gu },
  { fault: "number glued to a capitalised word", pattern: /\d(?=\p{Lu}\p{Ll}|SEV\d)/gu },
  { fault: "words glued together (lower case then capital)", pattern: /\p{Ll}{2,}\p{Lu}\p{Ll}/gu },
  { fault: "key glued to a word", pattern: /#A\d+(?=\p{L})/gu },
  { fault: "singular count with a plural noun", pattern: new RegExp(`(?<![\\d.,])\\b1 (?:${COUNTED_PLURALS})\\b`, "gu") },
  {
    fault: "raw fixed-list value instead of its label",
    pattern: new RegExp(
      `\\b(?:[Ww]ont|WONT|${HYPHENATED_VALUES.map(naiveLabel).join("|")})\\b|(?<![\\w/=-])(?:${HYPHENATED_VALUES.join("|")})(?![\\w/-])`,
      "gu",
    ),
  },
];

export interface HygieneFinding {
  fault: string;
  excerpt: string;
}

/** Lines that quote addresses, files or identifiers are written by authors on purpose. */
const QUOTES_MACHINE_TEXT = /https?:|www\.|\.(?:com|org|io|md|mdx|json|csv|ics|xml|yaml|ts)\b/i;

/** Product and company names written in camel case on purpose. */
const CAMEL_CASE_NAMES =
  /^(?:JavaScript|TypeScript|GitHub|GitLab|PagerDuty|DynamoDB|PostgreSQL|MySQL|MongoDB|CloudFront|CloudWatch|OpsGenie|FireHydrant|YouTube|MapReduce|LinkedIn|iPhone|macOS|iOS|McDonald|OAuth|PowerShell|WebSocket|DevOps|NoSQL|GraphQL|BigQuery|ClickHouse)$/;

/** Frontmatter field names, which explanations name on purpose (`priorActionItems`), in tooltips too. */
const FIELD_NAMES = new Set(Object.keys(postmortemSchema.in.shape));

/** The whole word around a match. */
function wordAt(line: string, index: number): string {
  const before = /[\p{L}\d]*$/u.exec(line.slice(0, index))?.[0] ?? "";
  const after = /^[\p{L}\d]*/u.exec(line.slice(index))?.[0] ?? "";
  return before + after;
}

/** Every fault in `text`, with a few characters either side to find it. */
export function hygieneFindings(text: string): HygieneFinding[] {
  const findings: HygieneFinding[] = [];
  for (const line of text.split("\n")) {
    if (QUOTES_MACHINE_TEXT.test(line)) continue;
    for (const { fault, pattern } of HYGIENE_RULES)
      for (const m of line.matchAll(pattern)) {
        const word = wordAt(line, m.index);
        if (CAMEL_CASE_NAMES.test(word) || FIELD_NAMES.has(word)) continue;
        findings.push({ fault, excerpt: line.slice(Math.max(0, m.index - 20), m.index + m[0].length + 20).trim() });
      }
  }
  return findings;
}
