/**
 * The site configuration and the site's paths, as pages and components receive them. The configuration
 * is read once per build from the content folder's `site.yaml` (see src/lib/site/config.ts).
 */
import { contentDir } from "../lib/content-paths.ts";
import { siteConfigOrThrow, type SeverityWording } from "../lib/site/config.ts";
import type { Severity } from "../lib/schema/vocabulary.ts";

export { urls } from "../lib/site/urls.ts";

export const site = siteConfigOrThrow(contentDir());

/** This organisation's wording of one severity level. */
export function severityWording(id: Severity): SeverityWording {
  return site.severities.find((level) => level.id === id)!;
}
