/** What the built sample site sends readers, security-wise: a policy on every page and nothing unused. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UNUSED_PAGEFIND_FILES } from "../../src/integrations/pagefind.ts";
import { SAMPLE_DIST } from "../support/paths.ts";

const pages = readdirSync(SAMPLE_DIST, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".html"));

describe("the built site's security policy", () => {
  it("puts exactly one Content-Security-Policy meta tag on every HTML page", () => {
    const without = pages.filter(
      (page) =>
        (readFileSync(join(SAMPLE_DIST, page), "utf8").match(/<meta http-equiv="content-security-policy"/g) ?? []).length !== 1,
    );
    expect(pages.length).toBeGreaterThan(20);
    expect(without).toEqual([]);
  });

  it("gives the redirect of a renamed postmortem a policy too", () => {
    const html = readFileSync(join(SAMPLE_DIST, "postmortems", "2019-10-15-cdn-503-errors", "index.html"), "utf8");
    expect(html).toContain('http-equiv="refresh"');
    expect(html).toMatch(/<meta http-equiv="content-security-policy" content="default-src 'self';[^"]*object-src 'none'/);
  });

  it("lists no script or style hashes, since no page inlines code", () => {
    expect(pages.filter((page) => readFileSync(join(SAMPLE_DIST, page), "utf8").includes("'sha256-"))).toEqual([]);
  });

  it("ships none of pagefind's ready-made interfaces, only the API the search page loads", () => {
    const files = readdirSync(join(SAMPLE_DIST, "pagefind"));
    expect(files).toContain("pagefind.js");
    expect(files.filter((f) => (UNUSED_PAGEFIND_FILES as readonly string[]).includes(f))).toEqual([]);
  });
});
