/** The build's "today" (see today.ts): HINDSIGHT_TODAY pins it for reproducible builds and tests. */
import { localDate } from "../format/instant.ts";
import { isCalendarDate } from "../schema/time.ts";
import { todayIso } from "./today.ts";

/**
 * The build's "today": HINDSIGHT_TODAY when set; otherwise the current date in the site's time zone
 * (`timeZone` in content/site.yaml), or in UTC when none is configured. Pass `process.env`.
 * An item due on the 30th is overdue from the 1st in the organisation's own calendar, not UTC's.
 */
export function buildToday(env: Record<string, string | undefined>, timeZone?: string, now: Date = new Date()): string {
  const pinned = env["HINDSIGHT_TODAY"];
  if (pinned === undefined || pinned === "")
    return timeZone === undefined ? todayIso(now) : localDate(now.toISOString(), timeZone);
  if (!isCalendarDate(pinned))
    throw new Error(`HINDSIGHT_TODAY="${pinned}" is not a date — set it to YYYY-MM-DD, for example 2026-11-26, or unset it`);
  return pinned;
}
