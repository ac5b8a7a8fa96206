/**
 * Geometry of the timeline picture on a postmortem page: the impact window, the key times, the events
 * and the durations, laid out as plain numbers so the component only draws and tests can measure.
 *
 * The time axis has two modes:
 * - `linear` for incidents without long quiet stretches: position is proportional to time, with clock ticks.
 * - `compressed` when the incident lasts more than two hours and one quiet stretch takes more than a third of
 *   it (a week-long outage whose first hour holds most events). The axis is then piecewise linear
 *   (d3's polylinear scale): each stretch between two consecutive instants gets a width that grows with the
 *   logarithm of its length, so a 2-minute step and a 5-day wait are both visible, and every stretch of an hour
 *   or more is marked with a break sign and its real length. Durations are always labelled in words, so the
 *   picture never has to be measured.
 */
import { scaleLinear } from "d3-scale";
import {
  symbol,
  symbolCircle,
  symbolCross,
  symbolDiamond,
  symbolSquare,
  symbolStar,
  symbolTimes,
  symbolTriangle,
  symbolWye,
  type SymbolType,
} from "d3-shape";
import { formatDuration } from "../format/duration.ts";
import { formatFigure, labelOf } from "../figures/glossary.ts";
import { computeDurations } from "./durations.ts";
import { formatClock, formatDay, localDate } from "../format/instant.ts";
import { zoneOffsetMinutes } from "../schema/zone-time.ts";
import { TIMELINE_KIND_LABELS, type TimelineKind } from "../schema/vocabulary.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export interface TimelineChartInput {
  started: string;
  detected: string;
  mitigated?: string | undefined;
  resolved?: string | undefined;
  timezone: string;
  timeline: readonly { at: string; kind: TimelineKind }[];
}

export type AxisMode = "linear" | "compressed";

export interface DurationBracket {
  key: "detect" | "mitigate" | "resolve";
  x1: number;
  x2: number;
  y: number;
  label: string;
  /** Where the label sits: anchored at its start (left) or end (right). */
  labelX: number;
  anchor: "start" | "end";
}

export interface EventMark {
  index: number;
  kind: TimelineKind;
  x: number;
  y: number;
  /** SVG path of the kind's symbol, centred on 0,0 (draw with a translate). */
  path: string;
  /** "20:26 detection", for the mark's tooltip. */
  title: string;
}

export interface Tick {
  x: number;
  label: string;
}

export interface TimelineChartLayout {
  width: number;
  height: number;
  mode: AxisMode;
  plot: { left: number; right: number };
  /** The shaded impact (glossary: started → mitigated, or → resolved without a mitigation; to detection while neither is known). */
  impact: { x1: number; x2: number; y: number; height: number; label: string };
  /** The lighter band from the end of the impact to the resolution, when the resolution came later. */
  untilResolved: { x1: number; x2: number; label: string } | null;
  /** Vertical markers for detection, mitigation and resolution. */
  markers: { key: DurationBracket["key"]; x: number; y1: number; y2: number }[];
  brackets: DurationBracket[];
  events: EventMark[];
  /** Event kinds present, in vocabulary order, with their symbol, for the legend. */
  legend: { kind: TimelineKind; path: string }[];
  axis: { y: number; ticks: Tick[] };
  /** Compressed quiet stretches (compressed mode only). */
  breaks: { x: number; label: string }[];
}

/** Each event kind's symbol, so kinds differ by shape as well as colour. */
export const KIND_SYMBOLS: Record<TimelineKind, SymbolType> = {
  context: symbolCircle,
  trigger: symbolDiamond,
  detection: symbolTriangle,
  escalation: symbolWye,
  diagnosis: symbolCircle,
  mitigation: symbolSquare,
  recovery: symbolSquare,
  communication: symbolStar,
  resolution: symbolCross,
  other: symbolTimes,
};
const KIND_ORDER: readonly TimelineKind[] = Object.keys(KIND_SYMBOLS) as TimelineKind[];

const WIDTH = 720;
const MARGIN = 20;
const CHAR = 6.6; // average glyph width at the 12px label size, for collision checks
const LANE = 16;
const MAX_LANES = 5;

