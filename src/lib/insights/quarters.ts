/**
 * Postmortems per calendar quarter, stacked by severity. A postmortem belongs to the quarter of the day
 * its incident started in its own time zone: an incident at 23:30 on 31 December in Los Angeles is a Q4
 * incident even though it was already 1 January in UTC.
 */
import { localDate } from "../format/instant.ts";
import { SEVERITIES, zeroPerSeverity, type Severity } from "../schema/vocabulary.ts";

/** What the quarter count needs of a postmortem. */
export interface QuarterSource {
  data: { started: string; timezone: string; severity: Severity };
}

/** A quarter label such as "2019-Q4". */
export type QuarterLabel = `${number}-Q${1 | 2 | 3 | 4}`;

/** The quarter (YYYY-Qn) of an instant as a calendar in `timeZone` shows it. */
export function quarterOf(iso: string, timeZone: string): QuarterLabel {
  const day = localDate(iso, timeZone);
  const year = Number(day.slice(0, 4));
  const quarter = (Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1) as 1 | 2 | 3 | 4;
  return `${year}-Q${quarter}`;
}

/** The quarter after `label`, rolling over the year after Q4. */
export function nextQuarter(label: QuarterLabel): QuarterLabel {
  const year = Number(label.slice(0, 4));
  const quarter = Number(label.slice(6));
  return quarter === 4 ? `${year + 1}-Q1` : `${year}-Q${(quarter + 1) as 2 | 3 | 4}`;
}

/** Every quarter from `first` to `last`, both included. */
export function quarterRange(first: QuarterLabel, last: QuarterLabel): QuarterLabel[] {
  const out: QuarterLabel[] = [];
  for (let q = first; q <= last; q = nextQuarter(q)) out.push(q);
  return out;
}

/** One quarter's postmortems, counted per severity. */
export interface QuarterRow {
  quarter: QuarterLabel;
  counts: Record<Severity, number>;
  total: number;
}

const zeroCounts = zeroPerSeverity;

/**
 * Counts per quarter and severity, oldest quarter first. Quarters without a postmortem between the first
 * and the last are included with zeros, so a quiet quarter shows as a gap rather than disappearing.
 */
export function postmortemsPerQuarter(postmortems: readonly QuarterSource[]): QuarterRow[] {
  const byQuarter = new Map<QuarterLabel, Record<Severity, number>>();
  for (const p of postmortems) {
    const quarter = quarterOf(p.data.started, p.data.timezone);
    const counts = byQuarter.get(quarter) ?? zeroCounts();
    counts[p.data.severity] += 1;
    byQuarter.set(quarter, counts);
  }
  const labels = [...byQuarter.keys()].sort();
  if (labels.length === 0) return [];
  return quarterRange(labels[0]!, labels.at(-1)!).map((quarter) => {
    const counts = byQuarter.get(quarter) ?? zeroCounts();
    return { quarter, counts, total: SEVERITIES.reduce((sum, s) => sum + counts[s], 0) };
  });
}
