import { describe, expect, it } from "vitest";
import { buildLedger } from "../../src/lib/action-items/ledger.ts";
import { followThroughByTeam, openItemsByAge } from "../../src/lib/insights/action-items.ts";
import { causeCategoryCounts, causeCoOccurrence, topPairs } from "../../src/lib/insights/causes.ts";
import { durationBin, durationsBySeverity, histogram, DURATION_BINS } from "../../src/lib/insights/durations.ts";
import { postmortemsPerQuarter, quarterOf, quarterRange } from "../../src/lib/insights/quarters.ts";
import { distribution, median, quantile } from "../../src/lib/insights/stats.ts";
import { actionItem } from "../support/postmortem-builder.ts";
import { record, timesFrom } from "../fixtures/postmortem-records.ts";

const MIN = 60_000;

describe("quantiles", () => {
  it("takes the middle value of an odd count as the median", () => {
    expect(median([9, 1, 5])).toBe(5);
  });

  it("averages the two middle values of an even count", () => {
    expect(median([1, 2, 3, 10])).toBe(2.5);
  });

  it("interpolates p90 between the closest ranks (type 7)", () => {
    // h = (10 − 1) × 0.9 = 8.1 → x₉ + 0.1 × (x₁₀ − x₉) = 9 + 0.1 × 91 = 18.1
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 100], 0.9)).toBeCloseTo(18.1, 10);
  });

  it("returns the only value for every p when there is one value", () => {
    expect(quantile([42], 0.9)).toBe(42);
    expect(quantile([42], 0)).toBe(42);
  });

  it("returns null for no values rather than a made-up zero", () => {
    expect(median([])).toBeNull();
    expect(distribution([])).toEqual({ count: 0, min: null, median: null, p90: null, max: null });
  });

  it("refuses a p outside 0–1 with a message saying what to pass", () => {
    expect(() => quantile([1], 90)).toThrow(/between 0 and 1.*0\.9 for p90/);
  });

  it("summarises a skewed distribution where the mean would mislead", () => {
    const d = distribution([4, 5, 6, 7, 10_000]);
    expect({ ...d, p90: undefined }).toEqual({ count: 5, min: 4, median: 6, p90: undefined, max: 10_000 });
    // h = 4 × 0.9 = 3.6 → 7 + 0.6 × 9993 = 6002.8
    expect(d.p90).toBeCloseTo(6002.8, 9);
  });
});

describe("quarters", () => {
  it("puts a New Year's Eve incident in Los Angeles in Q4 although it is January in UTC", () => {
    expect(quarterOf("2019-12-31T23:30:00-08:00", "America/Los_Angeles")).toBe("2019-Q4");
    expect(quarterOf("2019-12-31T23:30:00-08:00", "UTC")).toBe("2020-Q1");
  });

  it("puts an incident just after midnight in Tokyo in the new quarter although UTC is still in the old one", () => {
    expect(quarterOf("2022-03-31T15:30:00Z", "Asia/Tokyo")).toBe("2022-Q2");
  });

  it("lists quarters across a year boundary", () => {
    expect(quarterRange("2019-Q3", "2020-Q2")).toEqual(["2019-Q3", "2019-Q4", "2020-Q1", "2020-Q2"]);
  });

  it("counts postmortems per quarter and severity and keeps empty quarters in between", () => {
    const rows = postmortemsPerQuarter([
      record("a", { severity: "SEV1", timezone: "America/Los_Angeles", ...timesFrom("2019-12-31T23:30:00-08:00", 5, 60) }),
      record("b", { severity: "SEV2", ...timesFrom("2019-11-02T10:00:00Z", 5, 60) }),
      record("c", { severity: "SEV2", ...timesFrom("2020-07-01T10:00:00Z", 5, 60) }),
    ]);
    expect(rows.map((r) => [r.quarter, r.total, r.counts.SEV1, r.counts.SEV2])).toEqual([
      ["2019-Q4", 2, 1, 1],
      ["2020-Q1", 0, 0, 0],
      ["2020-Q2", 0, 0, 0],
      ["2020-Q3", 1, 0, 1],
    ]);
  });

  it("returns no quarters for no postmortems", () => {
    expect(postmortemsPerQuarter([])).toEqual([]);
  });
});

describe("durations per severity", () => {
  const sample = [
    record("a", { severity: "SEV1", ...timesFrom("2024-01-01T00:00:00Z", 2, 60) }),
    record("b", { severity: "SEV1", ...timesFrom("2024-02-01T00:00:00Z", 4, 120) }),
    record("c", { severity: "SEV1", ...timesFrom("2024-03-01T00:00:00Z", 30, 600) }),
    record("d", { severity: "SEV3", ...timesFrom("2024-04-01T00:00:00Z", 10, 20) }),
  ];

  it("gives median and p90 of time to detect for each severity, with empty severities at count 0", () => {
    const rows = durationsBySeverity(sample, "timeToDetect");
    expect(rows.map((r) => r.severity)).toEqual(["SEV1", "SEV2", "SEV3", "SEV4"]);
    // SEV1 detect: 2, 4, 30 min → median 4; p90: h = 1.8 → 4 + 0.8 × 26 = 24.8 min
    expect(rows[0]!.stats.median).toBe(4 * MIN);
    expect(rows[0]!.stats.p90).toBeCloseTo(24.8 * MIN, 6);
    expect(rows[1]!.stats.count).toBe(0);
    expect(rows[2]!.values).toEqual([10 * MIN]);
  });

  it("measures time to resolve from the start of impact", () => {
    const rows = durationsBySeverity(sample, "timeToResolve");
    expect(rows[0]!.values).toEqual([60 * MIN, 120 * MIN, 600 * MIN]);
    expect(rows[0]!.stats.median).toBe(120 * MIN);
  });

  it("leaves out postmortems without a resolution time from time to resolve only", () => {
    const draft = record("e", {
      severity: "SEV1",
      status: "draft",
      resolved: undefined,
      ...{ started: "2024-05-01T00:00:00Z", detected: "2024-05-01T00:03:00Z" },
    });
    expect(durationsBySeverity([draft], "timeToResolve")[0]!.stats.count).toBe(0);
    expect(durationsBySeverity([draft], "timeToDetect")[0]!.values).toEqual([3 * MIN]);
  });

  it("bins durations on the half-open ladder, a boundary value going to the upper bin", () => {
    expect(durationBin(4 * MIN)).toBe(0);
    expect(durationBin(5 * MIN)).toBe(1);
    expect(durationBin(30 * 24 * 60 * MIN)).toBe(DURATION_BINS.length - 1);
    expect(histogram([1 * MIN, 5 * MIN, 6 * MIN]).slice(0, 3)).toEqual([1, 2, 0]);
  });
});

