import { describe, expect, it } from "vitest";
import { absoluteUrl, normaliseBase, pathWithBase, pathWithoutBase, sitePaths } from "../../src/lib/site/paths.ts";

describe("pathWithBase", () => {
  it.each([
    ["/", "/", "/"],
    ["/guide/", "/", "/guide/"],
    ["guide/", "/", "/guide/"],
    ["/", "/kb/", "/kb/"],
    ["/guide/", "/kb/", "/kb/guide/"],
    ["guide/", "/kb", "/kb/guide/"],
    ["/favicon.svg", "kb", "/kb/favicon.svg"],
    ["/action-items/#group-overdue", "/kb/", "/kb/action-items/#group-overdue"],
    ["/search/?q=dns", "/a/b/", "/a/b/search/?q=dns"],
  ])("puts %j under base %j as %j", (path, base, expected) => {
    expect(pathWithBase(path, base)).toBe(expected);
  });
});

describe("pathWithoutBase", () => {
  it.each([
    ["/guide/", "/", "/guide/"],
    ["/kb/guide/", "/kb/", "/guide/"],
    ["/kb/", "/kb/", "/"],
    ["/kb", "/kb/", "/"],
    ["/guide/", "/kb/", undefined],
    ["/kbx/guide/", "/kb/", undefined],
  ])("reads %j under base %j as %j", (path, base, expected) => {
    expect(pathWithoutBase(path, base)).toBe(expected);
  });
});

describe("normaliseBase", () => {
  it.each([
    ["", "/"],
    ["/", "/"],
    ["kb", "/kb/"],
    ["/kb", "/kb/"],
    ["//kb//", "/kb/"],
  ])("normalises %j to %j", (base, expected) => {
    expect(normaliseBase(base)).toBe(expected);
  });
});

describe("the site's paths", () => {
  const root = sitePaths("/");
  const kb = sitePaths("/kb/");
  it.each([
    ["home", root.home(), kb.home(), "/"],
    ["archive", root.archive(), kb.archive(), "/postmortems/"],
    ["archive year", root.archiveYear(2016), kb.archiveYear(2016), "/postmortems/years/2016/"],
    ["postmortem", root.postmortem("2016-01-04-x"), kb.postmortem("2016-01-04-x"), "/postmortems/2016-01-04-x/"],
    [
      "action item",
      root.actionItem("2016-01-04-x", "A2"),
      kb.actionItem("2016-01-04-x", "A2"),
      "/postmortems/2016-01-04-x/#item-A2",
    ],
    ["teams", root.teams(), kb.teams(), "/teams/"],
    ["team", root.team("sre"), kb.team("sre"), "/teams/sre/"],
    ["services", root.services(), kb.services(), "/services/"],
    ["service", root.service("api"), kb.service("api"), "/services/api/"],
    ["tags", root.tags(), kb.tags(), "/tags/"],
    ["tag", root.tag("dns"), kb.tag("dns"), "/tags/dns/"],
    ["causes", root.causes(), kb.causes(), "/causes/"],
    ["cause", root.cause("config-change"), kb.cause("config-change"), "/causes/config-change/"],
    ["severities", root.severities(), kb.severities(), "/severity/"],
    ["severity", root.severity("SEV1"), kb.severity("SEV1"), "/severity/sev1/"],
    ["action items", root.actionItems(), kb.actionItems(), "/action-items/"],
    ["ledger group", root.actionItemGroup("overdue"), kb.actionItemGroup("overdue"), "/action-items/overdue/"],
    ["CSV export", root.actionItemsCsv(), kb.actionItemsCsv(), "/action-items.csv"],
    ["JSON export", root.actionItemsJson(), kb.actionItemsJson(), "/action-items.json"],
    ["calendar export", root.actionItemsIcs(), kb.actionItemsIcs(), "/action-items.ics"],
    ["postmortems feed", root.postmortemsJson(), kb.postmortemsJson(), "/postmortems.json"],
    ["RSS feed", root.rss(), kb.rss(), "/rss.xml"],
    ["search", root.search(), kb.search(), "/search/"],
    ["guide", root.guide(), kb.guide(), "/guide/"],
    ["insights", root.insights(), kb.insights(), "/insights/"],
    ["search index", root.pagefind(), kb.pagefind(), "/pagefind/"],
    ["asset", root.path("/logo.svg"), kb.path("/logo.svg"), "/logo.svg"],
  ])("%s: %s at the root, %s under /kb/", (_name, atRoot, underKb, expected) => {
    expect(atRoot).toBe(expected);
    expect(underKb).toBe(`/kb${expected}`);
  });

  it("encodes characters that are not safe in a path segment", () => {
    expect(root.tag("a b/c")).toBe("/tags/a%20b%2Fc/");
  });

  it("makes absolute URLs from the origin and a path that carries the base", () => {
    expect(absoluteUrl(kb.postmortem("2016-01-04-x"), "https://org.github.io")).toBe(
      "https://org.github.io/kb/postmortems/2016-01-04-x/",
    );
    expect(absoluteUrl(root.home(), new URL("https://kb.example.com/"))).toBe("https://kb.example.com/");
  });
});
