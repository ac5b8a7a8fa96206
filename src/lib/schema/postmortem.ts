/**
 * The frontmatter of a postmortem (`content/postmortems/<id>.mdx`): the single source of truth for
 * Astro's content collection, `hindsight validate`, the editors' JSON Schema and the guide's field reference.
 * Rules that involve only this file live here; rules across files live in `src/lib/integrity`.
 */
import { z } from "zod";
import { actionItemKey, catalogId, personName, postmortemId, tag } from "./identifiers.ts";
import { ACTION_ITEM_ID } from "./identifiers.ts";
import { checkImported, importedSchema } from "./imported.ts";
import { markdownText, webUrl } from "./links.ts";
import { strictObject } from "./strict-object.ts";
import { resolveTime } from "./resolve-times.ts";
import { calendarDate, calendarDateMs, eventTime, instantMs, keyTime, timeZone } from "./time.ts";
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
  TIMELINE_KINDS,
} from "./vocabulary.ts";

/** The longest summary, in characters: it is shown in lists and search results. */
export const SUMMARY_MAX = 400;
/** The longest title, in characters. */
export const TITLE_MAX = 120;
/** How far outside the incident window a timeline event may sit before it is probably a typo (context events excepted). */
export const TIMELINE_SLACK_HOURS: number = 24;
export const TIMELINE_SLACK_MS = TIMELINE_SLACK_HOURS * 60 * 60 * 1000;

const oneOf = (values: readonly string[]) => (issue: { input?: unknown }) =>
  `${JSON.stringify(issue.input)} is not allowed — use one of ${values.join(", ")}`;

/** What readers and customers experienced. */
export const impactSchema = strictObject({
  /** What users experienced, in plain language (Markdown allowed). */
  description: markdownText.describe("What users experienced, in plain language (Markdown allowed)."),
  /** True when people outside the company noticed. */
  customerFacing: z.boolean({ error: "expected true or false" }).describe("True when people outside the company noticed."),
  /** How many end users were affected, where known. */
  usersAffected: z
    .int({ error: "expected a whole number" })
    .nonnegative()
    .optional()
    .describe("How many end users were affected, where known."),
  /** How many customers (accounts, organisations) were affected, where known. */
  customersAffected: z
    .int({ error: "expected a whole number" })
    .nonnegative()
    .optional()
    .describe("How many customers (accounts, organisations) were affected, where known."),
  /** Whether data was lost: none, recovered (lost then restored) or permanent. */
  dataLoss: z
    .enum(DATA_LOSS, { error: oneOf(DATA_LOSS) })
    .describe("Whether data was lost: none, recovered (lost then restored) or permanent."),
  /** What data was lost or recovered and how; required unless `dataLoss` is none. */
  dataLossNote: markdownText.optional().describe("What data was lost or recovered and how; required unless `dataLoss` is none."),
});

/** How the incident was noticed. */
export const detectionSchema = strictObject({
  /** The channel that first surfaced the incident. */
  method: z
    .enum(DETECTION_METHODS, { error: oneOf(DETECTION_METHODS) })
    .describe("The channel that first surfaced the incident."),
  /** Which alert, report or person, and whether detection could have been faster. */
  note: markdownText.describe("Which alert, report or person, and whether detection could have been faster."),
});

/** One event on the incident timeline. */
export const timelineEventSchema = strictObject({
  /** When it happened: "2016-01-04 20:22" in the postmortem's timezone, a time with its UTC offset, or "2016-01-04" when only the day is known. */
  at: eventTime.describe(
    'When it happened: "2016-01-04 20:22" in the postmortem\'s timezone, a time with its UTC offset, or "2016-01-04" when only the day is known.',
  ),
  /** True when the time is an estimate; the page shows it as "≈ 20:45". */
  approximate: z
    .boolean({ error: "expected true or false" })
    .optional()
    .describe('True when the time is an estimate; the page shows it as "≈ 20:45".'),
  /** What kind of event it was; `context` (an earlier change that set the incident up) may be any time before it. */
  kind: z
    .enum(TIMELINE_KINDS, { error: oneOf(TIMELINE_KINDS) })
    .describe("What kind of event it was; `context` (an earlier change that set the incident up) may be any time before it."),
  /** What happened, in one or two sentences (Markdown allowed). */
  text: markdownText.describe("What happened, in one or two sentences (Markdown allowed)."),
});

