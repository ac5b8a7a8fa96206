/** A withdrawn postmortem keeps its page and its redirects, with a notice, and leaves every list, feed and figure. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_ERRORS, createContent, pm, WEBSITE_SLOW } from "../support/content-fixture.ts";
import { buildSite, type BuildResult } from "../support/site.ts";

const f = createContent();
let result: BuildResult;
const read = (path: string) => readFileSync(join(result.dist, path), "utf8");

beforeAll(async () => {
  f.edit(
    pm(WEBSITE_SLOW),
    "status: published",
    "status: withdrawn\nwithdrawnReason: A duplicate of the **API errors** postmortem.\naliases: [2024-05-02-slow-site]",
  );
  f.edit(pm(API_ERRORS), "related: [2024-05-02-website-slow]", "related: []");
  result = await buildSite("withdrawn", f.dir);
});
afterAll(() => f.cleanup());

describe("a withdrawn postmortem", () => {
  it("builds, with the count checks reconciled", () => {
    expect(result.code, result.output).toBe(0);
  });

  it("keeps its page with a notice and its reason, outside the search index", () => {
    const html = read(`postmortems/${WEBSITE_SLOW}/index.html`);
    expect(html).toMatch(/<strong[^>]*>Withdrawn\.<\/strong> This postmortem was taken back/);
    expect(html).toContain("Why: A duplicate of the <strong>API errors</strong> postmortem.");
    expect(html).not.toContain("data-pagefind-body");
    expect(read("pagefind/pagefind-entry.json")).toMatch(/"page_count":1\b/);
  });

  it("keeps the redirects of its former ids", () => {
    expect(read("postmortems/2024-05-02-slow-site/index.html")).toContain(`/postmortems/${WEBSITE_SLOW}/`);
  });

  it("is left out of the lists, feeds and exports", () => {
    for (const path of ["index.html", "postmortems/index.html", "rss.xml", "postmortems.json", "action-items.json"]) {
      expect(existsSync(join(result.dist, path)), path).toBe(true);
      expect(read(path), path).not.toContain(WEBSITE_SLOW);
    }
    expect(read("postmortems.json")).toContain(API_ERRORS);
  });
});
