/**
 * The skeleton `hindsight new` writes: every section present, a short guidance comment on each, times
 * pre-filled with the author's UTC offset, status draft. It passes `hindsight validate` as written.
 */
import type * as Yaml from "yaml";
import { loadOnFirstUse } from "../load-on-first-use.ts";
import { SEVERITY_LEVELS, TIMELINE_KINDS, type Severity } from "../schema/vocabulary.ts";
import { resolveTime, type ResolvedTime } from "../schema/resolve-times.ts";
import { readTimeValue } from "../schema/time.ts";
import { formatOffset, resolveWallTime, wallTimeAt, zoneOffsetMinutes } from "../schema/zone-time.ts";

export interface ScaffoldInput {
  title: string;
  severity: Severity;
  services: string[];
  teams: string[];
  /** ISO 8601 with offset. */
  started: string;
  timezone: string;
  /** One entry per author; a name may contain commas ("Raman, Priya"). */
  authors: string[];
  /** The organisation's wording of SEV1–SEV4 (site configuration); the defaults otherwise. */
  severities?: readonly { id: Severity; label: string; description: string }[];
}

/** The longest slug, in characters. */
export const SLUG_MAX = 60;

/** A lower-case kebab-case slug of a title, at most SLUG_MAX characters, always ending at a whole word. */
export function slugify(title: string): string {
  const words = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/['’]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
  let slug = "";
  for (const word of words) {
    // A single "word" longer than the whole slug (a hash, a pasted URL) is not readable: leave it out.
    if (word.length > SLUG_MAX) continue;
    if (slug && slug.length + word.length + 1 > SLUG_MAX) break;
    slug = slug ? `${slug}-${word}` : word;
  }
  return slug || "incident";
}

/** The postmortem id (file name without .mdx): the start date as written, then the slug. */
export function postmortemIdFor(started: string, title: string): string {
  return `${started.slice(0, 10)}-${slugify(title)}`;
}

/** An instant written in a time zone's wall-clock time with its offset, to the minute: `2026-11-26T09:30:00+01:00`. */
export function localInstant(instant: Date, timeZone: string): string {
  const ms = Math.floor(instant.getTime() / 60_000) * 60_000;
  const wall = wallTimeAt(ms, timeZone);
  return `${wall.date}T${wall.time.slice(0, 5)}:00${formatOffset(zoneOffsetMinutes(ms, timeZone))}`;
}

/**
 * Reads a start time as an author types it: `2026-11-25T14:05` or `2026-11-25 14:05` (wall-clock time in
 * `timeZone`), a date alone (its midnight there), or an instant with its offset. A wall-clock time the clocks
 * skipped or repeated there names no single instant: the message says so and offers both offsets.
 */
export function resolveStarted(value: string, timeZone: string): ResolvedTime {
  const text = value.trim();
  const withOffset = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2})?(Z|[+-]\d{2}:\d{2})$/.exec(text);
  if (withOffset)
    return { ok: true, iso: `${withOffset[1]}T${withOffset[2]}${withOffset[3] ?? ":00"}${withOffset[4]}`, dateOnly: false };
  const naive = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?$/.exec(text);
  // A date alone is the start of that day there, even on a day whose midnight the clocks skipped.
  const local = naive ? (naive[2] === undefined ? naive[1]! : `${naive[1]} ${naive[2]}`) : undefined;
  if (local === undefined || readTimeValue(local) === undefined)
    return {
      ok: false,
      message: `"${value}" is not a time — write it as 2026-11-25T14:05 (in ${timeZone}) or with an offset, 2026-11-25T14:05:00+01:00`,
    };
  return resolveTime(local, timeZone);
}

/** Loaded only to write a skeleton: the validator imports this module for `slugify` alone. */
const yaml = loadOnFirstUse<typeof Yaml>("yaml");

/**
 * A value written by the YAML library on one line (a flow list for arrays), quoted and escaped as YAML
 * needs: a comma, a colon, a leading dash or a line break in what the author typed stays inside the value.
 */
function yamlValue(value: string | string[]): string {
  const doc = new (yaml().Document)(value);
  if (Array.isArray(value)) (doc.contents as { flow?: boolean }).flow = true;
  return doc.toString({ flowCollectionPadding: false, lineWidth: 0 }).trimEnd();
}

/** The text of a new postmortem. */
/**
 * An instant as the short wall-clock form a postmortem is written in, `2026-11-26 09:30` in `timeZone`;
 * with its offset when that wall-clock time is ambiguous (the repeated hour of a daylight-saving change).
 */