/** One cause of the incident. */
export const causeSchema = strictObject({
  /** The role it played: the trigger, a root cause or a contributing factor. */
  kind: z
    .enum(CAUSE_KINDS, { error: oneOf(CAUSE_KINDS) })
    .describe("The role it played: the trigger, a root cause or a contributing factor."),
  /** Id of a category in `content/taxonomy.yaml`. */
  category: catalogId.describe("Id of a category in `content/taxonomy.yaml`."),
  /** The cause, described without blame (Markdown allowed). */
  text: markdownText.describe("The cause, described without blame (Markdown allowed)."),
});

/** What the team learnt. */
export const lessonsSchema = strictObject({
  /** What went well and should be kept. */
  wentWell: z.array(markdownText).default([]).describe("What went well and should be kept."),
  /** What went wrong or made the incident worse. */
  wentWrong: z.array(markdownText).default([]).describe("What went wrong or made the incident worse."),
  /** Where luck, not design, limited the damage. */
  gotLucky: z.array(markdownText).default([]).describe("Where luck, not design, limited the damage."),
});

/** One follow-up commitment. */
export const actionItemSchema = strictObject({
  /** Short, stable id within the postmortem: A1, A2, … Never reuse or renumber; its global key is `<postmortem-id>#<id>`. */
  id: z
    .string({ error: "expected an id such as A1" })
    .regex(ACTION_ITEM_ID, {
      error: (issue) => `${JSON.stringify(issue.input)} is not an action-item id — use A1, A2, A3, … in order`,
    })
    .describe(
      "Short, stable id within the postmortem: A1, A2, … Never reuse or renumber; its global key is `<postmortem-id>#<id>`.",
    ),
  /** What will be done, specific and bounded (Markdown allowed). */
  title: markdownText.describe("What will be done, specific and bounded (Markdown allowed)."),
  /** What it does about the incident: prevent, mitigate, detect or process. */
  type: z
    .enum(ACTION_TYPES, { error: oneOf(ACTION_TYPES) })
    .describe("What it does about the incident: prevent, mitigate, detect or process."),
  /** P0 (now) to P3 (when convenient). */
  priority: z.enum(PRIORITIES, { error: oneOf(PRIORITIES) }).describe("P0 (now) to P3 (when convenient)."),
  /** Id of the owning team in `content/teams.yaml`. */
  owner: catalogId.describe("Id of the owning team in `content/teams.yaml`."),
  /** The person doing the work, if one is named. */
  assignee: personName.optional().describe("The person doing the work, if one is named."),
  /** Where the item stands: `open`, `in-progress`, `blocked`, `done` or `wont-do`. */
  status: z
    .enum(ACTION_STATUSES, { error: oneOf(ACTION_STATUSES) })
    .describe("Where the item stands: `open`, `in-progress`, `blocked`, `done` or `wont-do`."),
  /** The date it is due, YYYY-MM-DD. */
  due: calendarDate.describe("The date it is due, YYYY-MM-DD."),
  /** The date it was done; required when status is done (unless `completedDateUnknown`), forbidden otherwise. */
  completed: calendarDate
    .optional()
    .describe("The date it was done; required when status is done (unless `completedDateUnknown`), forbidden otherwise."),
  /** True for an item done on a date nobody recorded; it counts as done but stays out of days-to-close figures. */
  completedDateUnknown: z
    .literal(true, { error: "write true, or remove the field and give `completed`" })
    .optional()
    .describe("True for an item done on a date nobody recorded; it counts as done but stays out of days-to-close figures."),
  /** Why it will not be done; required when status is `wont-do`. */
  reason: markdownText.optional().describe("Why it will not be done; required when status is `wont-do`."),
  /** Link to the ticket in the issue tracker. */
  ticket: webUrl.optional().describe("Link to the ticket in the issue tracker."),
  /** How we will know the fix worked. */
  verification: markdownText.optional().describe("How we will know the fix worked."),
});

