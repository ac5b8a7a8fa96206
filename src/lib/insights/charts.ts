/**
 * Geometry of the insight charts, from the figures of this folder to plain numbers (d3-scale for scales,
 * d3-shape for stacks and lines). Components only draw what these return; tests count and measure them.
 * Every chart uses a viewBox of CHART_WIDTH units; the page scales it.
 */
import { scaleBand, scaleLinear, scaleLog } from "d3-scale";
import { line, stack } from "d3-shape";
import { formatDuration } from "../format/duration.ts";
import { SEVERITIES, type Severity } from "../schema/vocabulary.ts";
import type { AgeBucketCount, TeamFollowThrough } from "./action-items.ts";
import type { CategoryCount, CoOccurrence } from "./causes.ts";
import { DURATION_BINS, histogram, type SeverityDurations } from "./durations.ts";
import type { QuarterRow } from "./quarters.ts";

export const CHART_WIDTH = 720;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface AxisTick {
  at: number;
  label: string;
}

const round = (n: number) => Math.round(n * 10) / 10;
const rect = (x: number, y: number, width: number, height: number): Rect => ({
  x: round(x),
  y: round(y),
  width: round(width),
  height: round(height),
});

// ——— Postmortems per quarter, stacked by severity ———

export interface QuarterChart {
  width: number;
  height: number;
  bars: (Rect & { quarter: string; severity: Severity; count: number })[];
  /** Each column's total, written just above it. */
  totals: ColumnTotal[];
  xLabels: AxisTick[];
  yTicks: AxisTick[];
  baseline: number;
}

/** A count written above a column: `at` is its centre, `y` the text's baseline. */
export interface ColumnTotal {
  at: number;
  y: number;
  count: number;
}

/** Stacked columns, one per quarter, a segment per severity with postmortems (SEV1 at the bottom). */
export function quarterChart(rows: readonly QuarterRow[], width = CHART_WIDTH): QuarterChart {
  const height = 270;
  const margin = { top: 22, right: 12, bottom: 40, left: 36 };
  const x = scaleBand()
    .domain(rows.map((r) => r.quarter))
    .range([margin.left, width - margin.right])
    .padding(0.2);
  const max = Math.max(1, ...rows.map((r) => r.total));
  const y = scaleLinear()
    .domain([0, max])
    .nice()
    .range([height - margin.bottom, margin.top]);
  const series = stack<QuarterRow, Severity>()
    .keys(SEVERITIES)
    .value((row, key) => row.counts[key])(rows as QuarterRow[]);
  const bars = series.flatMap((s) =>
    s
      .filter((point) => point[1] > point[0])
      .map((point) => ({
        ...rect(x(point.data.quarter)!, y(point[1]), x.bandwidth(), y(point[0]) - y(point[1])),
        quarter: point.data.quarter,
        severity: s.key,
        count: point[1] - point[0],
      })),
  );
  // Label every quarter when few, else only each year's first quarter present.
  const xLabels = rows
    .filter((r, i) => rows.length <= 12 || r.quarter.endsWith("Q1") || i === 0)
    .map((r) => ({
      at: round(x(r.quarter)! + x.bandwidth() / 2),
      label: rows.length <= 12 ? r.quarter.replace("-", " ") : r.quarter.slice(0, 4),
    }));
  const yTicks = y
    .ticks(Math.min(5, max))
    .filter(Number.isInteger)
    .map((t) => ({ at: round(y(t)), label: String(t) }));
  const totals = rows
    .filter((r) => r.total > 0)
    .map((r) => ({ at: round(x(r.quarter)! + x.bandwidth() / 2), y: round(y(r.total) - 4), count: r.total }));
  return { width, height, bars, totals, xLabels, yTicks, baseline: height - margin.bottom };
}

// ——— Durations per severity: histogram on a log axis, median and p90 marked ———

export interface StatMark {
  x: number;
  label: string;
  anchor: "start" | "end";
}

