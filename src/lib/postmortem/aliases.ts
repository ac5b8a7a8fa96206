/** Renames keep URLs: each former id in `aliases` redirects to the postmortem's page. */
import { isVisible } from "./visibility.ts";
import { sitePaths } from "../site/paths.ts";
import type { DocumentStatus } from "../schema/index.ts";

interface Aliased {
  id: string;
  data: { aliases: string[]; status: DocumentStatus };
}

/**
 * Astro `redirects` entries for postmortems a build shows: `/postmortems/<former-id>/` → the page's path.
 * Astro adds the base path to the source (a route) but not to the destination, so the destination carries it.
 */
export function aliasRedirects(postmortems: readonly Aliased[], base = "/"): Record<string, string> {
  const redirects: Record<string, string> = {};
  const withoutBase = sitePaths("/");
  const withBase = sitePaths(base);
  for (const pm of postmortems) {
    if (!isVisible(pm.data.status, { includeDrafts: false })) continue;
    for (const alias of pm.data.aliases) redirects[withoutBase.postmortem(alias)] = withBase.postmortem(pm.id);
  }
  return redirects;
}
