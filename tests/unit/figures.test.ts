import { describe, expect, it } from "vitest";
import { ageOf, timeliness } from "../../src/lib/action-items/overdue.ts";
import { compareBy, sortItems, type OrderFacts } from "../../src/lib/action-items/order.ts";
import { formatDays, formatPercent, countOf } from "../../src/lib/format/count.ts";
import { formatDuration, isoDuration } from "../../src/lib/format/duration.ts";
import { formatLateness, wholeMonthsBetween } from "../../src/lib/format/lateness.ts";
import { FIGURES, FIGURE_IDS, explain, figureAnchor, formatFigure, shownDurations } from "../../src/lib/figures/glossary.ts";
import { buildToday } from "../../src/lib/figures/build-today.ts";
import { readerToday } from "../../src/lib/figures/today.ts";

const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;
const D = 24 * H;

describe("durations keep their units", () => {
  it.each([
    [0, "0 s"],
    [45 * S, "45 s"],
    [59 * S, "59 s"],
    [59 * S + 999, "59 s"],
    [60 * S, "1 min"],
    [13 * MIN, "13 min"],
    [59 * MIN + 59 * S, "59 min"],
    [H, "1 h"],
    [3 * H + 15 * MIN, "3 h 15 min"],
    [23 * H + 59 * MIN, "23 h 59 min"],
    [24 * H, "24 h"],
    [24 * H + 14 * MIN, "24 h 14 min"],
    [47 * H + 59 * MIN, "47 h 59 min"],
    [48 * H, "2 d"],
    [6 * D + 19 * H + 1 * MIN, "6 d 19 h"],
    [45 * D, "45 d"],
    [400 * D + 3 * H, "400 d 3 h"],
  ])("%i ms reads %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it("never reads a day and a quarter as one day", () => {
    expect(formatDuration(24 * H + 14 * MIN)).not.toBe("1 d");
  });

  it("writes a dash for a negative or missing duration", () => {
    expect(formatDuration(-1)).toBe("—");
    expect(formatDuration(Number.NaN)).toBe("—");
  });

  it("gives machines the same duration, to the second under a minute", () => {
    expect(isoDuration(45 * S)).toBe("PT45S");
    expect(isoDuration(24 * H + 14 * MIN)).toBe("P1DT14M");
    expect(isoDuration(3 * H + 15 * MIN)).toBe("PT3H15M");
  });
});

describe("counted nouns", () => {
  it("writes the singular for one and the plural otherwise", () => {
    expect(formatDays(1)).toBe("1 day");
    expect(formatDays(0)).toBe("0 days");
    expect(formatDays(69)).toBe("69 days");
    expect(countOf(1, "item")).toBe("1 item");
    expect(countOf(2, "postmortem")).toBe("2 postmortems");
  });

  it("writes a rate as a whole percentage, and a dash when there is nothing to divide", () => {
    expect(formatPercent(2 / 3)).toBe("67%");
    expect(formatPercent(null)).toBe("—");
  });
});

describe("human lateness", () => {
  it("counts days under a month", () => {
    expect(formatLateness("2026-11-27", "2026-11-30", 3)).toBe("3 days overdue");
    expect(formatLateness("2026-11-29", "2026-11-30", 1)).toBe("1 day overdue");
    expect(formatLateness("2026-01-31", "2026-02-28", 28)).toBe("28 days overdue");
  });

  it("counts calendar months, then years", () => {
    expect(formatLateness("2026-01-15", "2026-02-15", 31)).toBe("1 month overdue");
    expect(formatLateness("2026-01-15", "2026-07-14", 180)).toBe("5 months overdue");
    expect(formatLateness("2025-11-30", "2026-11-30", 365)).toBe("1 year overdue");
    expect(formatLateness("2016-01-08", "2026-11-30", 3980)).toBe("10 years overdue");
    expect(formatLateness("2024-06-01", "2026-11-30", 912)).toBe("2 years overdue");
  });

  it("says nothing for an item that is not late", () => {
    expect(formatLateness("2026-12-01", "2026-11-30", 0)).toBe("");
  });

  it("counts whole months only once the day of the month is reached", () => {
    expect(wholeMonthsBetween("2026-01-31", "2026-02-28")).toBe(0);
    expect(wholeMonthsBetween("2026-01-31", "2026-03-01")).toBe(1);
  });
});

describe("the timeliness of an item", () => {
  it("marks a late blocked item overdue, with its lateness and the exact due date", () => {
    const t = timeliness({ status: "blocked", due: "2024-06-01", incidentDate: "2024-05-01" }, "2026-11-30");
    expect(t.overdue).toBe(true);
    expect(t.lateness).toBe("2 years overdue");
    expect(t.latenessTitle).toBe("Due 1 Jun 2024: 912 days late as of 30 Nov 2026");
    expect(t.ageText).toBe("943 days");
  });

  it("gives a closed item neither age nor lateness", () => {
    const t = timeliness({ status: "done", due: "2016-01-08", incidentDate: "2016-01-04" }, "2030-01-01");
    expect(t).toMatchObject({ overdue: false, daysOverdue: 0, ageDays: null, lateness: "", ageText: "" });
    expect(ageOf({ status: "wont-do", incidentDate: "2016-01-04" }, "2030-01-01")).toBeNull();
  });

  it("does not call an item due today late", () => {
    expect(timeliness({ status: "open", due: "2026-11-30", incidentDate: "2026-11-01" }, "2026-11-30").overdue).toBe(false);
  });
});

