/**
 * Rules on a postmortem whose fields are valid, that the schema cannot hold: ones that need today's date,
 * and the warnings (plausible but probably unintended). Each finding names its rule (src/lib/validate/rules.ts).
 */
import type { Postmortem } from "../schema/index.ts";
import { zoneOffsetMinutes, formatOffset, parseOffset, wallTimeAt } from "../schema/zone-time.ts";
import { unclosedEmphasis } from "./emphasis.ts";
import type { RuleId } from "./rules.ts";

export interface Finding {
  rule: RuleId;
  path: (string | number)[];
  message: string;
  /** Characters into the field's text where the problem is, when it is inside a text. */
  index?: number;
}

/** How many days after today (UTC) a `completed` date may be: the author's calendar may be ahead of UTC. */
export const COMPLETED_GRACE_DAYS = 1;

/** `YYYY-MM-DD` of a day in UTC. */
function dayPlus(today: string, days: number): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Every rule of this module on one postmortem. `today` is `YYYY-MM-DD` (UTC). */
export function checkFacts(pm: Postmortem, today: string): Finding[] {
  return [...completedInFuture(pm, today), ...duplicateEvents(pm), ...zoneOffsets(pm), ...privateTickets(pm), ...emphasis(pm)];
}

function completedInFuture(pm: Postmortem, today: string): Finding[] {
  const latest = dayPlus(today, COMPLETED_GRACE_DAYS);
  return pm.actionItems.flatMap((item, index) =>
    item.completed !== undefined && item.completed > latest
      ? [
          {
            rule: "completed-in-future" as const,
            path: ["actionItems", index, "completed"],
            message: `${item.completed} is in the future (today is ${today}) — an item is done when the work is finished: keep status: in-progress and add completed on the day it is done`,
          },
        ]
      : [],
  );
}

function duplicateEvents(pm: Postmortem): Finding[] {
  // Events by time and kind; texts are compared only among those (most events share neither).
  const seen = new Map<string, number[]>();
  const sameText = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
  const findings: Finding[] = [];
  pm.timeline.forEach((event, index) => {
    const moment = `${Date.parse(event.at)}|${event.kind}`;
    const earlier = seen.get(moment);
    const first = earlier?.find((i) => sameText(pm.timeline[i]!.text, event.text));
    if (earlier === undefined) seen.set(moment, [index]);
    else if (first === undefined) earlier.push(index);
    else
      findings.push({
        rule: "duplicate-event",
        path: ["timeline", index],
        message: `repeats event ${first + 1} (same time, kind and text) — remove one of them`,
      });
  });
  return findings;
}

/** Every time of a postmortem with its field path, except dates alone (they carry the zone's offset by construction). */
function times(pm: Postmortem): { path: (string | number)[]; value: string }[] {
  const out: { path: (string | number)[]; value: string }[] = [];
  for (const key of ["started", "detected", "mitigated", "resolved"] as const) {
    const value = pm[key];
    if (value !== undefined) out.push({ path: [key], value });
  }
  pm.timeline.forEach((event, index) => {
    if (!event.dateOnly) out.push({ path: ["timeline", index, "at"], value: event.at });
  });
  return out;
}

/**
 * Times whose offset is not the zone's offset at that instant. Local times written with `+00:00` in a
 * Pacific postmortem move every time by eight hours; UTC times on purpose are fine. Both readings are
 * plausible, so it is a warning, once per offset, at its first use.
 */
