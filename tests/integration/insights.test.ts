import { describe, expect, it } from "vitest";
import { buildLedger } from "../../src/lib/action-items/ledger.ts";
import { followThroughByTeam, openItemsByAge } from "../../src/lib/insights/action-items.ts";
import { causeCategoryCounts, causeCoOccurrence } from "../../src/lib/insights/causes.ts";
import { durationsBySeverity, histogram } from "../../src/lib/insights/durations.ts";
import { postmortemsPerQuarter } from "../../src/lib/insights/quarters.ts";
import { chartedEvents, timelineChart } from "../../src/lib/postmortem/timeline-chart.ts";
import { publishedOnly } from "../../src/lib/postmortem/visibility.ts";
import { SEVERITIES } from "../../src/lib/schema/vocabulary.ts";
import { countMarks, element, readPage } from "../support/html.ts";
import { SAMPLE_DIST } from "../support/paths.ts";
import { sampleCatalogs, visibleSamples } from "../support/sample-records.ts";

// Figures count published postmortems only; the expectations must not reuse the set the page was given.
const samples = publishedOnly(visibleSamples());
const catalogs = sampleCatalogs();
const insights = readPage(SAMPLE_DIST, "/insights/");
const chart = (id: string) => element(insights, new RegExp(`<figure class="chart[^"]*" id="chart-${id}"`));
/** The chart's own SVG, without legends or tables. */
const svg = (id: string) => element(chart(id), "<svg");
const today = /data-today="(\d{4}-\d{2}-\d{2})"/.exec(insights)?.[1] ?? "";
const ledger = buildLedger(samples, today);
const CHARTS = [
  "per-quarter",
  "time-to-detect",
  "time-to-resolve",
  "causes-chart",
  "co-occurrence",
  "follow-through",
  "open-by-age",
];

describe("the insights page", () => {
  it("counts published postmortems only and gives every element a unique id", () => {
    expect(insights).toMatch(new RegExp(`What ${samples.length} published postmortems say together`));
    const ids = [...insights.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it("names every co-occurrence column and writes each bar's count", () => {
    const matrix = svg("co-occurrence");
    const inMatrix = causeCoOccurrence(
      samples,
      catalogs.categories.map((c) => c.id),
    ).categories;
    expect(inMatrix.length).toBeGreaterThan(1);
    for (const id of inMatrix) expect(matrix, id).toContain(`>${catalogs.categories.find((c) => c.id === id)!.name}</text>`);
    expect(matrix).not.toMatch(/class="axis-label col"[^>]*>\s*\d+\s*</);
    expect(countMarks(svg("per-quarter"), "text", "bar-count")).toBe(
      postmortemsPerQuarter(samples).filter((r) => r.total > 0).length,
    );
  });

  it("has every chart as an image with a title and a description, followed by its data as a table", () => {
    for (const id of CHARTS) {
      const figure = chart(id);
      expect(svg(id), id).toMatch(new RegExp(`^<svg[^>]*role="img"[^>]*aria-labelledby="chart-${id}-title chart-${id}-desc"`));
      expect(svg(id), id).toMatch(
        new RegExp(`<title id="chart-${id}-title"[^>]*>[^<]+</title>\\s*<desc id="chart-${id}-desc"[^>]*>[^<]+</desc>`),
      );
      expect(figure, id).toMatch(/<details[^>]*>\s*<summary[^>]*>Data table: [^<]+<\/summary>[\s\S]*<table/);
    }
  });

  it("draws one segment per quarter and severity with postmortems", () => {
    const rows = postmortemsPerQuarter(samples);
    const segments = rows.reduce((n, r) => n + SEVERITIES.filter((s) => r.counts[s] > 0).length, 0);
    expect(countMarks(svg("per-quarter"), "rect", "mark")).toBe(segments);
    expect(segments).toBeGreaterThan(0);
  });

  it("draws a bar per non-empty duration range and a median line per severity with data", () => {
    for (const [id, measure] of [
      ["time-to-detect", "timeToDetect"],
      ["time-to-resolve", "timeToResolve"],
    ] as const) {
      const rows = durationsBySeverity(samples, measure);
      const bins = rows.reduce((n, r) => n + histogram(r.values).filter((c) => c > 0).length, 0);
      expect(countMarks(svg(id), "rect", "mark"), id).toBe(bins);
      expect(countMarks(svg(id), "g", "median"), id).toBe(rows.filter((r) => r.stats.count > 0).length);
    }
  });

  it("states medians and p90s in words, never a mean", () => {
    expect(chart("time-to-resolve")).toMatch(/median [\d a-z]+, p90 [\d a-z]+/);
    expect(insights.toLowerCase()).not.toMatch(/\b(mean|average) (time|duration)/);
  });

  it("draws a bar per cause category in use and a cell per co-occurring pair", () => {
    const ids = catalogs.categories.map((c) => c.id);
    expect(countMarks(svg("causes-chart"), "rect", "mark")).toBe(
      causeCategoryCounts(samples, ids).filter((c) => c.count > 0).length,
    );
    const matrix = causeCoOccurrence(samples, ids);
    expect(countMarks(svg("co-occurrence"), "rect", "mark")).toBe(matrix.counts.flat().filter((c) => c > 0).length);
  });

  it("draws a completion bar per team with items and the open items split by age and lateness", () => {
    const teams = followThroughByTeam(
      ledger.items,
      catalogs.teams.map((t) => t.id),
      today,
    );
    expect(countMarks(svg("follow-through"), "rect", "mark")).toBe(teams.filter((t) => t.completionRate !== null).length);
    const ages = openItemsByAge(ledger.items);
    const segments = ages.reduce((n, a) => n + (a.overdue > 0 ? 1 : 0) + (a.count - a.overdue > 0 ? 1 : 0), 0);
    expect(countMarks(svg("open-by-age"), "rect", "mark")).toBe(segments);
  });

  it("needs no JavaScript and no inline styles", () => {
    expect(insights).not.toMatch(/<script/i);
    expect(insights).not.toMatch(/\sstyle=/i);
  });
});

describe("the timeline picture on postmortem pages", () => {
  it("draws a mark per timeline event, hidden from assistive technology next to the text timeline", () => {
    for (const p of samples) {
      const html = readPage(SAMPLE_DIST, `/postmortems/${p.id}/`);
      const figure = element(html, /<figure class="timeline-chart[ "]/);
      expect(figure, p.id).toMatch(/^<figure[^>]*aria-hidden="true"/);
      expect(countMarks(element(figure, "<svg"), "path", "event-mark"), p.id).toBe(
        chartedEvents(p.data.timeline, p.data.started).length,
      );
      expect(html, p.id).toContain('<section aria-labelledby="timeline"');
      expect(html, p.id).not.toMatch(/\sstyle=/i);
    }
  });

  it("uses the axis mode the geometry chooses, compressing the week-long SEV1 and not the 20-minute outage", () => {
    const mode = (id: string) => /data-axis="(\w+)"/.exec(readPage(SAMPLE_DIST, `/postmortems/${id}/`))?.[1];
    for (const p of samples) expect(mode(p.id), p.id).toBe(timelineChart(p.data).mode);
    expect(mode("2016-01-04-dashboard-outage-deleted-metadata-tables")).toBe("compressed");
    expect(mode("2019-10-15-edge-config-push-took-dashboards-offline")).toBe("linear");
  });
});