const frontmatterShape = {
  /** The headline: what broke, for whom, in plain words. */
  title: z
    .string({ error: "expected a title" })
    .trim()
    .min(1, { error: "is empty — write a headline that says what broke" })
    .max(TITLE_MAX, { error: `is longer than ${TITLE_MAX} characters — shorten it; details belong in the summary` })
    .describe("The headline: what broke, for whom, in plain words."),
  /** Two or three plain sentences a busy reader can stop after. */
  summary: z
    .string({ error: "expected a summary" })
    .trim()
    .min(1, { error: "is empty — write two or three plain sentences on what happened and its impact" })
    .max(SUMMARY_MAX, {
      error: `is longer than ${SUMMARY_MAX} characters — keep it to two or three sentences; details belong in the body`,
    })
    .describe("Two or three plain sentences a busy reader can stop after."),
  /** SEV1 (critical) to SEV4 (low); see the guide for definitions. */
  severity: z
    .enum(SEVERITIES, { error: oneOf(SEVERITIES) })
    .describe("SEV1 (critical) to SEV4 (low); see the guide for definitions."),
  /** Document status: `draft`, `in-review`, `published` or `withdrawn`. */
  status: z
    .enum(DOCUMENT_STATUSES, { error: oneOf(DOCUMENT_STATUSES) })
    .describe("Document status: `draft`, `in-review`, `published` or `withdrawn`."),
  /**
   * Why a postmortem that readers have seen was taken back (a duplicate, or wrong at heart), shown on its page
   * (Markdown allowed). Required when status is withdrawn, and only then.
   */
  withdrawnReason: markdownText
    .optional()
    .describe(
      "Why a postmortem readers have seen was taken back, shown on its page (Markdown allowed). Required when status is withdrawn, and only then.",
    ),
  /** Who wrote the postmortem. */
  authors: z.array(personName).min(1, { error: "is empty — list at least one author" }).describe("Who wrote the postmortem."),
  /** Who reviewed it. */
  reviewers: z.array(personName).default([]).describe("Who reviewed it."),
  /** Free keywords, lower-case kebab-case, for browsing and search. */
  tags: z.array(tag).default([]).describe("Free keywords, lower-case kebab-case, for browsing and search."),
  /** Ids of the affected services in `content/services.yaml`. */
  services: z
    .array(catalogId)
    .min(1, { error: "is empty — list at least one affected service" })
    .describe("Ids of the affected services in `content/services.yaml`."),
  /** Ids of the teams involved in `content/teams.yaml`. */
  teams: z
    .array(catalogId)
    .min(1, { error: "is empty — list at least one team involved" })
    .describe("Ids of the teams involved in `content/teams.yaml`."),
  /** The IANA time zone readers think in, for example America/Los_Angeles. */
  timezone: timeZone.describe("The IANA time zone readers think in, for example America/Los_Angeles."),
  /** When impact began. */
  started: keyTime.describe("When impact began."),
  /** When someone (or something) noticed. */
  detected: keyTime.describe("When someone (or something) noticed."),
  /** When impact was stopped or worked around, if it was before resolution. */
  mitigated: keyTime.optional().describe("When impact was stopped or worked around, if it was before resolution."),
  /** When service was fully restored; optional only while the document is a draft. */
  resolved: keyTime.optional().describe("When service was fully restored; optional only while the document is a draft."),
  /** What users experienced. */
  impact: impactSchema.describe("What users experienced."),
  /** How it was noticed. */
  detection: detectionSchema.describe("How it was noticed."),
  /** Events in chronological order. */
  timeline: z.array(timelineEventSchema).default([]).describe("Events in chronological order."),
  /** Trigger, root and contributing causes. */
  causes: z.array(causeSchema).default([]).describe("Trigger, root and contributing causes."),
  /** What went well, what went wrong, where we got lucky. */
  lessons: lessonsSchema
    .default({ wentWell: [], wentWrong: [], gotLucky: [] })
    .describe("What went well, what went wrong, where we got lucky."),
  /** Follow-up commitments. */
  actionItems: z.array(actionItemSchema).default([]).describe("Follow-up commitments."),
  /** Ids of related postmortems (backlinks are added automatically). */
  related: z.array(postmortemId).default([]).describe("Ids of related postmortems (backlinks are added automatically)."),
  /** Action items of earlier postmortems that, had they been done, would have prevented or shortened this incident. */
  priorActionItems: z
    .array(actionItemKey)
    .default([])
    .describe("Action items of earlier postmortems that, had they been done, would have prevented or shortened this incident."),
  /** Former ids of this postmortem; their URLs redirect here. */
  aliases: z.array(postmortemId).default([]).describe("Former ids of this postmortem; their URLs redirect here."),
  /** Set by `hindsight import`: the source document, its checksum and the fields left to fill before review. */
  imported: importedSchema
    .optional()
    .describe("Set by `hindsight import`: the source document, its checksum and the fields left to fill before review."),
};

type Written = z.output<ReturnType<typeof strictObject<typeof frontmatterShape>>>;
type WrittenEvent = Written["timeline"][number];
/** A timeline event with its time resolved to an instant; `dateOnly` when the author gave only the day. */
type ResolvedEvent = WrittenEvent & { dateOnly?: true };
/** The frontmatter with every time an instant with its offset. */
type Frontmatter = Omit<Written, "timeline"> & { timeline: ResolvedEvent[] };
type Issue = { path: (string | number)[]; message: string };

