/**
 * Wall-clock times in a named time zone: the zone's UTC offset at an instant, and the instant(s) a local
 * time names there. A local time in a daylight-saving gap names no instant; one in the repeated hour
 * (a fold) names two. Both are reported with their candidate offsets, never guessed.
 */

const MINUTE = 60_000;
const QUARTER_HOUR = 15 * MINUTE;
const DAY = 24 * 60 * MINUTE;
/**
 * Per zone: its formatter; by UTC day since the epoch, the day's offset when it has one all day (NaN on a
 * day the offset changes); and, on those days, the offsets already computed by quarter hour.
 */
const zones = new Map<string, { formatter: Intl.DateTimeFormat; days: Map<number, number>; quarters: Map<number, number> }>();

/**
 * The UTC offset of `timeZone` at `ms`, in minutes (east positive): -480 for Los Angeles in winter.
 * A day with the same offset at its start and at its end has that offset all day, because a zone's offset
 * changes at most once in any 24 hours (resolveWallTime relies on it too): in the time zone database from
 * 1900 to 2100, the closest two changes of one zone are four days apart (Africa/Freetown, 1939). So most
 * days cost two look-ups of the runtime's zone data, and a day with a change one per quarter hour asked
 * about (offsets change only on whole quarter hours of UTC).
 */
export function zoneOffsetMinutes(ms: number, timeZone: string): number {
  let zone = zones.get(timeZone);
  if (!zone) {
    zone = {
      formatter: new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" }),
      days: new Map(),
      quarters: new Map(),
    };
    zones.set(timeZone, zone);
  }
  const day = Math.floor(ms / DAY);
  let allDay = zone.days.get(day);
  if (allDay === undefined) {
    const start = offsetAt(day * DAY, zone.formatter);
    allDay = start === offsetAt((day + 1) * DAY, zone.formatter) ? start : Number.NaN;
    zone.days.set(day, allDay);
  }
  if (!Number.isNaN(allDay)) return allDay;
  const quarter = Math.floor(ms / QUARTER_HOUR);
  let offset = zone.quarters.get(quarter);
  if (offset === undefined) {
    offset = offsetAt(ms, zone.formatter);
    zone.quarters.set(quarter, offset);
  }
  return offset;
}

function offsetAt(ms: number, formatter: Intl.DateTimeFormat): number {
  // "1/4/2016, GMT-08:00": format() is about three times faster than formatToParts(), and only the offset has "GMT".
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(formatter.format(ms));
  if (!m) return 0;
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

/** `-08:00` for -480. Zero is written `+00:00`. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** Minutes of an offset written as `Z`, `+05:30` or `-08:00`. */
export function parseOffset(offset: string): number {
  if (offset === "Z" || offset === "z") return 0;
  const sign = offset.startsWith("-") ? -1 : 1;
  return sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
}

/** A wall-clock time: `2016-01-04` and `20:22:00`. */
export interface WallTime {
  date: string;
  time: string;
}

/** What a wall-clock time names in a zone. */
export type LocalResolution =
  | { kind: "instant"; iso: string; offset: number }
  /** In a daylight-saving gap: the clock jumped over it. `offsets` are the zone's offsets before and after. */
  | { kind: "gap"; offsets: [number, number] }
  /** In a repeated hour: two instants, earlier first. */
  | { kind: "fold"; candidates: [string, string] };

/** `2016-01-04T20:22:00-08:00` */
export function withOffset(wall: WallTime, offset: number): string {
  return `${wall.date}T${wall.time}${formatOffset(offset)}`;
}

/** The instant(s) a wall-clock time names in `timeZone`. */
export function resolveWallTime(wall: WallTime, timeZone: string): LocalResolution {
  const asUtc = Date.parse(`${wall.date}T${wall.time}Z`);
  // Offsets in force a day either side cover every transition the wall time could sit near.
  const around = [zoneOffsetMinutes(asUtc - 24 * 60 * MINUTE, timeZone), zoneOffsetMinutes(asUtc + 24 * 60 * MINUTE, timeZone)];
  const offsets = [...new Set([...around, zoneOffsetMinutes(asUtc, timeZone)])].sort((a, b) => b - a);
  const valid = offsets.filter((offset) => zoneOffsetMinutes(asUtc - offset * MINUTE, timeZone) === offset);
  if (valid.length === 0) {
    const [before, after] = around as [number, number];
    return { kind: "gap", offsets: [before, after] };
  }
  if (valid.length >= 2) {
    // The larger offset names the earlier instant.
    return { kind: "fold", candidates: [withOffset(wall, valid[0]!), withOffset(wall, valid[1]!)] };
  }
  return { kind: "instant", iso: withOffset(wall, valid[0]!), offset: valid[0]! };
}

/** The wall-clock date and time of an instant in `timeZone`, to the second. */
export function wallTimeAt(ms: number, timeZone: string): WallTime {
  const local = new Date(ms + zoneOffsetMinutes(ms, timeZone) * MINUTE).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 19) };
}
