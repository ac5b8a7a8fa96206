/**
 * Times as old postmortems write them: a zone stated once ("All times in UTC", a "Date and Time in CET"
 * column), rows such as "2020-01-21 15:36", "~2025-03-03 19:30" or "09:00 - 11:00", and durations such as
 * "54 minutes" or "19 hours 43 minutes". A time the importer cannot read exactly is reported, never guessed.
 */
import { localInstant, resolveStarted } from "../scaffold/postmortem-template.ts";
import type { ResolvedTime } from "../schema/resolve-times.ts";
import { isRealCalendarDay, isTimeZone } from "../schema/time.ts";

/** Zone abbreviations that name one IANA zone; anything else must be an IANA name. */
const ZONE_ABBREVIATIONS: Record<string, string> = {
  UTC: "UTC",
  GMT: "UTC",
  Z: "UTC",
  CET: "CET",
  CEST: "CET",
  EET: "EET",
  EEST: "EET",
  WET: "WET",
  WEST: "WET",
  BST: "Europe/London",
  PST: "America/Los_Angeles",
  PDT: "America/Los_Angeles",
  PT: "America/Los_Angeles",
  EST: "America/New_York",
  EDT: "America/New_York",
  ET: "America/New_York",
  CST: "America/Chicago",
  CDT: "America/Chicago",
  MST: "America/Denver",
  MDT: "America/Denver",
  IST: "Asia/Kolkata",
  JST: "Asia/Tokyo",
};

/** The IANA zone a word names: an abbreviation above or an IANA name itself. */
export function zoneNamed(word: string): string | undefined {
  const upper = word.toUpperCase();
  if (ZONE_ABBREVIATIONS[upper]) return ZONE_ABBREVIATIONS[upper];
  return word.includes("/") && isTimeZone(word) ? word : undefined;
}

/** "All times in UTC.", "(all times UTC)", "Times are in Europe/Copenhagen", "Date and Time in CET". */
const ZONE_STATEMENT =
  /\b(?:all\s+)?times?\b(?:\s+(?:are|is|shown|given|listed))?(?:\s+(?:in|as))?\s+([A-Za-z]+(?:\/[A-Za-z_+-]+)*)\b/i;

/** The zone a sentence states, if it is a statement of the zone. */
export function statedZone(text: string): string | undefined {
  const match = ZONE_STATEMENT.exec(text);
  return match ? zoneNamed(match[1]!) : undefined;
}

/** True when a paragraph says nothing but the zone ("All times in CET."): it is consumed by `timezone`. */
export function isZoneStatement(text: string): boolean {
  const clean = text
    .replace(/^\s*\d{4}-\d{2}-\d{2}\s*/, "")
    .replace(/[().*_]/g, "")
    .trim();
  return statedZone(clean) !== undefined && /^(?:all\s+)?times?\b[^.]{0,40}$/i.test(clean);
}

/** A time read from a row. */
export interface RowTime {
  /** `YYYY-MM-DD` */
  date: string;
  /** `HH:MM` */
  time: string;
  /** A zone written next to the time, overriding the document's. */
  zone?: string;
  /** Marked approximate ("~10:45"). */
  approximate: boolean;
  /** The end of a range ("09:00 - 11:00"), as written. */
  until?: string;
}

const DATE = String.raw`(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})`;
const TIME = String.raw`(\d{1,2}):(\d{2})(?::\d{2})?`;
const ZONE = String.raw`(?:\s*\(?\s*(UTC|GMT|Z|[A-Z]{2,4}|[+-]\d{2}:?\d{2})\s*\)?)?`;
const RANGE_END = String.raw`(?:\s*(?:-|–|—|to)\s*(\d{1,2}:[\d?]{2}))?`;
const FULL = new RegExp(String.raw`^(~|about\s+|approx\.?\s+)?${DATE}(?:,?\s+|T)${TIME}(~)?${RANGE_END}${ZONE}$`, "i");
const TIME_ONLY = new RegExp(String.raw`^(~|about\s+|approx\.?\s+)?${TIME}(~)?${RANGE_END}${ZONE}$`, "i");
const DATE_ONLY = new RegExp(String.raw`^${DATE}\b`);

const pad = (n: string | number) => String(n).padStart(2, "0");

function zoneOf(word: string | undefined): string | undefined {
  if (!word) return undefined;
  if (/^[+-]\d{2}:?\d{2}$/.test(word)) return word.length === 5 ? `${word.slice(0, 3)}:${word.slice(3)}` : word;
  return zoneNamed(word);
}

