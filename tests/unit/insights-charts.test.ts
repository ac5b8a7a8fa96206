import { describe, expect, it } from "vitest";
import type { TeamFollowThrough } from "../../src/lib/insights/action-items.ts";
import { ageChart, causeChart, durationChart, followThroughChart, heatmap, quarterChart } from "../../src/lib/insights/charts.ts";
import { distribution } from "../../src/lib/insights/stats.ts";
import type { QuarterRow } from "../../src/lib/insights/quarters.ts";

const MIN = 60_000;
const quarter = (quarter: QuarterRow["quarter"], SEV1: number, SEV2: number, SEV3 = 0, SEV4 = 0): QuarterRow => ({
  quarter,
  counts: { SEV1, SEV2, SEV3, SEV4 },
  total: SEV1 + SEV2 + SEV3 + SEV4,
});

describe("the quarter chart", () => {
  const chart = quarterChart([quarter("2019-Q4", 1, 2), quarter("2020-Q1", 0, 0), quarter("2020-Q2", 0, 1, 1)]);

  it("draws one segment per quarter and severity with postmortems, none for zeros", () => {
    expect(chart.bars.map((b) => `${b.quarter} ${b.severity} ${b.count}`)).toEqual([
      "2019-Q4 SEV1 1",
      "2019-Q4 SEV2 2",
      "2020-Q2 SEV2 1",
      "2020-Q2 SEV3 1",
    ]);
  });

  it("stacks segments so a column's height is proportional to its total", () => {
    const column = (q: string) => chart.bars.filter((b) => b.quarter === q).reduce((h, b) => h + b.height, 0);
    expect(column("2019-Q4") / column("2020-Q2")).toBeCloseTo(3 / 2, 1);
    const [sev1, sev2] = chart.bars;
    expect(sev2!.y + sev2!.height).toBeCloseTo(sev1!.y, 1);
  });

  it("labels every quarter when there are few", () => {
    expect(chart.xLabels.map((l) => l.label)).toEqual(["2019 Q4", "2020 Q1", "2020 Q2"]);
  });
});

describe("the duration chart", () => {
  const row = (severity: "SEV1" | "SEV2" | "SEV3" | "SEV4", values: number[]) => ({
    severity,
    values,
    stats: distribution(values),
  });
  const chart = durationChart([
    row("SEV1", [2 * MIN, 3 * MIN, 90 * MIN]),
    row("SEV2", []),
    row("SEV3", [20 * MIN]),
    row("SEV4", []),
  ]);

  it("draws a bar per non-empty duration range", () => {
    expect(chart.rows.map((r) => r.bins.map((b) => `${b.label}:${b.count}`))).toEqual([
      ["< 5 min:2", "1–2 h:1"],
      [],
      ["15–30 min:1"],
      [],
    ]);
  });

  it("marks median and p90 on the log axis, merged when they are the same value", () => {
    const [sev1, sev2, sev3] = chart.rows;
    expect(sev1!.median!.label).toBe("median 3 min");
    // h = 2 × 0.9 = 1.8 → 3 + 0.8 × 87 = 72.6 min
    expect(sev1!.p90!.label).toBe("p90 1 h 12 min");
    expect(sev1!.p90!.x).toBeGreaterThan(sev1!.median!.x);
    expect(sev2!.median).toBeNull();
    expect(sev3!.median!.label).toBe("median and p90 20 min");
    expect(sev3!.p90).toBeNull();
  });
});

describe("the cause, co-occurrence and follow-through charts", () => {
  it("draws a bar only for categories that occur, and a trend point per year", () => {
    const chart = causeChart([
      {
        id: "a",
        count: 3,
        byYear: [
          { year: 2020, count: 1 },
          { year: 2021, count: 2 },
        ],
      },
      {
        id: "b",
        count: 0,
        byYear: [
          { year: 2020, count: 0 },
          { year: 2021, count: 0 },
        ],
      },
    ]);
    expect(chart.rows.map((r) => r.bar !== null)).toEqual([true, false]);
    expect(chart.rows[0]!.trend).toMatch(/^M[\d.]+,[\d.]+L[\d.]+,[\d.]+$/);
  });

  it("draws a cell per co-occurring pair, the strongest pair at the top level", () => {
    const chart = heatmap({
      categories: ["a", "b", "c"],
      counts: [
        [3, 2, 0],
        [2, 2, 1],
        [0, 1, 1],
      ],
    });
    expect(chart.cells).toHaveLength(7);
    expect(chart.cells.find((c) => c.row === 0 && c.col === 1)!.level).toBe(4);
    expect(chart.cells.find((c) => c.row === 1 && c.col === 2)!.level).toBe(2);
  });

  it("draws completion bars proportional to the rate, none for a team without items", () => {
    const team = (t: string, rate: number | null): TeamFollowThrough => ({
      team: t,
      total: rate === null ? 0 : 4,
      done: 0,
      wontDo: 0,
      outstanding: 0,
      overdue: 1,
      completionRate: rate,
      medianDaysToClose: null,
      dueDates: [],
    });
    const chart = followThroughChart([team("x", 0.5), team("y", 1), team("z", null)]);
    expect(chart.rows[1]!.bar!.width / chart.rows[0]!.bar!.width).toBeCloseTo(2, 1);
    expect(chart.rows[2]!.bar).toBeNull();
  });

  it("splits each age column into overdue and not-yet-due segments", () => {
    const chart = ageChart([
      { label: "Under 30 days", count: 3, overdue: 1 },
      { label: "30–89 days", count: 0, overdue: 0 },
    ]);
    expect(chart.bars.map((b) => `${b.bucket} ${b.part} ${b.count}`)).toEqual([
      "Under 30 days overdue 1",
      "Under 30 days notDue 2",
    ]);
  });
});
