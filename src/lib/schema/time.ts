/**
 * Time values in content. Instants carry an explicit offset so that nobody has to guess the zone
 * they were written in; calendar dates (due dates) are plain `YYYY-MM-DD`.
 */
import { z } from "zod";

const INSTANT_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const NAIVE_INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/** True when year, month and day name a day that exists (no 30 February). */
export function isRealCalendarDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= days;
}

/** True for an ISO 8601 instant with an explicit offset that exists on the calendar and the clock. */
export function isOffsetInstant(value: string): boolean {
  const m = INSTANT_PATTERN.exec(value);
  if (!m) return false;
  const [, y, mo, d, h, mi, s, offset] = m;
  if (!isRealCalendarDay(Number(y), Number(mo), Number(d))) return false;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59) return false;
  if (offset && offset !== "Z" && (Number(offset.slice(1, 3)) > 14 || Number(offset.slice(4)) > 59)) return false;
  return true;
}

/** True for a `YYYY-MM-DD` date that exists. */
export function isCalendarDate(value: string): boolean {
  const m = DATE_PATTERN.exec(value);
  return m !== null && isRealCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** The reason an instant is rejected, phrased as a fix. */
function instantProblem(value: string): string {
  if (NAIVE_INSTANT_PATTERN.test(value)) {
    return `"${value}" has no UTC offset — add one, for example "${value.replace(" ", "T")}-08:00" or "${value.replace(" ", "T")}Z"`;
  }
  if (INSTANT_PATTERN.test(value)) {
    return `"${value}" is not a real date and time — check the day of the month and the hour`;
  }
  return `"${value}" is not an ISO 8601 time — write it as "2016-01-04T20:22:00-08:00" (date, "T", time, UTC offset)`;
}

/**
 * An instant: ISO 8601 with an explicit offset, kept as the author's string.
 * YAML turns an unquoted timestamp into a Date and silently drops its offset, so a Date here is an error.
 */
export const offsetInstant = z
  .string({
    error: (issue) =>
      issue.input instanceof Date
        ? `this timestamp is not quoted, so YAML turned it into a date and dropped its UTC offset — put it in quotes, for example "2016-01-04T20:22:00-08:00"`
        : `expected a time such as "2016-01-04T20:22:00-08:00" — quote it and include the UTC offset`,
  })
  .check((ctx) => {
    if (!isOffsetInstant(ctx.value)) ctx.issues.push({ code: "custom", message: instantProblem(ctx.value), input: ctx.value });
  })
  .meta({ format: "date-time", examples: ["2016-01-04T20:22:00-08:00"] });

/** Converts a Date that YAML made of an unquoted `2016-01-15` back to the day it was written as. */
function dateToCalendarString(value: unknown): unknown {
  return value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value;
}

/** A calendar date `YYYY-MM-DD` (quoted or not). */
export const calendarDate = z.preprocess(
  dateToCalendarString,
  z
    .string({ error: `expected a date such as 2016-01-15 (year-month-day)` })
    .check((ctx) => {
      if (!isCalendarDate(ctx.value)) {
        ctx.issues.push({
          code: "custom",
          input: ctx.value,
          message: DATE_PATTERN.test(ctx.value)
            ? `"${ctx.value}" is not a real date — check the day of the month`
            : `"${ctx.value}" is not a date — write it as YYYY-MM-DD, for example 2016-01-15`,
        });
      }
    })
    .meta({ format: "date", examples: ["2016-01-15"] }),
);

const knownTimeZones = new Map<string, boolean>();

/** True when the runtime knows the IANA time zone (answers are remembered: the check is slow). */
export function isTimeZone(value: string): boolean {
  const known = knownTimeZones.get(value);
  if (known !== undefined) return known;
  let valid = /^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$/.test(value);
  if (valid) {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: value });
    } catch {
      valid = false;
    }
  }
  knownTimeZones.set(value, valid);
  return valid;
}

/** An IANA time zone name such as `America/Los_Angeles`. */
export const timeZone = z
  .string()
  .refine(isTimeZone, {
    error: (issue) =>
      `"${String(issue.input)}" is not an IANA time zone — use a name such as "America/Los_Angeles", "Europe/Copenhagen" or "UTC"`,
  })
  .meta({ examples: ["America/Los_Angeles", "Europe/London", "UTC"] });

/** Milliseconds since the epoch of a validated instant. */
export function instantMs(value: string): number {
  return Date.parse(value);
}

/** Milliseconds since the epoch of the start of a calendar date in UTC. */
export function calendarDateMs(value: string): number {
  return Date.parse(`${value}T00:00:00Z`);
}
