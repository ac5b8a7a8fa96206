/** Which postmortems a build shows. Drafts appear only in the local preview (`npm run dev`). */
import type { DocumentStatus } from "../schema/index.ts";

/** True when a postmortem with this status gets a page. In-review ones are built with a banner, for review previews. */
export function isVisible(status: DocumentStatus, options: { includeDrafts: boolean }): boolean {
  return status !== "draft" || options.includeDrafts;
}