export interface DurationChart {
  width: number;
  height: number;
  rows: {
    severity: Severity;
    y: number;
    rowHeight: number;
    count: number;
    /** Each bar with its count, written under the row's baseline (where no mark is drawn). */
    bins: (Rect & { label: string; count: number; countY: number; centre: number })[];
    /** The band above the bars where the median and p90 labels sit: no bar or line reaches it. */
    labelBand: { top: number; bottom: number };
    /** Where the stat lines run: from under the label band to the baseline. */
    lines: { top: number; bottom: number };
    baseline: number;
    median: StatMark | null;
    p90: StatMark | null;
  }[];
  xTicks: AxisTick[];
  plot: { left: number; right: number };
  axisY: number;
}

const MIN = 60_000;
const LOG_DOMAIN: [number, number] = [MIN / 2, 14 * 24 * 60 * MIN];

/**
 * One row per severity. Each row is a histogram over DURATION_BINS drawn on a logarithmic time axis
 * (30 s to 14 days; longer values sit at the right edge), bar height relative to the fullest bin of the chart.
 */
export function durationChart(rows: readonly SeverityDurations[], width = CHART_WIDTH): DurationChart {
  const margin = { top: 8, right: 16, bottom: 30, left: 64 };
  // Per row, top to bottom: a band for the median and p90 labels, the bars, the baseline, the bars' counts.
  const labelBand = 30;
  const countBand = 16;
  const barSpace = 34;
  const rowHeight = labelBand + barSpace + countBand + 6;
  const x = scaleLog()
    .domain(LOG_DOMAIN)
    .range([margin.left, width - margin.right])
    .clamp(true);
  const counts = rows.map((r) => histogram(r.values));
  const tallest = Math.max(1, ...counts.flat());
  const out = rows.map((r, i) => {
    const top = margin.top + i * rowHeight;
    const bottom = top + labelBand + barSpace;
    const bins = DURATION_BINS.flatMap((bin, b) => {
      const count = counts[i]![b]!;
      if (count === 0) return [];
      const next = DURATION_BINS[b + 1]?.from ?? LOG_DOMAIN[1];
      const x1 = x(Math.max(bin.from, LOG_DOMAIN[0]));
      const h = (count / tallest) * barSpace;
      const width = Math.max(1, x(next) - x1 - 2);
      return [
        {
          ...rect(x1 + 1, bottom - h, width, h),
          label: bin.label,
          count,
          countY: round(bottom + countBand - 3),
          centre: round(x1 + 1 + width / 2),
        },
      ];
    });
    // Labels sit right of their line, or left of it near the right edge so they are not cut off.
    const mark = (v: number | null, name: string) =>
      v === null
        ? null
        : {
            x: round(x(v)),
            label: `${name} ${formatDuration(v)}`,
            anchor: x(v) > width * 0.7 ? ("end" as const) : ("start" as const),
          };
    const same = r.stats.median !== null && r.stats.median === r.stats.p90;
    return {
      severity: r.severity,
      y: top,
      rowHeight,
      count: r.stats.count,
      bins,
      labelBand: { top, bottom: top + labelBand - 2 },
      lines: { top: top + labelBand, bottom },
      baseline: bottom,
      median: mark(r.stats.median, same ? "median and p90" : "median"),
      p90: same ? null : mark(r.stats.p90, "p90"),
    };
  });
  const tickValues: [number, string][] = [
    [MIN, "1 min"],
    [10 * MIN, "10 min"],
    [60 * MIN, "1 h"],
    [6 * 60 * MIN, "6 h"],
    [24 * 60 * MIN, "1 d"],
    [7 * 24 * 60 * MIN, "7 d"],
  ];
  const axisY = margin.top + rows.length * rowHeight;
  return {
    width,
    height: axisY + margin.bottom,
    rows: out,
    xTicks: tickValues.map(([v, label]) => ({ at: round(x(v)), label })),
    plot: { left: margin.left, right: width - margin.right },
    axisY,
  };
}