/** The axis mode for a set of instants (ms, sorted). */
export function axisMode(points: readonly number[]): AxisMode {
  const span = points.at(-1)! - points[0]!;
  if (span <= 2 * HOUR) return "linear";
  let longest = 0;
  for (let i = 1; i < points.length; i++) longest = Math.max(longest, points[i]! - points[i - 1]!);
  return longest > span / 3 ? "compressed" : "linear";
}

/** Width weight of a quiet stretch in compressed mode: 0 for none, else 1 + log2(1 + minutes). */
export function stretchWeight(ms: number): number {
  return ms <= 0 ? 0 : 1 + Math.log2(1 + ms / MINUTE);
}

const TICK_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440].map((m) => m * MINUTE);

/** Clock ticks every "nice" step aligned to the zone's wall clock, at most about seven. */
function linearTicks(t0: number, t1: number, x: (ms: number) => number, timeZone: string): Tick[] {
  const step = TICK_STEPS.find((s) => (t1 - t0) / s <= 7) ?? 1440 * MINUTE;
  const offset = zoneOffsetMinutes(t0, timeZone) * MINUTE;
  const first = Math.ceil((t0 + offset) / step) * step - offset;
  const multiDay = localDate(new Date(t0).toISOString(), timeZone) !== localDate(new Date(t1).toISOString(), timeZone);
  const ticks: Tick[] = [];
  for (let t = first; t <= t1; t += step) {
    const iso = new Date(t).toISOString();
    const clock = formatClock(iso, timeZone);
    ticks.push({ x: x(t), label: multiDay && clock === "00:00" ? formatDay(iso, timeZone).replace(/ \d{4}$/, "") : clock });
  }
  return ticks;
}

/** Keeps labels that do not overlap the previous kept one (labels centred on x). */
function dropOverlapping<T extends { x: number; label: string }>(items: T[]): T[] {
  const kept: T[] = [];
  for (const item of [...items].sort((a, b) => a.x - b.x)) {
    const last = kept.at(-1);
    const half = (t: T) => (t.label.length * CHAR) / 2;
    if (!last || item.x - half(item) >= last.x + half(last) + 8) kept.push(item);
  }
  return kept;
}

/** The events the chart draws: context events before the incident (a change weeks earlier) are listed in the text, not drawn. */
export function chartedEvents<E extends { kind: string; at: string }>(timeline: readonly E[], started: string): E[] {
  return timeline.filter((e) => !(e.kind === "context" && Date.parse(e.at) < Date.parse(started)));
}

