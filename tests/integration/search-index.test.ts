/** The search index and search page of the built sample site (the global setup builds it). */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { POSTMORTEM_ID } from "../../src/lib/schema/index.ts";
import { countBuiltPostmortems } from "../../src/lib/search/expected-pages.ts";
import { ROOT, SAMPLE_DIST } from "../support/paths.ts";

const read = (...path: string[]) => readFileSync(join(SAMPLE_DIST, ...path), "utf8");

/** Every built HTML file, relative to the site root. */
function htmlFiles(dir = SAMPLE_DIST, prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return entry.name === "pagefind" ? [] : htmlFiles(join(dir, entry.name), `${prefix}${entry.name}/`);
    return entry.name.endsWith(".html") ? [`${prefix}${entry.name}`] : [];
  });
}

/** Postmortem pages, without the redirect pages that former ids (aliases) leave behind. */
const postmortemPages = readdirSync(join(SAMPLE_DIST, "postmortems"), { withFileTypes: true })
  .filter((e) => e.isDirectory() && POSTMORTEM_ID.test(e.name))
  .map((e) => e.name)
  .filter(
    (id) =>
      existsSync(join(SAMPLE_DIST, "postmortems", id, "index.html")) &&
      !read("postmortems", id, "index.html").includes('http-equiv="refresh"'),
  );

describe("the sample site's search index", () => {
  const entry = JSON.parse(read("pagefind", "pagefind-entry.json")) as { languages: Record<string, { page_count: number }> };

  it("holds exactly one page per published postmortem", () => {
    const published = countBuiltPostmortems(join(ROOT, "content", "postmortems"));
    expect(Object.keys(entry.languages)).toEqual(["en"]);
    expect(entry.languages["en"]?.page_count).toBe(published);
    expect(postmortemPages).toHaveLength(published);
  });

  it("ships the browser API the search page loads, and its WebAssembly", () => {
    expect(existsSync(join(SAMPLE_DIST, "pagefind", "pagefind.js"))).toBe(true);
    expect(existsSync(join(SAMPLE_DIST, "pagefind", "wasm.en.pagefind"))).toBe(true);
  });

  it("is fed only by postmortem pages: no other page marks content for indexing", () => {
    const marked = htmlFiles().filter((file) => read(file).includes("data-pagefind-body"));
    expect(marked.sort()).toEqual(postmortemPages.map((id) => `postmortems/${id}/index.html`).sort());
  });

  it("gets filters, result metadata and the sort key from every postmortem page", () => {
    const html = read("postmortems", "2016-01-04-dashboard-outage-deleted-metadata-tables", "index.html");
    for (const key of ["severity", "service", "team", "cause", "tag", "year", "status", "actions"])
      expect(html).toContain(`data-pagefind-filter="${key}"`);
    expect(html).toContain('<span data-pagefind-filter="severity">SEV1</span>');
    expect(html).toContain('<span data-pagefind-filter="year">2016</span>');
    expect(html).toContain('<span data-pagefind-meta="date">2016-01-04</span>');
    expect(html).toMatch(/<span data-pagefind-sort="date">2016-01-0\dT\d\d:\d\d:00\.000Z<\/span>/);
  });
});

describe("the built search page", () => {
  const html = read("search", "index.html");

  it("says without JavaScript that search needs it and links to the archive", () => {
    expect(html).toMatch(/<div[^>]*data-search-nojs[^>]*>\s*<p[^>]*>\s*Search runs in your browser and needs JavaScript/);
    expect(html).toMatch(/blocked here\. <a href="\/postmortems\/"[^>]*>Browse all postmortems<\/a> instead/);
  });

  it("keeps the interactive search hidden until its script starts, and loads that script as an external module", () => {
    expect(html).toMatch(/<div class="search-app[^"]*"[^>]*data-search-app[^>]*hidden/);
    expect(html).toMatch(/<script type="module" src="\/_astro\/[^"]+\.js"><\/script>/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\sstyle="/);
  });

  it("does not carry the note meant for the development server", () => {
    expect(html).not.toContain("Search needs a build");
  });
});
