/**
 * The figures of one action item that depend on "today": overdue, lateness and age. Pure and browser-safe:
 * the build computes them for its today and the ledger's script recomputes them for the reader's date with
 * this same module. Definitions and labels: the glossary (`src/lib/figures/glossary.ts`).
 */
import { isOpenStatus, type ActionStatus } from "../schema/vocabulary.ts";
import { formatCalendarDate } from "../format/instant.ts";
import { formatLateness } from "../format/lateness.ts";
import { formatDays } from "../format/count.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

export { todayIso } from "../figures/today.ts";

/** Whole days from date `a` to date `b` (both YYYY-MM-DD); negative when b is earlier. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** An item is overdue when it is still open and its due date has passed: due today is not yet late. */
export function isOverdue(item: { status: ActionStatus; due: string }, today: string): boolean {
  return isOpenStatus(item.status) && item.due < today;
}

/** Days past due, or 0 when not overdue. */
export function daysOverdue(item: { status: ActionStatus; due: string }, today: string): number {
  return isOverdue(item, today) ? daysBetween(item.due, today) : 0;
}

/** Age of an item that still needs work: whole days from its incident's date to today; null once closed. */
export function ageOf(item: { status: ActionStatus; incidentDate: string }, today: string): number | null {
  return isOpenStatus(item.status) ? Math.max(0, daysBetween(item.incidentDate, today)) : null;
}

/** What an item needs to compute its date-dependent figures. */
export interface ItemDates {
  status: ActionStatus;
  due: string;
  /** The incident's date, YYYY-MM-DD in the postmortem's time zone. */
  incidentDate: string;
}

/** The date-dependent figures of an item as of `today`, with the words pages show for them. */
export interface ItemTimeliness {
  overdue: boolean;
  daysOverdue: number;
  ageDays: number | null;
  /** "3 days overdue", "2 years overdue"; empty when not late. */
  lateness: string;
  /** Exact due date and days late, for the marker's title: "Due 8 Jan 2016 — 3,980 days late as of 30 Nov 2026". */
  latenessTitle: string;
  /** "69 days"; empty for closed items. */
  ageText: string;
}

/** How late an item is as of `today`: days, the words a marker shows and its title (empty when not late). */
export function lateness(
  item: { status: ActionStatus; due: string },
  today: string,
): { days: number; text: string; title: string } {
  const days = daysOverdue(item, today);
  return {
    days,
    text: formatLateness(item.due, today, days),
    title: days > 0 ? `Due ${formatCalendarDate(item.due)}: ${formatDays(days)} late as of ${formatCalendarDate(today)}` : "",
  };
}

/** Overdue, lateness and age of an item as of `today`. */
export function timeliness(item: ItemDates, today: string): ItemTimeliness {
  const late = lateness(item, today);
  const age = ageOf(item, today);
  return {
    overdue: late.days > 0,
    daysOverdue: late.days,
    ageDays: age,
    lateness: late.text,
    latenessTitle: late.title,
    ageText: age === null ? "" : formatDays(age),
  };
}

/** How many of these completion dates fall within the 90 days up to and including `today`. */
export function countDoneWithin90Days(completed: readonly string[], today: string): number {
  return completed.filter((date) => date <= today && daysBetween(date, today) < 90).length;
}

/** How many of these due dates (of items that still need work) have passed by `today`. */
export function countOverdue(dueDates: readonly string[], today: string): number {
  return dueDates.filter((due) => due < today).length;
}
