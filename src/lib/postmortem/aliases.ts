/** Renames keep URLs: each former id in `aliases` redirects to the postmortem's page. */
import { isVisible } from "./visibility.ts";
import type { DocumentStatus } from "../schema/index.ts";

interface Aliased {
  id: string;
  data: { aliases: string[]; status: DocumentStatus };
}

/** Astro `redirects` entries: `/postmortems/<former-id>/` → `/postmortems/<id>/`, for postmortems a build shows. */
export function aliasRedirects(postmortems: readonly Aliased[]): Record<string, string> {
  const redirects: Record<string, string> = {};
  for (const pm of postmortems) {
    if (!isVisible(pm.data.status, { includeDrafts: false })) continue;
    for (const alias of pm.data.aliases) redirects[`/postmortems/${alias}/`] = `/postmortems/${pm.id}/`;
  }
  return redirects;
}
