/**
 * Durations are computed from the key times, never typed by authors. Their labels and explanations are in
 * the glossary of figures (`src/lib/figures/glossary.ts`).
 */
import type { Postmortem } from "../schema/index.ts";

/** Milliseconds from `started` to each later key time; null where that time is not known. */
export interface Durations {
  /** started → detected */
  timeToDetect: number;
  /** started → mitigated (null when no mitigation time was given) */
  timeToMitigate: number | null;
  /** started → resolved (null while a draft has no resolution) */
  timeToResolve: number | null;
  /** Full impact: started → mitigated, or → resolved when no mitigation was recorded. */
  impact: number | null;
}

type KeyTimes = Pick<Postmortem, "started" | "detected" | "mitigated" | "resolved">;

export function computeDurations(times: KeyTimes): Durations {
  const start = Date.parse(times.started);
  const since = (iso: string | undefined) => (iso === undefined ? null : Date.parse(iso) - start);
  const timeToMitigate = since(times.mitigated);
  const timeToResolve = since(times.resolved);
  return {
    timeToDetect: Date.parse(times.detected) - start,
    timeToMitigate,
    timeToResolve,
    impact: timeToMitigate ?? timeToResolve,
  };
}
