import { describe, expect, it } from "vitest";
import { buildLedger, summarize } from "../../src/lib/action-items/ledger.ts";
import {
  catalogCounts,
  facetValues,
  groupByYear,
  parseSeverity,
  severityCounts,
  tagCounts,
  withFacet,
} from "../../src/lib/browse/facets.ts";
import { openItemsFor, openItemsSection } from "../../src/lib/browse/open-items.ts";
import { actionItem } from "../support/postmortem-builder.ts";
import { record, timesFrom } from "../fixtures/postmortem-records.ts";

const cause = (category: string) => ({ kind: "root", category, text: "Because." });
// Newest first, as the knowledge base hands them over.
const sample = [
  record("2021-03-01-c", {
    severity: "SEV3",
    services: ["search"],
    tags: ["kafka", "lag"],
    causes: [cause("capacity"), cause("capacity")],
    ...timesFrom("2021-03-01T10:00:00Z", 5, 60),
  }),
  record("2021-01-01-b", {
    severity: "SEV1",
    timezone: "America/Los_Angeles",
    services: ["checkout", "search"],
    tags: ["kafka"],
    causes: [cause("software-change")],
    ...timesFrom("2021-01-01T02:00:00Z", 5, 60),
  }),
  record("2020-06-01-a", {
    severity: "SEV2",
    services: ["checkout"],
    tags: ["dns"],
    ...timesFrom("2020-06-01T10:00:00Z", 5, 60),
  }),
];

describe("facets", () => {
  it("gives a postmortem's distinct cause categories once each", () => {
    expect(facetValues(sample[0]!, "causes")).toEqual(["capacity"]);
  });

  it("keeps the newest-first order when filtering by service", () => {
    expect(withFacet(sample, "services", "checkout").map((p) => p.id)).toEqual(["2021-01-01-b", "2020-06-01-a"]);
  });

  it("lists every catalog entry with its count and its newest incident's date on that incident's calendar, including services without incidents", () => {
    const services = [
      { id: "checkout", name: "Checkout" },
      { id: "search", name: "Search" },
      { id: "billing", name: "Billing" },
    ];
    expect(catalogCounts(services, sample, "services").map((r) => [r.id, r.count, r.latest])).toEqual([
      // 2021-01-01T02:00Z is still 31 December in Los Angeles, where that incident happened.
      ["checkout", 2, "2020-12-31"],
      ["search", 2, "2021-03-01"],
      ["billing", 0, undefined],
    ]);
  });

  it("appends values missing from the catalog instead of dropping them", () => {
    expect(catalogCounts([{ id: "checkout", name: "Checkout" }], sample, "services").map((r) => r.id)).toEqual([
      "checkout",
      "search",
    ]);
  });

  it("counts tags alphabetically", () => {
    expect(tagCounts(sample).map((t) => [t.id, t.count])).toEqual([
      ["dns", 1],
      ["kafka", 2],
      ["lag", 1],
    ]);
  });

  it("counts every severity, zeros included", () => {
    expect(severityCounts(sample)).toEqual({ SEV1: 1, SEV2: 1, SEV3: 1, SEV4: 0 });
  });

  it("reads severities from URLs case-insensitively and rejects others", () => {
    expect(parseSeverity("sev2")).toBe("SEV2");
    expect(parseSeverity("sev9")).toBeUndefined();
  });
});

describe("the archive by year", () => {
  it("groups by the year in the postmortem's own time zone, newest year first", () => {
    // 2021-01-01T02:00Z is still 31 December 2020 in Los Angeles.
    const years = groupByYear(sample);
    expect(years.map((y) => [y.year, y.postmortems.map((p) => p.id)])).toEqual([
      [2021, ["2021-03-01-c"]],
      [2020, ["2021-01-01-b", "2020-06-01-a"]],
    ]);
    expect(years[1]!.severities).toEqual({ SEV1: 1, SEV2: 1, SEV3: 0, SEV4: 0 });
  });
});

describe("open items on a browse page", () => {
  const today = "2021-06-01";
  const ledger = buildLedger(
    [
      record("2021-03-01-c", {
        services: ["search"],
        ...timesFrom("2021-03-01T10:00:00Z", 5, 60),
        actionItems: [
          actionItem({ id: "A1", status: "open", due: "2021-09-01" }),
          actionItem({ id: "A2", status: "done", completed: "2021-03-10", due: "2021-04-01" }),
          actionItem({ id: "A3", status: "blocked", due: "2021-04-01" }),
        ],
      }),
      record("2020-06-01-a", {
        services: ["checkout"],
        ...timesFrom("2020-06-01T10:00:00Z", 5, 60),
        actionItems: [actionItem({ id: "A1", status: "open", due: "2020-07-01" })],
      }),
    ],
    today,
  );

  it("lists a service's outstanding items, most overdue first", () => {
    expect(openItemsFor(ledger.items, { service: "search" }).map((i) => i.key)).toEqual(["2021-03-01-c#A3", "2021-03-01-c#A1"]);
  });

  it("lists the outstanding items of a set of postmortems", () => {
    const keys = openItemsFor(ledger.items, { postmortemIds: new Set(["2020-06-01-a", "2021-03-01-c"]) }).map((i) => i.key);
    expect(keys).toEqual(["2020-06-01-a#A1", "2021-03-01-c#A3", "2021-03-01-c#A1"]);
  });

  it("gives the section the ledger's own figures over its rows, for the ledger's day", () => {
    const section = openItemsSection(ledger, { service: "search" });
    expect(section.today).toBe(ledger.today);
    expect(section.summary).toEqual(summarize(section.items, ledger.today));
    // A3 (blocked, due 2021-04-01) is overdue on 2021-06-01; A1 (due 2021-09-01) is not; A2 is done.
    expect([section.summary.outstanding, section.summary.overdue]).toEqual([2, 1]);
    expect(section.items.filter((i) => i.overdue).map((i) => i.key)).toEqual(["2021-03-01-c#A3"]);
  });
});
