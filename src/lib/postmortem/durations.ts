/** Durations are computed from the key times, never typed by authors. */
import type { Postmortem } from "../schema/index.ts";

/** Milliseconds from `started` to each later key time; null where that time is not known. */
export interface Durations {
  /** started → detected */
  timeToDetect: number;
  /** started → mitigated (null when no mitigation time was given) */
  timeToMitigate: number | null;
  /** started → resolved (null while a draft has no resolution) */
  timeToResolve: number | null;
  /** The impact window: started → resolved, or to mitigation when not yet resolved. */
  impactWindow: number | null;
}

type KeyTimes = Pick<Postmortem, "started" | "detected" | "mitigated" | "resolved">;

export function computeDurations(times: KeyTimes): Durations {
  const start = Date.parse(times.started);
  const since = (iso: string | undefined) => (iso === undefined ? null : Date.parse(iso) - start);
  const timeToResolve = since(times.resolved);
  return {
    timeToDetect: Date.parse(times.detected) - start,
    timeToMitigate: since(times.mitigated),
    timeToResolve,
    impactWindow: timeToResolve ?? since(times.mitigated),
  };
}

/** How long customers felt it: to mitigation when there was one, else to resolution. */
export function timeToRecover(durations: Durations): number | null {
  return durations.timeToMitigate ?? durations.timeToResolve;
}
