/**
 * Every path of the site, built in one place with the base path applied (after Starlight's
 * `pathWithBase`). Pure and free of Node and Astro imports, so pages, the CLI and browser scripts share
 * it; `urls.ts` binds it to the base of the current build.
 */
import type { Severity } from "../schema/vocabulary.ts";

/** `/kb/` or `/kb` → `/kb/`; `` or `/` → `/`. */
export function normaliseBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, "");
  return trimmed === "" ? "/" : `/${trimmed}/`;
}

/** A site path (`/guide/`, `guide/`, `/`) under the base path: `/kb/guide/`. Fragments and queries are kept. */
export function pathWithBase(path: string, base: string): string {
  const rest = path.replace(/^\/+/, "");
  return `${normaliseBase(base)}${rest}`;
}

/** The site path of a served path, without the base (`/kb/guide/` → `/guide/`); undefined when outside the base. */
export function pathWithoutBase(path: string, base: string): string | undefined {
  const prefix = normaliseBase(base);
  if (prefix === "/") return path;
  if (path === prefix.slice(0, -1)) return "/";
  return path.startsWith(prefix) ? `/${path.slice(prefix.length)}` : undefined;
}

/** An absolute URL for a path that already carries the base: `https://kb.example.com/kb/guide/`. */
export function absoluteUrl(pathWithBaseApplied: string, origin: string | URL): string {
  return new URL(pathWithBaseApplied, origin).href;
}

const segment = (value: string | number) => encodeURIComponent(String(value));

/** The site's paths under one base path. */
export function sitePaths(base: string) {
  const at = (path: string) => pathWithBase(path, base);
  return {
    /** Any other site path or public file (`/favicon.svg`, `/logo.svg`). */
    path: at,
    home: () => at("/"),
    archive: () => at("/postmortems/"),
    archiveYear: (year: string | number) => at(`/postmortems/years/${segment(year)}/`),
    postmortem: (id: string) => at(`/postmortems/${segment(id)}/`),
    actionItem: (postmortemId: string, itemId: string) => at(`/postmortems/${segment(postmortemId)}/#item-${segment(itemId)}`),
    teams: () => at("/teams/"),
    team: (id: string) => at(`/teams/${segment(id)}/`),
    services: () => at("/services/"),
    service: (id: string) => at(`/services/${segment(id)}/`),
    tags: () => at("/tags/"),
    tag: (id: string) => at(`/tags/${segment(id)}/`),
    causes: () => at("/causes/"),
    cause: (id: string) => at(`/causes/${segment(id)}/`),
    severities: () => at("/severity/"),
    severity: (id: Severity) => at(`/severity/${id.toLowerCase()}/`),
    actionItems: () => at("/action-items/"),
    actionItemGroup: (group: string) => at(`/action-items/${segment(group)}/`),
    actionItemsCsv: () => at("/action-items.csv"),
    actionItemsJson: () => at("/action-items.json"),
    actionItemsIcs: () => at("/action-items.ics"),
    postmortemsJson: () => at("/postmortems.json"),
    rss: () => at("/rss.xml"),
    search: () => at("/search/"),
    guide: () => at("/guide/"),
    insights: () => at("/insights/"),
    /** The folder of pagefind's index and browser bundle. */
    pagefind: () => at("/pagefind/"),
  };
}

export type SitePaths = ReturnType<typeof sitePaths>;
