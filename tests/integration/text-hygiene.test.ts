/**
 * Every built page of the sample site reads cleanly: no words glued to punctuation or numbers, no
 * "1 items", no raw fixed-list values. Whitespace between inline elements must be written in the
 * templates; the browser's layout does not add it for screen readers, copy and paste or search. The same
 * holds for what pictures and controls say: SVG titles, descriptions and labels, `aria-label`, `title`, `alt`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { SAMPLE_DIST } from "../support/paths.ts";
import { hygieneFindings } from "../support/text-hygiene.ts";
import { labelText, visibleText } from "../support/visible-text.ts";

/** Every HTML page of the build except redirects and pagefind's own files. */
function builtPages(dist: string): string[] {
  return readdirSync(dist, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".html") && !file.startsWith("pagefind"))
    .map((file) => join(dist, file))
    .filter((file) => !/http-equiv="refresh"/.test(readFileSync(file, "utf8")));
}

const pages = builtPages(SAMPLE_DIST);

describe("the text of every built page", () => {
  it("covers every page type of the site", () => {
    const paths = pages.map((p) => relative(SAMPLE_DIST, p));
    for (const expected of [
      "index.html",
      "404.html",
      "postmortems/index.html",
      "action-items/index.html",
      "action-items/done/index.html",
      "insights/index.html",
      "guide/index.html",
      "search/index.html",
      "teams/index.html",
    ])
      expect(paths).toContain(expected);
    expect(paths.filter((p) => p.startsWith("postmortems/2")).length).toBeGreaterThan(5);
  });

  it("has no glued words, wrong plurals or raw fixed-list values", () => {
    const findings = pages.flatMap((file) =>
      hygieneFindings(visibleText(readFileSync(file, "utf8"))).map(
        (f) => `${relative(SAMPLE_DIST, file)}: ${f.fault}: “${f.excerpt}”`,
      ),
    );
    expect(findings).toEqual([]);
  });

  it("has none in its pictures and labels either: SVG text, titles and descriptions, aria-label, title and alt", () => {
    const findings = pages.flatMap((file) =>
      hygieneFindings(labelText(readFileSync(file, "utf8"))).map(
        (f) => `${relative(SAMPLE_DIST, file)}: ${f.fault}: “${f.excerpt}”`,
      ),
    );
    expect(findings).toEqual([]);
  });
});