function clock(h: string, m: string): string | undefined {
  return Number(h) <= 23 && Number(m) <= 59 ? `${pad(h)}:${m}` : undefined;
}

function calendar(y: string, mo: string, d: string): string | undefined {
  return isRealCalendarDay(Number(y), Number(mo), Number(d)) ? `${y}-${pad(mo)}-${pad(d)}` : undefined;
}

/**
 * Reads the time cell of a timeline row. `day` is the date stated earlier in the section, for rows that give
 * only a clock time. Returns undefined when the cell holds no exact time ("2022-05-?? HH:mm", "20202-01-16").
 */
export function readRowTime(cell: string, day?: string): RowTime | undefined {
  const text = cell.replace(/[*_`]/g, "").replace(/\s+/g, " ").trim();
  const full = FULL.exec(text);
  if (full) {
    const [, approx, y, mo, d, h, mi, approxAfter, until, zone] = full;
    const date = calendar(y!, mo!, d!);
    const time = clock(h!, mi!);
    if (!date || !time) return undefined;
    return withExtras({ date, time, approximate: Boolean(approx ?? approxAfter) }, until, zone);
  }
  const only = TIME_ONLY.exec(text);
  if (only && day) {
    const [, approx, h, mi, approxAfter, until, zone] = only;
    const time = clock(h!, mi!);
    if (!time) return undefined;
    return withExtras({ date: day, time, approximate: Boolean(approx ?? approxAfter) }, until, zone);
  }
  return undefined;
}

function withExtras(row: RowTime, until: string | undefined, zone: string | undefined): RowTime | undefined {
  const out: RowTime = { ...row };
  if (until) out.until = until;
  if (zone) {
    const named = zoneOf(zone);
    if (!named) return undefined;
    out.zone = named;
  }
  return out;
}

/** A `YYYY-MM-DD` date at the start of a text ("2015-10-21 (all times UTC)"), for rows that give only a clock time. */
export function leadingDate(text: string): string | undefined {
  const m = DATE_ONLY.exec(text.trim());
  return m ? calendar(m[1]!, m[2]!, m[3]!) : undefined;
}

/** True when a cell starts like a time, so a list item or line is a timeline row even if the time is unreadable. */
export function looksLikeTime(cell: string): boolean {
  return /^[~*_`\s]*(\d{4,5}[-/?]|\d{1,2}:[\d?]{2}|[?]{2,}|[Hh]{2}:mm)/.test(cell);
}

/**
 * The instant of a row in `zone` (or the row's own zone or offset), or why it names none: a wall-clock time
 * the clocks skipped or repeated there is not guessed.
 */
export function rowInstant(row: RowTime, zone: string): ResolvedTime {
  const own = row.zone ?? zone;
  if (/^[+-]\d{2}:\d{2}$/.test(own)) return { ok: true, iso: `${row.date}T${row.time}:00${own}`, dateOnly: false };
  return resolveStarted(`${row.date}T${row.time}`, own);
}

/** Minutes in "54 minutes", "19 hours 43 minutes.", "1h 30m", "2 days"; undefined for "?", "N/A" or anything else. */
export function readDuration(text: string): number | undefined {
  const clean = text
    .toLowerCase()
    .replace(/\[\^[^\]]*\]/g, "")
    .replace(/[.,]/g, " ")
    .trim();
  const unit = /(\d+(?:\.\d+)?)\s*(d|days?|h|hrs?|hours?|m|mins?|minutes?|s|secs?|seconds?)\b/g;
  let minutes = 0;
  let rest = clean;
  let found = false;
  for (const match of clean.matchAll(unit)) {
    found = true;
    const value = Number(match[1]);
    const u = match[2]!;
    minutes += u.startsWith("d") ? value * 1440 : u.startsWith("h") ? value * 60 : u.startsWith("s") ? value / 60 : value;
    rest = rest.replace(match[0], "");
  }
  if (!found || rest.replace(/\band\b/g, "").trim() !== "") return undefined;
  return Math.round(minutes);
}

/** An instant `minutes` after another, in the wall-clock time and offset of `zone`. */
export function addMinutes(instant: string, minutes: number, zone: string): string {
  return localInstant(new Date(Date.parse(instant) + minutes * 60_000), zone);
}
