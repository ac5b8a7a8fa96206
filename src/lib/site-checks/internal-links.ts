/**
 * Every internal link and #fragment in the built site must resolve. Pure over a map of built files,
 * so it is tested without a build; the site-checks integration feeds it `dist/`. A site built under a
 * base path (`/kb/`) keeps its files at the root of `dist/` while its links carry the base, so links are
 * resolved as served and must stay under the base.
 */
import { pathWithBase, pathWithoutBase } from "../site/paths.ts";

/** One built HTML page: its path in the build, without the base (`/postmortems/x/`), and its HTML. */
export interface BuiltPage {
  path: string;
  html: string;
}

/** What the link check needs of a built page: its path (as in BuiltPage), its ids and its internal links. */
export interface PageLinks {
  path: string;
  ids: ReadonlySet<string>;
  links: readonly string[];
}

export interface BrokenLink {
  /** The page holding the link. */
  page: string;
  /** The link as written. */
  target: string;
  /** Why it does not resolve. */
  reason: string;
}

const LINK_ATTRIBUTE = /\s(?:href|src|action)\s*=\s*"([^"]*)"/g;
const ID_ATTRIBUTE = /\sid\s*=\s*"([^"]*)"/g;

/** Decodes the few entities Astro writes in attributes. */
function unescapeAttribute(value: string): string {
  return value
    .replace(/&amp;/g, "&")
    .replace(/&#38;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

/** The ids defined on a page. */
export function idsOf(html: string): Set<string> {
  return new Set([...html.matchAll(ID_ATTRIBUTE)].map((m) => unescapeAttribute(m[1]!)));
}

/** The internal link targets on a page (site-relative paths and fragments; external URLs are not followed). */
export function internalLinksOf(html: string): string[] {
  const links: string[] = [];
  for (const match of html.matchAll(LINK_ATTRIBUTE)) {
    const value = unescapeAttribute(match[1]!.trim());
    if (value.startsWith("#") || (value.startsWith("/") && !value.startsWith("//"))) links.push(value);
  }
  return links;
}

/** The ids and internal links of a built page, so that its HTML need not be kept for the check. */
export function linksOfPage({ path, html }: BuiltPage): PageLinks {
  return { path, ids: idsOf(html), links: [...new Set(internalLinksOf(html))] };
}

/** The page path a URL path is served from: `/a/` → `/a/`, `/a/index.html` → `/a/`. */
function pagePath(pathname: string): string {
  return pathname.endsWith("/index.html") ? pathname.slice(0, -"index.html".length) : pathname;
}

/**
 * Checks links among `pages`; `files` holds every other built file (`/action-items.csv`, `/pagefind/…`),
 * which may be linked but has no fragments. `base` is the base path the site is served under.
 */
export function findBrokenLinks(pages: readonly (BuiltPage | PageLinks)[], files: ReadonlySet<string>, base = "/"): BrokenLink[] {
  const linked = pages.map((page) => ("html" in page ? linksOfPage(page) : page));
  const ids = new Map(linked.map((p) => [p.path, p.ids]));
  const broken: BrokenLink[] = [];
  for (const page of linked) {
    for (const link of page.links) {
      const url = new URL(link, `http://site${pathWithBase(page.path, base)}`);
      const inBuild = pathWithoutBase(url.pathname, base);
      if (inBuild === undefined) {
        broken.push({ page: page.path, target: link, reason: `outside the base path ${base}` });
        continue;
      }
      if (inBuild.startsWith("/search/") && url.search) continue; // the query is handled in the browser
      const target = pagePath(decodeURIComponent(inBuild));
      const targetIds = ids.get(target);
      if (targetIds === undefined && !files.has(target)) {
        broken.push({ page: page.path, target: link, reason: "no such page or file" });
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && fragment !== "top" && !(targetIds?.has(fragment) ?? false)) {
        broken.push({ page: page.path, target: link, reason: `no element with id "${fragment}"` });
      }
    }
  }
  return broken;
}

/**
 * "page → target (reason)" lines for an error message. A target broken on many pages (a navigation link)
 * is listed once with the number of pages, so the real cause is not buried.
 */
export function formatBrokenLinks(broken: readonly BrokenLink[], limit = 50): string {
  const byTarget = new Map<string, BrokenLink[]>();
  for (const b of broken) {
    const key = `${b.target} (${b.reason})`;
    const links = byTarget.get(key);
    if (links) links.push(b);
    else byTarget.set(key, [b]);
  }
  const lines = [...byTarget.entries()]
    .slice(0, limit)
    .map(([target, links]) =>
      links.length === 1
        ? `  ${links[0]!.page} → ${target}`
        : `  ${links[0]!.page} and ${links.length - 1} more pages → ${target}`,
    );
  if (byTarget.size > limit) lines.push(`  … and ${byTarget.size - limit} more targets`);
  return lines.join("\n");
}