// ——— Horizontal bars with a trend line (cause categories; team follow-through) ———

export interface CauseChart {
  width: number;
  height: number;
  rows: {
    id: string;
    y: number;
    bar: Rect | null;
    count: number;
    trend: string;
    points: { x: number; y: number; year: number; count: number }[];
  }[];
  barLeft: number;
  trendBox: { left: number; right: number };
  years: [number, number] | null;
}

/** A bar per category (count) and beside it a small line of its count per year (same vertical scale for all). */
export function causeChart(rows: readonly CategoryCount[], width = CHART_WIDTH): CauseChart {
  const rowHeight = 24;
  const barLeft = 230;
  const trendBox = { left: width - 170, right: width - 10 };
  const max = Math.max(1, ...rows.map((r) => r.count));
  const x = scaleLinear()
    .domain([0, max])
    .range([0, trendBox.left - 40 - barLeft]);
  const years = rows[0]?.byYear.map((b) => b.year) ?? [];
  const yearMax = Math.max(1, ...rows.flatMap((r) => r.byYear.map((b) => b.count)));
  const tx = scaleLinear()
    .domain([years[0] ?? 0, Math.max((years[0] ?? 0) + 1, years.at(-1) ?? 1)])
    .range([trendBox.left, trendBox.right]);
  const out = rows.map((r, i) => {
    const top = 6 + i * rowHeight;
    const ty = scaleLinear()
      .domain([0, yearMax])
      .range([top + rowHeight - 6, top + 4]);
    const points = r.byYear.map((b) => ({ x: round(tx(b.year)), y: round(ty(b.count)), year: b.year, count: b.count }));
    const path =
      line<{ x: number; y: number }>()
        .x((p) => p.x)
        .y((p) => p.y)(points) ?? "";
    return {
      id: r.id,
      y: top,
      count: r.count,
      bar: r.count > 0 ? rect(barLeft, top + 4, x(r.count), rowHeight - 10) : null,
      trend: path,
      points,
    };
  });
  return {
    width,
    height: 12 + rows.length * rowHeight,
    rows: out,
    barLeft,
    trendBox,
    years: years.length > 0 ? [years[0]!, years.at(-1)!] : null,
  };
}

export interface HeatmapChart {
  width: number;
  height: number;
  size: number;
  left: number;
  top: number;
  /** Column names above the grid, turned by `angle` degrees about (x, y), so each column is named, not numbered. */
  columnLabels: { x: number; y: number; angle: number }[];
  cells: (Rect & { row: number; col: number; count: number; level: 0 | 1 | 2 | 3 | 4 })[];
}

/**
 * The co-occurrence matrix as a grid: a cell per pair that co-occurs at least once (diagonal = a category's own
 * count), shaded in four levels relative to the largest off-diagonal count, each with its number written in it.
 */
export function heatmap(matrix: CoOccurrence, width = CHART_WIDTH, longestName = 24): HeatmapChart {
  const n = matrix.categories.length;
  const left = 230;
  const angle = -50;
  // Room above the grid for the turned column names: about 6.6 units per character at the chart's 12 px text.
  const top = 12 + Math.ceil(longestName * 6.6 * Math.sin((-angle * Math.PI) / 180));
  const reach = Math.ceil(longestName * 6.6 * Math.cos((-angle * Math.PI) / 180));
  const size = n === 0 ? 0 : Math.min(40, (width - left - 10 - reach) / n);
  let offMax = 1;
  matrix.counts.forEach((row, i) => row.forEach((c, j) => i !== j && (offMax = Math.max(offMax, c))));
  const cells: HeatmapChart["cells"] = [];
  matrix.counts.forEach((row, i) =>
    row.forEach((count, j) => {
      if (count === 0) return;
      const level = i === j ? 0 : (Math.max(1, Math.ceil((count / offMax) * 4)) as 1 | 2 | 3 | 4);
      cells.push({ ...rect(left + j * size, top + i * size, size - 2, size - 2), row: i, col: j, count, level });
    }),
  );
  const columnLabels = matrix.categories.map((_, j) => ({ x: round(left + j * size + size / 2 + 3), y: top - 6, angle }));
  return { width, height: top + n * size + 8, size, left, top, columnLabels, cells };
}