function zoneOffsets(pm: Postmortem): Finding[] {
  const byOffset = new Map<string, { path: (string | number)[]; value: string; count: number }>();
  for (const time of times(pm)) {
    const written = /(Z|[+-]\d{2}:\d{2})$/.exec(time.value)?.[1];
    if (written === undefined) continue;
    const ms = Date.parse(time.value);
    if (parseOffset(written) === zoneOffsetMinutes(ms, pm.timezone)) continue;
    const known = byOffset.get(written);
    if (known) known.count++;
    else byOffset.set(written, { ...time, count: 1 });
  }
  return [...byOffset].map(([offset, first]) => {
    const ms = Date.parse(first.value);
    const zoneOffset = formatOffset(zoneOffsetMinutes(ms, pm.timezone));
    const readsAs = wallTimeAt(ms, pm.timezone);
    const asWritten = first.value.slice(0, 16).replace("T", " ");
    const others = first.count > 1 ? ` (and ${first.count - 1} more ${first.count === 2 ? "time" : "times"} with ${offset})` : "";
    return {
      rule: "zone-offset" as const,
      path: first.path,
      message: `"${first.value}"${others} has offset ${offset === "Z" ? "Z (UTC)" : offset}, but ${pm.timezone} was at ${zoneOffset} then, so readers see ${readsAs.time.slice(0, 5)} local time — if ${asWritten.slice(11)} was the local time, write "${asWritten}" (read in ${pm.timezone}); if the times are UTC on purpose, keep them`,
    };
  });
}

/** True for a host readers cannot reach: localhost, loopback, private and link-local addresses. */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost") || host === "::1" || host === "0.0.0.0") return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(host);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return a === 127 || a === 10 || (a === 192 && b === 168) || (a === 172 && b >= 16 && b <= 31) || (a === 169 && b === 254);
  }
  return /^f[cd][0-9a-f]{2}:/.test(host) || host.startsWith("fe80:");
}

function privateTickets(pm: Postmortem): Finding[] {
  return pm.actionItems.flatMap((item, index) => {
    if (item.ticket === undefined) return [];
    const host = new URL(item.ticket).hostname;
    if (!isPrivateHost(host)) return [];
    return [
      {
        rule: "private-ticket" as const,
        path: ["actionItems", index, "ticket"],
        message: `"${item.ticket}" points at ${host}, which only the computer it was copied on can open — paste the tracker's shared address`,
      },
    ];
  });
}

/**
 * Calls `visit` with each Markdown field of a postmortem and a function giving its path (made only when
 * asked: most fields have nothing to report).
 */
function eachMarkdownField(pm: Postmortem, visit: (text: string, path: () => (string | number)[]) => void): void {
  const field = (text: string | undefined, path: () => (string | number)[]) => {
    if (text !== undefined) visit(text, path);
  };
  field(pm.impact.description, () => ["impact", "description"]);
  field(pm.impact.dataLossNote, () => ["impact", "dataLossNote"]);
  field(pm.detection.note, () => ["detection", "note"]);
  pm.timeline.forEach((e, i) => field(e.text, () => ["timeline", i, "text"]));
  pm.causes.forEach((c, i) => field(c.text, () => ["causes", i, "text"]));
  for (const key of ["wentWell", "wentWrong", "gotLucky"] as const)
    pm.lessons[key].forEach((t, i) => field(t, () => ["lessons", key, i]));
  pm.actionItems.forEach((a, i) => {
    field(a.title, () => ["actionItems", i, "title"]);
    field(a.reason, () => ["actionItems", i, "reason"]);
    field(a.verification, () => ["actionItems", i, "verification"]);
  });
}

function emphasis(pm: Postmortem): Finding[] {
  const found: { path: (string | number)[]; open: ReturnType<typeof unclosedEmphasis> }[] = [];
  eachMarkdownField(pm, (text, path) => {
    const open = unclosedEmphasis(text);
    if (open.length > 0) found.push({ path: path(), open });
  });
  return found.flatMap(({ path, open }) =>
    open.map(({ index, marker }) => ({
      rule: "unclosed-emphasis" as const,
      path,
      index,
      message: `"${marker}" is never closed, so it would show as literal ${marker} on the page — close it after the words to stress (${marker}like this${marker}), or write \`${marker}\` in backticks for the characters themselves`,
    })),
  );
}
