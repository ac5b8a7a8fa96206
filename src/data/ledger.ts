/**
 * The action-item ledger of this build, computed once and shared by every page that shows action items.
 * "Today" is `buildToday` in the site's time zone (HINDSIGHT_TODAY pins it: reproducible builds, tests).
 */
import { buildLedger, type Ledger } from "../lib/action-items/ledger.ts";
import { buildToday } from "../lib/figures/build-today.ts";
import { getKnowledgeBase } from "./knowledge-base.ts";
import { site } from "./site.ts";

/** The build's "today", the date every overdue, age and 90-day figure of the site is computed for. */
export function siteToday(): string {
  return buildToday(process.env, site.timeZone);
}

let cached: Promise<Ledger> | undefined;

/** The ledger of every published postmortem as of the build's today. */
export function getLedger(): Promise<Ledger> {
  cached ??= getKnowledgeBase().then((kb) => buildLedger(kb.published, siteToday()));
  return cached;
}