describe("the ledger order", () => {
  const item = (key: string, over: Partial<OrderFacts>): OrderFacts => ({
    key,
    status: "open",
    priority: "P2",
    due: "2026-01-01",
    daysOverdue: 0,
    ageDays: 10,
    ...over,
  });

  it("puts items that need work first, most overdue first, then done by completion, then won't do", () => {
    const rows = [
      item("d1", { status: "done", completed: "2024-04-30", ageDays: null }),
      item("d2", { status: "done", completed: "2026-10-15", ageDays: null }),
      item("w", { status: "wont-do", ageDays: null }),
      item("o1", { daysOverdue: 3 }),
      item("o2", { daysOverdue: 30, status: "blocked" }),
      item("o3", { due: "2027-01-01" }),
    ];
    expect(sortItems(rows).map((r) => r.key)).toEqual(["o2", "o1", "o3", "d2", "d1", "w"]);
  });

  it("keeps done items most recently completed first, whatever their due dates", () => {
    const rows = [
      item("a", { status: "done", due: "2016-01-08", completed: "2016-02-01", ageDays: null }),
      item("b", { status: "done", due: "2026-10-15", completed: "2026-10-10", ageDays: null }),
    ];
    expect(sortItems(rows).map((r) => r.key)).toEqual(["b", "a"]);
  });

  it("orders priority by the vocabulary and falls back to ledger order for an unknown sort", () => {
    const rows = [item("a", { priority: "P3" }), item("b", { priority: "P0" })];
    expect(rows.sort(compareBy("priority")).map((r) => r.key)).toEqual(["b", "a"]);
    expect(compareBy("nonsense")).toBe(compareBy("ledger"));
  });
});

describe("the glossary of figures", () => {
  it("gives every figure a label and one sentence of explanation", () => {
    for (const id of FIGURE_IDS) {
      expect(FIGURES[id].label.length).toBeGreaterThan(0);
      const sentence = explain(id);
      expect(sentence).toMatch(/^[A-Z]/);
      expect(sentence).not.toMatch(/`/);
      expect(sentence.replace(/\(.*?\)/g, "").split(/\. /).length).toBe(1);
    }
  });

  it("gives every figure a distinct label and anchor", () => {
    expect(new Set(FIGURE_IDS.map((id) => FIGURES[id].label)).size).toBe(FIGURE_IDS.length);
    expect(figureAnchor("timeToDetect")).toBe("figure-time-to-detect");
    expect(figureAnchor("medianDaysToClose")).toBe("figure-median-days-to-close");
    expect(figureAnchor("doneLast90Days")).toBe("figure-done-last-90-days");
  });

  it("formats each figure with its unit", () => {
    expect(formatFigure("timeToResolve", 6 * D + 19 * H)).toBe("6 d 19 h");
    expect(formatFigure("age", 1)).toBe("1 day");
    expect(formatFigure("completionRate", 0.5)).toBe("50%");
    expect(formatFigure("overdue", 7)).toBe("7");
    expect(formatFigure("medianDaysToClose", null)).toBe("—");
  });

  it("shows the SEV1 sample as two honest figures: impact 3 h 15 min, resolved after 6 d 19 h", () => {
    const shown = shownDurations({ timeToDetect: 4 * MIN, impact: 3 * H + 15 * MIN, timeToResolve: 6 * D + 19 * H + MIN });
    expect(shown.map((s) => `${s.label} ${s.text}`)).toEqual([
      "Time to detect 4 min",
      "Impact 3 h 15 min",
      "Time to resolve 6 d 19 h",
    ]);
    expect(shown[1]!.iso).toBe("PT3H15M");
  });

  it("leaves out durations that have no value", () => {
    expect(shownDurations({ timeToDetect: MIN, impact: null, timeToResolve: null }).map((s) => s.id)).toEqual(["timeToDetect"]);
  });
});

describe("today", () => {
  it("uses HINDSIGHT_TODAY when set and the UTC date otherwise", () => {
    expect(buildToday({ HINDSIGHT_TODAY: "2026-11-30" })).toBe("2026-11-30");
    expect(buildToday({}, undefined, new Date("2026-11-30T23:30:00-05:00"))).toBe("2026-12-01");
  });

  it("takes the date in the site's time zone when one is configured", () => {
    const now = new Date("2026-11-30T16:30:00Z");
    expect(buildToday({}, "Asia/Tokyo", now)).toBe("2026-12-01");
    expect(buildToday({}, "America/Los_Angeles", now)).toBe("2026-11-30");
    expect(buildToday({}, "UTC", now)).toBe("2026-11-30");
    expect(buildToday({ HINDSIGHT_TODAY: "2026-11-29" }, "Asia/Tokyo", now)).toBe("2026-11-29");
  });

  it("refuses a HINDSIGHT_TODAY that is not a date, saying how to fix it", () => {
    expect(() => buildToday({ HINDSIGHT_TODAY: "2026-02-30" })).toThrow(/set it to YYYY-MM-DD/);
  });

  it("takes the reader's date on their own calendar", () => {
    expect(readerToday(new Date(2030, 0, 2, 0, 30))).toBe("2030-01-02");
  });
});