/** Lays the chart out for a postmortem. */
export function timelineChart(all: TimelineChartInput, width = WIDTH): TimelineChartLayout {
  const tz = all.timezone;
  const ms = (iso: string) => Date.parse(iso);
  const input = { ...all, timeline: chartedEvents(all.timeline, all.started) };
  const started = ms(input.started);
  const durations = computeDurations(input);
  const impactEnd = started + (durations.impact ?? durations.timeToDetect);
  const resolvedAt = durations.timeToResolve === null ? null : started + durations.timeToResolve;
  const keyTimes = [input.started, input.detected, input.mitigated, input.resolved]
    .filter((t): t is string => t !== undefined)
    .map(ms);
  const points = [...new Set([...keyTimes, ...input.timeline.map((e) => ms(e.at))])].sort((a, b) => a - b);
  if (points.length === 1) points.push(points[0]! + MINUTE); // a zero-length incident still needs an axis
  const mode = axisMode(points);
  const left = MARGIN;
  const right = width - MARGIN;

  let x: (t: number) => number;
  if (mode === "linear") {
    const scale = scaleLinear()
      .domain([points[0]!, points.at(-1)!])
      .range([left, right]);
    x = (t) => scale(t);
  } else {
    const cumulative = [0];
    for (let i = 1; i < points.length; i++) cumulative.push(cumulative[i - 1]! + stretchWeight(points[i]! - points[i - 1]!));
    const total = cumulative.at(-1)!;
    const scale = scaleLinear()
      .domain(points)
      .range(cumulative.map((c) => left + (c / total) * (right - left)));
    x = (t) => scale(t);
  }

  // Duration brackets, one row each, labelled with the key time and the duration in words.
  const when = (iso: string) => {
    const sameDay = localDate(iso, tz) === localDate(input.started, tz);
    return sameDay ? formatClock(iso, tz) : `${formatDay(iso, tz).replace(/ \d{4}$/, "")} ${formatClock(iso, tz)}`;
  };
  const spans = [
    { key: "detect" as const, at: input.detected, verb: "Detected" },
    { key: "mitigate" as const, at: input.mitigated, verb: "Mitigated" },
    { key: "resolve" as const, at: input.resolved, verb: "Resolved" },
  ].filter((s): s is { key: DurationBracket["key"]; at: string; verb: string } => s.at !== undefined);
  const spanOf = { detect: durations.timeToDetect, mitigate: durations.timeToMitigate, resolve: durations.timeToResolve };
  const brackets: DurationBracket[] = spans.map((s, row) => {
    const x1 = x(started);
    const x2 = x(ms(s.at));
    const label = `${s.verb} ${when(s.at)}, after ${formatDuration(spanOf[s.key] ?? ms(s.at) - started)}`;
    const fits = x1 + label.length * CHAR <= right;
    return { key: s.key, x1, x2, y: 22 + row * 20, label, labelX: fits ? x1 : x2, anchor: fits ? "start" : "end" };
  });

  const bandY = 22 + spans.length * 20 + 6;
  const bandHeight = 24;
  const impact = {
    x1: x(started),
    x2: x(impactEnd),
    y: bandY,
    height: bandHeight,
    label:
      durations.impact === null
        ? `${labelOf("impact")} from ${formatClock(input.started, tz)}`
        : `${labelOf("impact")} ${formatFigure("impact", durations.impact)}`,
  };
  const untilResolved =
    resolvedAt !== null && resolvedAt > impactEnd
      ? { x1: x(impactEnd), x2: x(resolvedAt), label: `until resolved, ${formatDuration(resolvedAt - started)} in all` }
      : null;

  // Events on lanes below the band, so close events stack instead of covering each other.
  const lanesTop = bandY + bandHeight + 18;
  const laneEnds: number[] = [];
  const events: EventMark[] = input.timeline.map((e, index) => {
    const ex = x(ms(e.at));
    let lane = laneEnds.findIndex((lastX) => ex - lastX >= 12);
    if (lane === -1) lane = laneEnds.length < MAX_LANES ? laneEnds.length : laneEnds.indexOf(Math.min(...laneEnds));
    laneEnds[lane] = ex;
    return {
      index,
      kind: e.kind,
      x: ex,
      y: lanesTop + lane * LANE,
      path: symbol(KIND_SYMBOLS[e.kind], 90)() ?? "",
      title: `${formatClock(e.at, tz)} — ${TIMELINE_KIND_LABELS[e.kind]}`,
    };
  });
  const lanes = Math.max(1, laneEnds.length);
  const axisY = lanesTop + (lanes - 1) * LANE + 16;

  // A marker for each key time after the start, from its bracket down through the band to the axis.
  const markers = brackets.map((b) => ({ key: b.key, x: b.x2, y1: b.y, y2: axisY }));

  let ticks: Tick[];
  const breaks: { x: number; label: string }[] = [];
  if (mode === "linear") {
    ticks = dropOverlapping(linearTicks(points[0]!, points.at(-1)!, x, tz));
  } else {
    ticks = dropOverlapping(keyTimes.map((t) => ({ x: x(t), label: formatClock(new Date(t).toISOString(), tz) })));
    for (let i = 1; i < points.length; i++) {
      const gap = points[i]! - points[i - 1]!;
      if (gap >= HOUR) breaks.push({ x: (x(points[i - 1]!) + x(points[i]!)) / 2, label: formatDuration(gap) });
    }
  }

  const legend = KIND_ORDER.filter((k) => input.timeline.some((e) => e.kind === k)).map((kind) => ({
    kind,
    path: symbol(KIND_SYMBOLS[kind], 90)() ?? "",
  }));
  return {
    width,
    height: axisY + (mode === "compressed" ? 44 : 30),
    mode,
    plot: { left, right },
    impact,
    untilResolved,
    markers,
    brackets,
    events,
    legend,
    axis: { y: axisY, ticks },
    breaks: dropOverlapping(breaks),
  };
}
