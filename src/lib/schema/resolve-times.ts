/**
 * Turns the times a postmortem is written with into instants: an instant with its offset stays as
 * written; a wall-clock time ("2016-01-04 20:22") is read in the postmortem's `timezone`; a date alone
 * (timeline events only) becomes the start of that day there, marked as date-only.
 */
import { isOffsetInstant, readTimeValue } from "./time.ts";
import { formatOffset, resolveWallTime, withOffset } from "./zone-time.ts";

export type ResolvedTime = { ok: true; iso: string; dateOnly: boolean } | { ok: false; message: string };

const cache = new Map<string, ResolvedTime>();

/** The instant a valid time value names in `timeZone`, or why it names none or two. */
export function resolveTime(value: string, timeZone: string): ResolvedTime {
  // An instant with its offset names itself in every zone: nothing to remember (most times are written so).
  if (isOffsetInstant(value)) return { ok: true, iso: value, dateOnly: false };
  const key = `${value}|${timeZone}`;
  let resolved = cache.get(key);
  if (resolved === undefined) {
    resolved = resolveNow(value, timeZone);
    cache.set(key, resolved);
  }
  return resolved;
}

function resolveNow(value: string, timeZone: string): ResolvedTime {
  const read = readTimeValue(value);
  if (read === undefined) return { ok: false, message: `"${value}" is not a time` };
  if (read.kind === "instant") return { ok: true, iso: read.value, dateOnly: false };
  const wall = { date: read.date, time: read.kind === "local" ? read.time : "00:00:00" };
  const resolution = resolveWallTime(wall, timeZone);
  if (resolution.kind === "instant") return { ok: true, iso: resolution.iso, dateOnly: read.kind === "date" };
  if (resolution.kind === "gap") {
    const [before, after] = resolution.offsets;
    if (read.kind === "date") return { ok: true, iso: withOffset(wall, after), dateOnly: true };
    return {
      ok: false,
      message: `"${value}" never happened in ${timeZone}: the clocks skipped it when the offset changed from ${formatOffset(before)} to ${formatOffset(after)} — check the time, or write it with the offset your source used: "${withOffset(wall, before)}" or "${withOffset(wall, after)}"`,
    };
  }
  const [first, second] = resolution.candidates;
  if (read.kind === "date") return { ok: true, iso: first, dateOnly: true };
  return {
    ok: false,
    message: `"${value}" happened twice in ${timeZone} (the clocks went back) — write which one with its offset: "${first}" (the first) or "${second}" (the second)`,
  };
}
