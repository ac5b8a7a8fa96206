import { describe, expect, it } from "vitest";
import { indexCatalogs } from "../../src/lib/catalog-index.ts";
import { postmortemSchema } from "../../src/lib/schema/index.ts";
import { filterValueLabel, searchFacets, sortFilterValues } from "../../src/lib/search/facets.ts";
import { actionItem, validFrontmatter, type Frontmatter } from "../support/postmortem-builder.ts";

const catalog = indexCatalogs({
  teams: [
    { id: "payments", name: "Payments" },
    { id: "sre", name: "Site Reliability" },
  ],
  services: [
    { id: "checkout", name: "Checkout", owner: "payments", tier: "tier-1" },
    { id: "ledger", name: "Ledger", owner: "payments", tier: "tier-2" },
  ],
  categories: [
    { id: "configuration-change", name: "Configuration change", description: "Config." },
    { id: "capacity", name: "Capacity", description: "Load." },
  ],
});

const postmortem = (overrides: Frontmatter = {}) => postmortemSchema.parse(validFrontmatter(overrides));

describe("searchFacets", () => {
  it("gives every filter group its values, with catalog ids turned into display names", () => {
    const facets = searchFacets(
      postmortem({
        severity: "SEV1",
        services: ["checkout", "ledger"],
        teams: ["payments", "sre"],
        tags: ["flags", "payments"],
        causes: [
          { kind: "trigger", category: "configuration-change", text: "The push." },
          { kind: "root", category: "configuration-change", text: "No validation." },
          { kind: "contributing", category: "capacity", text: "Little headroom." },
        ],
      }),
      catalog,
    );
    expect(facets.filters).toEqual({
      severity: ["SEV1"],
      service: ["Checkout", "Ledger"],
      team: ["Payments", "Site Reliability"],
      cause: ["Configuration change", "Capacity"],
      tag: ["flags", "payments"],
      year: ["2024"],
      status: ["published"],
      actions: ["yes"],
    });
    expect(facets.keywords).toBe(
      "Checkout, Ledger. Payments, Site Reliability. Configuration change, Capacity. flags, payments.",
    );
  });

  it("gives result metadata: title, the local start date, severity and summary", () => {
    const facets = searchFacets(postmortem(), catalog);
    expect(facets.meta).toEqual({
      title: "Checkout failed after a configuration push",
      date: "2024-03-01",
      severity: "SEV2",
      summary: "A bad flag disabled payments for 40 minutes.",
    });
  });

  it("dates and files the incident under the year of its start in the postmortem's own time zone", () => {
    const facets = searchFacets(
      postmortem({
        timezone: "America/Los_Angeles",
        started: "2016-01-01T02:00:00Z",
        detected: "2016-01-01T02:05:00Z",
        mitigated: "2016-01-01T02:30:00Z",
        resolved: "2016-01-01T03:00:00Z",
        timeline: [{ at: "2016-01-01T02:00:00Z", kind: "trigger", text: "It began." }],
        actionItems: [actionItem({ due: "2016-02-01" })],
      }),
      catalog,
    );
    expect(facets.meta.date).toBe("2015-12-31");
    expect(facets.filters.year).toEqual(["2015"]);
  });

  it("sorts by the start instant in UTC, so the strings order by time across offsets", () => {
    const facets = searchFacets(
      postmortem({
        started: "2024-03-01T10:00:00+09:00",
        detected: "2024-03-01T10:05:00+09:00",
        mitigated: "2024-03-01T10:40:00+09:00",
        resolved: "2024-03-01T11:00:00+09:00",
        timeline: [{ at: "2024-03-01T10:00:00+09:00", kind: "trigger", text: "It began." }],
      }),
      catalog,
    );
    expect(facets.sort).toEqual({ date: "2024-03-01T01:00:00.000Z" });
  });

  it("says a postmortem has open action items while any item is open, in progress or blocked", () => {
    const items = (...statuses: string[]) =>
      statuses.map((status, i) =>
        actionItem({
          id: `A${i + 1}`,
          status,
          ...(status === "done" ? { completed: "2024-03-10" } : {}),
          ...(status === "wont-do" ? { reason: "Not worth it." } : {}),
        }),
      );
    expect(searchFacets(postmortem({ actionItems: items("done", "blocked") }), catalog).filters.actions).toEqual(["yes"]);
    expect(searchFacets(postmortem({ actionItems: items("in-progress") }), catalog).filters.actions).toEqual(["yes"]);
    expect(searchFacets(postmortem({ actionItems: items("done", "wont-do") }), catalog).filters.actions).toEqual(["no"]);
    expect(searchFacets(postmortem({ severity: "SEV3", actionItems: [] }), catalog).filters.actions).toEqual(["no"]);
  });

  it("lists a category once even when several causes share it, and leaves the tag group empty without tags", () => {
    const facets = searchFacets(postmortem({ tags: [] }), catalog);
    expect(facets.filters.cause).toEqual(["Configuration change"]);
    expect(facets.filters.tag).toEqual([]);
  });

  it("files in-review postmortems under their document status", () => {
    expect(searchFacets(postmortem({ status: "in-review" }), catalog).filters.status).toEqual(["in-review"]);
  });
});

describe("filterValueLabel", () => {
  it("names severities, document statuses and the open-items flag for readers and leaves names as they are", () => {
    expect(filterValueLabel("severity", "SEV1")).toBe("SEV1 · Critical");
    expect(filterValueLabel("status", "in-review")).toBe("In review");
    expect(filterValueLabel("actions", "yes")).toBe("Has open action items");
    expect(filterValueLabel("actions", "no")).toBe("None open");
    expect(filterValueLabel("service", "Checkout")).toBe("Checkout");
  });
});

describe("sortFilterValues", () => {
  it("keeps severities in their fixed order whatever the counts", () => {
    expect(sortFilterValues("severity", { SEV3: 9, SEV1: 1, SEV2: 4 })).toEqual(["SEV1", "SEV2", "SEV3"]);
  });

  it("lists years newest first", () => {
    expect(sortFilterValues("year", { "2016": 3, "2024": 1, "2019": 2 })).toEqual(["2024", "2019", "2016"]);
  });

  it("lists services, teams, causes and tags by count, then by name", () => {
    expect(sortFilterValues("tag", { dns: 2, backups: 5, cdn: 2 })).toEqual(["backups", "cdn", "dns"]);
  });
});