const KEY_TIMES = ["started", "detected", "mitigated", "resolved"] as const;
const resolvedFrontmatter = new WeakMap<Written, Frontmatter>();

/**
 * Every time read in the postmortem's zone: wall-clock times and dates become instants. A wall-clock time
 * in a daylight-saving gap or fold is reported (with both candidate offsets) and left as written.
 */
function resolveTimes(fm: Written, add?: (issue: Issue) => void): Frontmatter {
  const known = resolvedFrontmatter.get(fm);
  if (known) return known;
  const out: Frontmatter = { ...fm, timeline: [] };
  for (const key of KEY_TIMES) {
    const value = fm[key];
    if (value === undefined) continue;
    const resolved = resolveTime(value, fm.timezone);
    if (resolved.ok) out[key] = resolved.iso;
    else add?.({ path: [key], message: resolved.message });
  }
  out.timeline = fm.timeline.map((event, index) => {
    const resolved = resolveTime(event.at, fm.timezone);
    if (!resolved.ok) {
      add?.({ path: ["timeline", index, "at"], message: resolved.message });
      return event;
    }
    return resolved.dateOnly ? { ...event, at: resolved.iso, dateOnly: true as const } : { ...event, at: resolved.iso };
  });
  resolvedFrontmatter.set(fm, out);
  return out;
}

