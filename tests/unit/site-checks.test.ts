import { describe, expect, it } from "vitest";
import { findBrokenLinks, formatBrokenLinks, idsOf, internalLinksOf } from "../../src/lib/site-checks/internal-links.ts";
import { reconcile } from "../../src/lib/site-checks/reconcile.ts";

const page = (path: string, body: string) => ({ path, html: `<html><body>${body}</body></html>` });

describe("the internal link check", () => {
  it("collects site-relative links and fragments but not external URLs", () => {
    const html =
      '<a href="/a/">a</a><a href="#x">x</a><a href="https://example.com/">e</a><a href="//cdn.example/">c</a><link href="/s.css"><img src="/i.svg">';
    expect(internalLinksOf(html)).toEqual(["/a/", "#x", "/s.css", "/i.svg"]);
    expect([...idsOf('<h2 id="one">x</h2><p id="two">')]).toEqual(["one", "two"]);
  });

  it("accepts links to existing pages, files and fragments", () => {
    const pages = [
      page("/", '<a href="/b/#part">b</a><a href="/data.csv">csv</a><a href="#main">top</a><main id="main">'),
      page("/b/", '<h2 id="part">'),
    ];
    expect(findBrokenLinks(pages, new Set(["/data.csv"]))).toEqual([]);
  });

  it("reports a missing page and a missing fragment as page → target", () => {
    const pages = [page("/", '<a href="/gone/">x</a><a href="/b/#nowhere">y</a><a href="#missing">z</a>'), page("/b/", "")];
    expect(findBrokenLinks(pages, new Set())).toEqual([
      { page: "/", target: "/gone/", reason: "no such page or file" },
      { page: "/", target: "/b/#nowhere", reason: 'no element with id "nowhere"' },
      { page: "/", target: "#missing", reason: 'no element with id "missing"' },
    ]);
  });

  it("resolves relative fragments against the page they are on", () => {
    const pages = [page("/a/", '<a href="#here">x</a><p id="here">'), page("/b/", '<a href="/a/#here">x</a>')];
    expect(findBrokenLinks(pages, new Set())).toEqual([]);
  });

  it("lists a target broken on many pages once, with the number of pages", () => {
    const pages = ["/", "/a/", "/b/"].map((p) => page(p, '<a href="/missing/">x</a>'));
    expect(formatBrokenLinks(findBrokenLinks(pages, new Set()))).toBe("  / and 2 more pages → /missing/ (no such page or file)");
  });
});

describe("the internal link check under a base path", () => {
  const pages = [
    page("/", '<a href="/kb/a/#here">a</a><a href="/kb/">home</a>'),
    page("/a/", '<p id="here"><a href="../">up</a>'),
  ];

  it("resolves links that carry the base against the files at the root of the build", () => {
    expect(findBrokenLinks(pages, new Set(["/data.csv"]), "/kb/")).toEqual([]);
    expect(findBrokenLinks([page("/", '<a href="/kb/data.csv">d</a>')], new Set(["/data.csv"]), "/kb/")).toEqual([]);
  });

  it("reports a link written without the base as outside it", () => {
    expect(findBrokenLinks([page("/", '<a href="/a/">a</a>'), page("/a/", "")], new Set(), "/kb/")).toEqual([
      { page: "/", target: "/a/", reason: "outside the base path /kb/" },
    ]);
  });
});

describe("count reconciliation", () => {
  it("passes when drafts explain the only difference", () => {
    expect(reconcile({ files: 8, entries: 8, drafts: 1, withdrawn: 0, pages: 7, indexed: 7 })).toBeUndefined();
  });

  it("passes when withdrawn postmortems, which are not indexed, explain the rest", () => {
    expect(reconcile({ files: 8, entries: 8, drafts: 1, withdrawn: 2, pages: 5, indexed: 5 })).toBeUndefined();
  });

  it("fails with every number when a page is missing from the index", () => {
    const message = reconcile({ files: 8, entries: 8, drafts: 1, withdrawn: 0, pages: 7, indexed: 6 });
    expect(message).toContain("pages in the search index: 6 (expected 7)");
    expect(message).toContain("files in the postmortems folder: 8");
    expect(message).toContain("postmortem pages built: 7 (expected 7)");
  });

  it("fails when a file never became a collection entry", () => {
    expect(reconcile({ files: 9, entries: 8, drafts: 1, withdrawn: 0, pages: 7, indexed: 7 })).toContain(
      "entries in the content collection: 8 (1 drafts, not built; 0 withdrawn, not indexed)",
    );
  });
});