export interface FollowThroughChart {
  width: number;
  height: number;
  barLeft: number;
  barRight: number;
  rows: {
    team: string;
    y: number;
    bar: Rect | null;
    track: Rect;
    rate: number | null;
    overdue: number;
    total: number;
    done: number;
    wontDo: number;
  }[];
  ticks: AxisTick[];
}

/** A 0–100 % bar of completion rate per team with its overdue count written beside it. */
export function followThroughChart(rows: readonly TeamFollowThrough[], width = CHART_WIDTH): FollowThroughChart {
  const rowHeight = 26;
  const barLeft = 200;
  const barRight = width - 190;
  const x = scaleLinear().domain([0, 1]).range([barLeft, barRight]);
  const top = 20;
  return {
    width,
    height: top + rows.length * rowHeight + 6,
    barLeft,
    barRight,
    rows: rows.map((r, i) => {
      const y = top + i * rowHeight;
      return {
        team: r.team,
        y,
        track: rect(barLeft, y + 5, barRight - barLeft, rowHeight - 10),
        bar: r.completionRate === null ? null : rect(barLeft, y + 5, Math.max(1, x(r.completionRate) - barLeft), rowHeight - 10),
        rate: r.completionRate,
        overdue: r.overdue,
        total: r.total,
        done: r.done,
        wontDo: r.wontDo,
      };
    }),
    ticks: [0, 0.25, 0.5, 0.75, 1].map((t) => ({ at: round(x(t)), label: `${t * 100}%` })),
  };
}

export interface AgeChart {
  width: number;
  height: number;
  baseline: number;
  bars: (Rect & { bucket: string; part: "overdue" | "notDue"; count: number })[];
  totals: ColumnTotal[];
  xLabels: AxisTick[];
  yTicks: AxisTick[];
}

/** A column per age bucket, split into overdue (bottom) and not yet due. */
export function ageChart(rows: readonly AgeBucketCount[], width = CHART_WIDTH): AgeChart {
  const height = 230;
  const margin = { top: 22, right: 12, bottom: 36, left: 36 };
  const x = scaleBand()
    .domain(rows.map((r) => r.label))
    .range([margin.left, width - margin.right])
    .padding(0.25);
  const max = Math.max(1, ...rows.map((r) => r.count));
  const y = scaleLinear()
    .domain([0, max])
    .nice()
    .range([height - margin.bottom, margin.top]);
  const parts = ["overdue", "notDue"] as const;
  const series = stack<AgeBucketCount, (typeof parts)[number]>()
    .keys(parts)
    .value((row, key) => (key === "overdue" ? row.overdue : row.count - row.overdue))(rows as AgeBucketCount[]);
  const bars = series.flatMap((s) =>
    s
      .filter((p) => p[1] > p[0])
      .map((p) => ({
        ...rect(x(p.data.label)!, y(p[1]), x.bandwidth(), y(p[0]) - y(p[1])),
        bucket: p.data.label,
        part: s.key,
        count: p[1] - p[0],
      })),
  );
  return {
    width,
    height,
    baseline: height - margin.bottom,
    bars,
    totals: rows
      .filter((r) => r.count > 0)
      .map((r) => ({ at: round(x(r.label)! + x.bandwidth() / 2), y: round(y(r.count) - 4), count: r.count })),
    xLabels: rows.map((r) => ({ at: round(x(r.label)! + x.bandwidth() / 2), label: r.label })),
    yTicks: y
      .ticks(Math.min(5, max))
      .filter(Number.isInteger)
      .map((t) => ({ at: round(y(t)), label: String(t) })),
  };
}
