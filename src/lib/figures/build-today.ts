/** The build's "today" (see today.ts): HINDSIGHT_TODAY pins it for reproducible builds and tests. */
import { isCalendarDate } from "../schema/time.ts";
import { todayIso } from "./today.ts";

/** The build's "today": HINDSIGHT_TODAY when set, otherwise the current UTC date. Pass `process.env`. */
export function buildToday(env: Record<string, string | undefined>, now: Date = new Date()): string {
  const pinned = env["HINDSIGHT_TODAY"];
  if (pinned === undefined || pinned === "") return todayIso(now);
  if (!isCalendarDate(pinned))
    throw new Error(`HINDSIGHT_TODAY="${pinned}" is not a date — set it to YYYY-MM-DD, for example 2026-11-26, or unset it`);
  return pinned;
}
