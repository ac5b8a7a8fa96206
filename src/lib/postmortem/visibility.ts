/**
 * Which postmortems count where — the one home of that rule (ADR 0003):
 * - a build shows (gives a page to, lists, indexes for search) every *visible* postmortem: published and
 *   in review (with a banner), drafts only in the local preview;
 * - figures, the action-item ledger, the insights, the exports and the feeds count *published* postmortems
 *   only, because a document in review may still change.
 */
import type { DocumentStatus } from "../schema/index.ts";

/**
 * True when a postmortem with this status gets a page. In-review ones are built with a banner, for review
 * previews; withdrawn ones keep their page (and redirects) with a notice, so no URL readers hold breaks.
 */
export function isVisible(status: DocumentStatus, options: { includeDrafts: boolean }): boolean {
  return status !== "draft" || options.includeDrafts;
}

/**
 * True when a postmortem with this status appears in lists, browse pages, search and `/postmortems.json`:
 * every visible postmortem except a withdrawn one, which only keeps its own page.
 */
export function isListed(status: DocumentStatus, options: { includeDrafts: boolean }): boolean {
  return isVisible(status, options) && status !== "withdrawn";
}

/** True when a postmortem counts in figures, the ledger, insights, exports and feeds: published only. */
export function isPublished(status: DocumentStatus): boolean {
  return status === "published";
}

/** The published postmortems of a list, order kept. */
export function publishedOnly<T extends { data: { status: DocumentStatus } }>(postmortems: readonly T[]): T[] {
  return postmortems.filter((p) => isPublished(p.data.status));
}
