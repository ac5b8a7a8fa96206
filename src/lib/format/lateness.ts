/**
 * How late an item is, in the unit a reader thinks in: "3 days overdue", "5 months overdue", "2 years overdue".
 * Calendar months and years are counted between the two dates, so 31 January → 28 February is not yet a month.
 */
import { countOf } from "./count.ts";

/** Whole calendar months from date `from` to date `to` (both YYYY-MM-DD, `to` not earlier). */
export function wholeMonthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = to.split("-").map(Number) as [number, number, number];
  return Math.max(0, (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0));
}

/**
 * Lateness of an item `days` days past its due date `due`, as of `today`: days under a month, then months,
 * then years. Empty for an item that is not late.
 */
export function formatLateness(due: string, today: string, days: number): string {
  if (days <= 0) return "";
  const months = wholeMonthsBetween(due, today);
  if (months < 1) return `${countOf(days, "day")} overdue`;
  if (months < 12) return `${countOf(months, "month")} overdue`;
  return `${countOf(Math.floor(months / 12), "year")} overdue`;
}
