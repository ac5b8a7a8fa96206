/** Which postmortems a build shows. Drafts appear only in the local preview (`npm run dev`). */
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
