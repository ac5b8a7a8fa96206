/** Small helpers for reading built HTML in integration tests (the pages are static, so text matching suffices). */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** The HTML of the page at a site path such as "/services/dashboards/". */
export function readPage(dist: string, path: string): string {
  return readFileSync(pageFile(dist, path), "utf8");
}

/** The file that serves a site path. */
export function pageFile(dist: string, path: string): string {
  const clean = path.split("#")[0]!;
  return clean.endsWith("/") ? join(dist, clean, "index.html") : join(dist, clean);
}

/** True when the site has a file for this path. */
export function pageExists(dist: string, path: string): boolean {
  return existsSync(pageFile(dist, path));
}

/** The markup from the first `open` match to the matching closing tag of the same element name. */
export function element(html: string, open: string | RegExp): string {
  const start = typeof open === "string" ? html.indexOf(open) : html.search(open);
  if (start < 0)
    throw new Error(`No element matching ${String(open)} in the page — check the selector or that the component rendered`);
  const name = /^<([a-z0-9-]+)/i.exec(html.slice(start))?.[1];
  if (!name)
    throw new Error(`${String(open)} does not start at a tag — pass the opening tag's beginning, such as '<figure id="x"'`);
  const tag = new RegExp(`<(/?)${name}\\b[^>]*>`, "gi");
  tag.lastIndex = start;
  let depth = 0;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return html.slice(start, m.index + m[0].length);
  }
  throw new Error(`The <${name}> at ${start} is not closed`);
}

/** How many tags of `tag` have `className` among their classes. */
export function countMarks(html: string, tag: string, className: string): number {
  const re = new RegExp(`<${tag}\\b[^>]*\\bclass="([^"]*)"`, "g");
  return [...html.matchAll(re)].filter((m) => m[1]!.split(/\s+/).includes(className)).length;
}

/** Every href in the markup. */
export function hrefs(html: string): string[] {
  return [...html.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));
}
