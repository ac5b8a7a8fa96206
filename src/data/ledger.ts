/**
 * The action-item ledger of this build, computed once and shared by every page that shows action items.
 * "Today" is the build's UTC date; `HINDSIGHT_TODAY=YYYY-MM-DD` pins it (reproducible builds, tests).
 */
import { buildLedger, type Ledger } from "../lib/action-items/ledger.ts";
import { todayIso } from "../lib/action-items/overdue.ts";
import { isCalendarDate } from "../lib/schema/time.ts";
import { getKnowledgeBase } from "./knowledge-base.ts";

/** The build's "today": HINDSIGHT_TODAY when set, otherwise the current UTC date. */
export function buildToday(env: Record<string, string | undefined> = process.env): string {
  const pinned = env["HINDSIGHT_TODAY"];
  if (pinned === undefined || pinned === "") return todayIso();
  if (!isCalendarDate(pinned))
    throw new Error(`HINDSIGHT_TODAY="${pinned}" is not a date — set it to YYYY-MM-DD, for example 2026-11-26, or unset it`);
  return pinned;
}

let cached: Promise<Ledger> | undefined;

/** The ledger of every published postmortem as of the build's today. */
export function getLedger(): Promise<Ledger> {
  cached ??= getKnowledgeBase().then((kb) => buildLedger(kb.postmortems, buildToday()));
  return cached;
}