/** Checks the order of the incident's key times. */
function checkKeyTimes(fm: Frontmatter, add: (issue: Issue) => void): void {
  let previous: (typeof KEY_TIMES)[number] | undefined;
  for (const key of KEY_TIMES) {
    const value = fm[key];
    if (value === undefined) continue;
    if (previous !== undefined && instantMs(value) < instantMs(fm[previous]!)) {
      add({
        path: [key],
        message: `${key} (${value}) is before ${previous} (${fm[previous]}) — the order must be started ≤ detected ≤ mitigated ≤ resolved`,
      });
    }
    previous = key;
  }
  if (fm.resolved === undefined && fm.status !== "draft") {
    add({
      path: ["resolved"],
      message: `is required once the postmortem is ${fm.status} — add the time service was fully restored`,
    });
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;
const SLACK_WORDS = TIMELINE_SLACK_HOURS === 24 ? "a day" : `${TIMELINE_SLACK_HOURS} hours`;

/** The span of an event: its instant, or its whole day when only the day is known. */
function eventSpan(event: ResolvedEvent): [number, number] {
  const at = instantMs(event.at);
  return event.dateOnly ? [at, at + DAY_MS - 1] : [at, at];
}

/** Checks that events are in order and near the incident window (context events may come any time before it). */
function checkTimeline(fm: Frontmatter, add: (issue: Issue) => void): void {
  const start = instantMs(fm.started) - TIMELINE_SLACK_MS;
  const endTime = fm.resolved ?? fm.mitigated ?? fm.detected;
  const end = instantMs(endTime) + TIMELINE_SLACK_MS;
  const context = CONTEXT_TIMELINE_KINDS as readonly string[];
  fm.timeline.forEach((event, index) => {
    const [from, to] = eventSpan(event);
    const before = fm.timeline[index - 1];
    // A day and a time on that day are in order either way round.
    if (before && to < eventSpan(before)[0]) {
      add({
        path: ["timeline", index, "at"],
        message: `event ${index + 1} (${event.at}) is earlier than event ${index} (${before.at}) — keep the timeline in chronological order`,
      });
    }
    if (context.includes(event.kind)) {
      if (from > end)
        add({
          path: ["timeline", index, "kind"],
          message: `a ${event.kind} event sets the scene before the incident, but this one (${event.at}) is after it ended (${endTime}) — use another kind, or check the date`,
        });
      return;
    }
    if (to < start || from > end) {
      add({
        path: ["timeline", index, "at"],
        message: `event ${index + 1} (${event.at}) is more than ${SLACK_WORDS} outside the incident (started ${fm.started}, ended ${endTime}) — check the date; an earlier change that set the incident up can stay with kind: context`,
      });
    }
  });
}

/** Rules a published postmortem must meet so that readers can learn from it. */
function checkCompleteness(fm: Frontmatter, add: (issue: Issue) => void): void {
  if (fm.status !== "published") return;
  if (fm.timeline.length === 0)
    add({ path: ["timeline"], message: "is empty — a published postmortem needs a timeline of what happened" });
  else if (!fm.timeline.some((e) => e.kind === "trigger" || e.kind === "detection")) {
    add({
      path: ["timeline"],
      message: "has no trigger or detection event — add the event that started the incident or the moment it was noticed",
    });
  }
  if (!fm.causes.some((c) => c.kind === "root" || c.kind === "contributing")) {
    add({ path: ["causes"], message: "has no root or contributing cause — a published postmortem must say why it happened" });
  }
  if ((fm.severity === "SEV1" || fm.severity === "SEV2") && fm.actionItems.length === 0) {
    add({ path: ["actionItems"], message: `is empty — a ${fm.severity} postmortem needs at least one follow-up action item` });
  }
}

/** Rules on each action item that involve other fields. */
function checkActionItems(fm: Frontmatter, add: (issue: Issue) => void): void {
  const startedDay = calendarDateMs(fm.started.slice(0, 10)) - 24 * 60 * 60 * 1000; // any offset's calendar day
  const seen = new Map<string, number>();
  fm.actionItems.forEach((item, index) => {
    const at = (key: string) => ["actionItems", index, key];
    const first = seen.get(item.id);
    if (first !== undefined)
      add({ path: at("id"), message: `"${item.id}" is already used by action item ${first + 1} — give each item its own id` });
    else seen.set(item.id, index);
    if (item.status === "done" && item.completed === undefined && item.completedDateUnknown !== true)
      add({
        path: at("completed"),
        message:
          "is required when status is done — add the date it was completed, or `completedDateUnknown: true` if nobody knows it",
      });
    if (item.completedDateUnknown === true && (item.status !== "done" || item.completed !== undefined))
      add({
        path: at("completedDateUnknown"),
        message:
          item.status !== "done"
            ? `is only for done items (this one is ${item.status}) — remove it`
            : "says the completion date is unknown, but `completed` gives it — keep one of the two",
      });
    if (item.status !== "done" && item.completed !== undefined)
      add({
        path: at("completed"),
        message: `is only allowed when status is done (it is ${item.status}) — remove it or set status: done`,
      });
    if (item.status === "wont-do" && item.reason === undefined)
      add({ path: at("reason"), message: "is required when status is wont-do — say why the item will not be done" });
    if (item.completed !== undefined && calendarDateMs(item.completed) < startedDay) {
      add({
        path: at("completed"),
        message: `${item.completed} is before the incident started (${fm.started}) — check the date`,
      });
    }
    if (calendarDateMs(item.due) < startedDay)
      add({ path: at("due"), message: `${item.due} is before the incident started (${fm.started}) — check the date` });
  });
}

/** Data loss must be explained when there was any. */
function checkImpact(fm: Frontmatter, add: (issue: Issue) => void): void {
  if (fm.impact.dataLoss !== "none" && fm.impact.dataLossNote === undefined) {
    add({
      path: ["impact", "dataLossNote"],
      message: `is required when dataLoss is ${fm.impact.dataLoss} — say what data was affected and how it was recovered or why it could not be`,
    });
  }
}

/** A withdrawn postmortem says why on its page; no other status carries a reason. */
function checkWithdrawn(fm: Frontmatter, add: (issue: Issue) => void): void {
  if (fm.status === "withdrawn" && fm.withdrawnReason === undefined)
    add({
      path: ["withdrawnReason"],
      message: "is required when status is withdrawn — say why the postmortem was taken back, for example which one replaces it",
    });
  if (fm.status !== "withdrawn" && fm.withdrawnReason !== undefined)
    add({
      path: ["withdrawnReason"],
      message: `is only allowed when status is withdrawn (it is ${fm.status}) — remove it or set status: withdrawn`,
    });
}

/** A postmortem's frontmatter, with every rule that involves only this file. */
export const postmortemSchema = strictObject(frontmatterShape)
  .superRefine((written, ctx) => {
    const add = (issue: Issue) => ctx.addIssue({ code: "custom", path: issue.path, message: issue.message, input: undefined });
    const unresolved: Issue[] = [];
    const fm = resolveTimes(written, (issue) => unresolved.push(issue));
    if (unresolved.length > 0) {
      unresolved.forEach(add);
      return;
    }
    checkKeyTimes(fm, add);
    checkTimeline(fm, add);
    checkCompleteness(fm, add);
    checkActionItems(fm, add);
    checkImpact(fm, add);
    checkWithdrawn(fm, add);
    checkImported(fm, add);
  })
  .transform((written): Frontmatter => resolveTimes(written));

export type Postmortem = z.infer<typeof postmortemSchema>;
export type ActionItem = Postmortem["actionItems"][number];
export type TimelineEvent = Postmortem["timeline"][number];
export type Cause = Postmortem["causes"][number];