export function wallClockTime(instant: string, timeZone: string): string {
  const wall = wallTimeAt(Date.parse(instant), timeZone);
  const short = `${wall.date} ${wall.time.slice(0, 5)}`;
  return resolveWallTime({ date: wall.date, time: `${wall.time.slice(0, 5)}:00` }, timeZone).kind === "instant" ? short : instant;
}

export function scaffoldPostmortem(input: ScaffoldInput): string {
  const at = wallClockTime(input.started, input.timezone);
  const severities = (input.severities ?? SEVERITY_LEVELS)
    // One comment line each, whatever the configuration's wording holds.
    .map((level) => `#   ${level.id} ${level.label}: ${level.description}`.replace(/\s+/g, " "))
    .join("\n");
  return `---
# A new postmortem (status: draft). The guide at /guide/ explains every field; \`npm run validate\` checks it.
# Write blamelessly: describe what the system and the process allowed, not who slipped.

# What broke, for whom, in plain words.
title: ${yamlValue(input.title)}
# Two or three plain sentences a busy reader can stop after: what happened, the impact, the fix.
summary: ${yamlValue("Replace this with two or three plain sentences on what happened, who was affected and how it ended.")}
# How bad it was for customers:
${severities}
severity: ${input.severity}
# draft → in-review (open a pull request) → published (the pull request is merged).
status: draft
authors: ${yamlValue(input.authors)}
reviewers: []
# Lower-case keywords, for example [dynamodb, deploy].
tags: []
# Ids from content/services.yaml and content/teams.yaml.
services: ${yamlValue(input.services)}
teams: ${yamlValue(input.teams)}
# The IANA time zone readers think in. Times below are its wall-clock times, "YYYY-MM-DD HH:MM"; a time
# copied with its UTC offset ("2016-01-04T20:22:00-08:00") is fine too. Keep the quotes.
timezone: ${yamlValue(input.timezone)}
# When impact began, when someone noticed, when impact stopped, when service was fully restored.
started: "${at}"
detected: "${at}"
# mitigated: "${at}"
# resolved: "${at}"   (required before status: in-review)

impact:
  # What users experienced, in plain language.
  description: Replace this with what users saw and for how long.
  # Did people outside the company notice?
  customerFacing: true
  # usersAffected: 1200
  # customersAffected: 30
  # none, recovered (lost then restored) or permanent; explain any loss in dataLossNote.
  dataLoss: none

detection:
  # alert, customer-report, employee, automated-test or other.
  method: alert
  # Which alert or report, and whether we could have noticed sooner.
  note: Replace this with which alert or report surfaced the incident.

# Events in order. Kinds: ${TIMELINE_KINDS.join(", ")}.
# approximate: true marks an estimated time; at: "YYYY-MM-DD" an event known only by its day;
# kind: context an earlier change that set the incident up (it may be weeks before).
timeline:
  - at: "${at}"
    kind: trigger
    text: Replace this with what set the incident off.

# The trigger (what set it off), root causes (without which it would not have happened) and
# contributing factors (what made it likelier, longer or harder). Categories: content/taxonomy.yaml.
causes: []
#  - kind: root
#    category: configuration-change
#    text: A condition of the system, described without blame.

lessons:
  # What went well and should be kept.
  wentWell: []
  # What went wrong or made it worse.
  wentWrong: []
  # Where luck, not design, limited the damage.
  gotLucky: []

# Follow-ups: actionable (a verb and an outcome), specific (one change) and bounded (a due date, an owner).
# Never delete an item later: set status: wont-do with a reason.
actionItems: []
#  - id: A1
#    title: Alert when the error rate on checkout exceeds 2% for 5 minutes
#    type: detect            # prevent, mitigate, detect or process
#    priority: P1            # P0 (now) to P3 (when convenient)
#    owner: ${input.teams[0] ?? "team-id"}
#    status: open            # open, in-progress, blocked, done or wont-do
#    due: ${input.started.slice(0, 10)}
#    ticket: https://tracker.example.com/OPS-123

# Ids of related postmortems, for example [2016-01-04-dashboard-outage].
related: []
---

{/* The body is Markdown. You may use <Callout type="note|tip|warning"> and <Figure src alt caption />; nothing else. */}

## What happened

{/* The story in order, for a reader who was not there. The timeline above holds the exact times. */}

## Why it happened

{/* Walk from the trigger to the root causes. Ask "why was that possible?" until the answer is about the system. */}

## How we fixed it

{/* What stopped the impact, and what restored service fully. */}

## What we learnt

{/* The lessons in a few sentences; the action items above are the commitments. */}
`;
}
