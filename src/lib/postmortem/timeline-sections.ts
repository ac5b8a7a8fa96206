/**
 * The text timeline's sections: context events before the incident first ("before the incident", with
 * their dates), then the incident's events grouped by local day. Each event says how precise its time is.
 */
import { formatCalendarDate, formatClock, formatDay, localDate } from "../format/instant.ts";
import type { TimelineEvent } from "../schema/index.ts";
import { CONTEXT_TIMELINE_KINDS } from "../schema/vocabulary.ts";

export interface TimelineRow {
  event: TimelineEvent;
  /** "20:45", "≈ 20:45", or, for an event known only by its day, "day" (the heading gives the date). */
  clock: string;
  /** Read aloud and shown on hover: "approximately 20:45", "time not known". */
  precision: string | undefined;
}

export interface TimelineSection {
  /** "Before the incident" or the local day ("Mon 4 Jan 2016"). */
  label: string;
  before: boolean;
  rows: TimelineRow[];
}

function row(event: TimelineEvent, timeZone: string, before: boolean): TimelineRow {
  const day = localDate(event.at, timeZone);
  if (event.dateOnly) {
    return { event, clock: before ? formatCalendarDate(day) : "day", precision: "time not known" };
  }
  const time = formatClock(event.at, timeZone);
  const clock = before ? `${formatCalendarDate(day)}, ${time}` : time;
  return event.approximate
    ? { event, clock: `≈ ${clock}`, precision: `approximately ${time}` }
    : { event, clock, precision: undefined };
}

/** The sections of a timeline, in order. */
export function timelineSections(events: readonly TimelineEvent[], timeZone: string, started: string): TimelineSection[] {
  const start = Date.parse(started);
  const context = CONTEXT_TIMELINE_KINDS as readonly string[];
  const sections: TimelineSection[] = [];
  const before = events.filter((e) => context.includes(e.kind) && Date.parse(e.at) < start);
  if (before.length > 0)
    sections.push({ label: "Before the incident", before: true, rows: before.map((e) => row(e, timeZone, true)) });
  for (const event of events) {
    if (before.includes(event)) continue;
    const day = formatDay(event.at, timeZone);
    const last = sections.at(-1);
    if (last && !last.before && last.label === day) last.rows.push(row(event, timeZone, false));
    else sections.push({ label: day, before: false, rows: [row(event, timeZone, false)] });
  }
  return sections;
}

/** The sentence that explains the marks of imprecise times present in a timeline, if any. */
export function precisionNote(events: readonly TimelineEvent[]): string | undefined {
  const notes = [
    events.some((e) => e.approximate === true && !e.dateOnly) ? "≈ marks a time known only approximately" : "",
    events.some((e) => e.dateOnly === true) ? "“day” or a date alone marks an event known only by its date" : "",
  ].filter(Boolean);
  return notes.length > 0 ? `${notes.join("; ")}.` : undefined;
}
