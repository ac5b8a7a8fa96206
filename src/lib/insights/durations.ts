/** Time to detect and time to resolve per severity, as distributions (median, p90), never as a bare mean. */
import { computeDurations } from "../postmortem/durations.ts";
import { SEVERITIES, type Severity } from "../schema/vocabulary.ts";
import { distribution, type Distribution } from "./stats.ts";

/** What the duration figures need of a postmortem. */
export interface DurationSource {
  id: string;
  data: { severity: Severity; started: string; detected: string; mitigated?: string | undefined; resolved?: string | undefined };
}

export const DURATION_MEASURES = ["timeToDetect", "timeToResolve"] as const;
export type DurationMeasure = (typeof DURATION_MEASURES)[number];

/** One severity's durations: the raw values (ms, ascending) and their distribution. */
export interface SeverityDurations {
  severity: Severity;
  values: number[];
  stats: Distribution;
}

/**
 * For one measure, every severity (including ones without postmortems, with count 0) in severity order.
 * Postmortems without the measure (no `resolved` yet) are left out of that measure only.
 */
export function durationsBySeverity(postmortems: readonly DurationSource[], measure: DurationMeasure): SeverityDurations[] {
  return SEVERITIES.map((severity) => {
    const values = postmortems
      .filter((p) => p.data.severity === severity)
      .map((p) => computeDurations(p.data)[measure])
      .filter((v): v is number => v !== null)
      .sort((a, b) => a - b);
    return { severity, values, stats: distribution(values) };
  });
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Histogram bins on a roughly logarithmic ladder of durations people think in. Bin i holds
 * durations d with edges[i] ≤ d < edges[i + 1]; the last bin is open-ended.
 */
export const DURATION_BINS = [
  { from: 0, label: "< 5 min" },
  { from: 5 * MINUTE, label: "5–15 min" },
  { from: 15 * MINUTE, label: "15–30 min" },
  { from: 30 * MINUTE, label: "30 min–1 h" },
  { from: HOUR, label: "1–2 h" },
  { from: 2 * HOUR, label: "2–4 h" },
  { from: 4 * HOUR, label: "4–8 h" },
  { from: 8 * HOUR, label: "8–24 h" },
  { from: DAY, label: "1–2 d" },
  { from: 2 * DAY, label: "2–7 d" },
  { from: 7 * DAY, label: "≥ 7 d" },
] as const;

/** The index of the bin a duration falls in. */
export function durationBin(ms: number): number {
  let index = 0;
  DURATION_BINS.forEach((bin, i) => {
    if (ms >= bin.from) index = i;
  });
  return index;
}

/** How many values fall in each bin of DURATION_BINS. */
export function histogram(values: readonly number[]): number[] {
  const counts = DURATION_BINS.map(() => 0);
  for (const v of values) counts[durationBin(v)]! += 1;
  return counts;
}