describe("cause categories", () => {
  const cause = (category: string, kind = "root") => ({ kind, category, text: "Because." });
  const sample = [
    record("a", {
      ...timesFrom("2019-06-01T10:00:00Z", 5, 60),
      causes: [cause("software-change", "trigger"), cause("monitoring-gap"), cause("monitoring-gap", "contributing")],
    }),
    record("b", {
      ...timesFrom("2021-06-01T10:00:00Z", 5, 60),
      causes: [cause("monitoring-gap"), cause("capacity", "contributing")],
    }),
    record("c", { ...timesFrom("2021-08-01T10:00:00Z", 5, 60), causes: [cause("capacity")] }),
  ];
  const taxonomy = ["software-change", "capacity", "monitoring-gap", "security"];

  it("counts a postmortem once per category and keeps unused categories at zero", () => {
    const counts = causeCategoryCounts(sample, taxonomy);
    expect(counts.map((c) => [c.id, c.count])).toEqual([
      ["capacity", 2],
      ["monitoring-gap", 2],
      ["software-change", 1],
      ["security", 0],
    ]);
  });

  it("gives each category's count per year with quiet years at zero", () => {
    const gap = causeCategoryCounts(sample, taxonomy).find((c) => c.id === "monitoring-gap")!;
    expect(gap.byYear).toEqual([
      { year: 2019, count: 1 },
      { year: 2020, count: 0 },
      { year: 2021, count: 1 },
    ]);
  });

  it("builds a symmetric co-occurrence matrix over the categories in use", () => {
    const m = causeCoOccurrence(sample, taxonomy);
    expect(m.categories).toEqual(["software-change", "capacity", "monitoring-gap"]);
    expect(m.counts).toEqual([
      [1, 0, 1],
      [0, 2, 1],
      [1, 1, 2],
    ]);
    expect(topPairs(m)).toEqual([
      { a: "capacity", b: "monitoring-gap", count: 1 },
      { a: "software-change", b: "monitoring-gap", count: 1 },
    ]);
  });
});

describe("action-item follow-through", () => {
  const today = "2024-06-01";
  const ledger = buildLedger(
    [
      record("2024-01-10-a", {
        ...timesFrom("2024-01-10T10:00:00Z", 5, 60),
        actionItems: [
          actionItem({ id: "A1", owner: "payments", status: "done", completed: "2024-02-01", due: "2024-03-01" }),
          actionItem({ id: "A2", owner: "payments", status: "open", due: "2024-02-01" }),
          actionItem({ id: "A3", owner: "payments", status: "wont-do", reason: "Replaced by A2.", due: "2024-03-01" }),
          actionItem({ id: "A4", owner: "sre", status: "in-progress", due: "2024-12-01" }),
        ],
      }),
      record("2024-05-20-b", {
        ...timesFrom("2024-05-20T10:00:00Z", 5, 60),
        actionItems: [actionItem({ id: "A1", owner: "sre", status: "blocked", due: "2024-05-30" })],
      }),
    ],
    today,
  );

  it("computes completion rate as done over items that were not declined, and counts overdue items", () => {
    const rows = followThroughByTeam(ledger.items, ["payments", "sre", "web"], today);
    expect(rows).toMatchObject([
      { team: "payments", total: 3, done: 1, wontDo: 1, outstanding: 1, overdue: 1, completionRate: 0.5 },
      { team: "sre", total: 2, done: 0, wontDo: 0, outstanding: 2, overdue: 1, completionRate: 0, medianDaysToClose: null },
      { team: "web", total: 0, done: 0, wontDo: 0, outstanding: 0, overdue: 0, completionRate: null, dueDates: [] },
    ]);
    expect(rows[0]!.dueDates).toHaveLength(1);
    expect(rows[1]!.dueDates).toHaveLength(2);
  });

  it("buckets open items by days since their incident", () => {
    const rows = openItemsByAge(ledger.items);
    // A2 and A4 of 10 Jan are 143 days old; A1 of 20 May is 12 days old.
    expect(rows.map((r) => [r.label, r.count, r.overdue])).toEqual([
      ["Under 30 days", 1, 1],
      ["30–89 days", 0, 0],
      ["90–179 days", 2, 1],
      ["180–364 days", 0, 0],
      ["1–2 years", 0, 0],
      ["2 years or more", 0, 0],
    ]);
  });
});
