/**
 * Time values in content. Instants carry an explicit offset so that nobody has to guess the zone
 * they were written in; calendar dates (due dates) are plain `YYYY-MM-DD`.
 */
import { z } from "zod";

const INSTANT_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A wall-clock time in the postmortem's `timezone`: date, a space, time. */
const LOCAL_TIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})(?::(\d{2}))?$/;
const NAIVE_INSTANT_PATTERN = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2}(\.\d+)?)?$/;
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** True when year, month and day name a day that exists (no 30 February). */
export function isRealCalendarDay(year: number, month: number, day: number): boolean {
  return dayProblem(year, month, day) === undefined;
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** What is wrong with a year-month-day, phrased for the author, or undefined when the day exists. */
function dayProblem(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12) return `there is no month ${String(month).padStart(2, "0")} — months run from 01 to 12`;
  const days = daysInMonth(year, month);
  if (day < 1 || day > days)
    return `${MONTHS[month - 1]} ${year} has ${days} days, so day ${String(day).padStart(2, "0")} does not exist — check the day`;
  return undefined;
}

/** What is wrong with a clock time, or undefined when it exists. */
function clockProblem(hour: number, minute: number, second: number): string | undefined {
  if (hour > 23) return `hour ${hour} does not exist — hours run from 00 to 23 (midnight is 00:00 of the next day)`;
  if (minute > 59) return `minute ${minute} does not exist — minutes run from 00 to 59`;
  if (second > 59) return `second ${second} does not exist — seconds run from 00 to 59`;
  return undefined;
}

/** What is wrong with a date and time written in the right shape, or undefined when it exists. */
function dateTimeProblem(m: RegExpExecArray, hasClock: boolean): string | undefined {
  const [, y, mo, d, h, mi, s] = m;
  return (
    dayProblem(Number(y), Number(mo), Number(d)) ?? (hasClock ? clockProblem(Number(h), Number(mi), Number(s ?? 0)) : undefined)
  );
}

/** True for an ISO 8601 instant with an explicit offset that exists on the calendar and the clock. */
export function isOffsetInstant(value: string): boolean {
  const m = INSTANT_PATTERN.exec(value);
  if (!m) return false;
  if (dateTimeProblem(m, true) !== undefined) return false;
  const offset = m[7];
  if (offset && offset !== "Z" && (Number(offset.slice(1, 3)) > 14 || Number(offset.slice(4)) > 59)) return false;
  return true;
}

/** True for a `YYYY-MM-DD` date that exists. */
export function isCalendarDate(value: string): boolean {
  const m = DATE_PATTERN.exec(value);
  return m !== null && isRealCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** A time value as written: an instant with its offset, a wall-clock time in the postmortem's zone, or a date alone. */
export type TimeValue =
  { kind: "instant"; value: string } | { kind: "local"; date: string; time: string } | { kind: "date"; date: string };

/** Reads a valid time value (see `keyTime` and `eventTime`); undefined for anything else. */
export function readTimeValue(value: string): TimeValue | undefined {
  if (isOffsetInstant(value)) return { kind: "instant", value };
  const local = LOCAL_TIME_PATTERN.exec(value);
  if (local && dateTimeProblem(local, true) === undefined)
    return { kind: "local", date: value.slice(0, 10), time: `${local[4]}:${local[5]}:${local[6] ?? "00"}` };
  if (isCalendarDate(value)) return { kind: "date", date: value };
  return undefined;
}

/** Marks the issue of a time written without an offset, so the validator can phrase it with the postmortem's zone. */
export const NO_OFFSET = "hindsight:no-offset";

/** The reason a time value is rejected, phrased as a fix, or undefined when it is acceptable. */
function timeProblem(value: string, allowDate: boolean): { message: string; params?: Record<string, string> } | undefined {
  const kind = readTimeValue(value)?.kind;
  if (kind === "instant" || kind === "local" || (kind === "date" && allowDate)) return undefined;
  const naive = NAIVE_INSTANT_PATTERN.exec(value);
  if (naive) {
    const local = `${naive[1]} ${naive[2]}`;
    return {
      message: `"${value}" has no UTC offset — add one, for example "${value}Z", or write it as "${local}" to read it in the postmortem's timezone`,
      params: { hint: NO_OFFSET },
    };
  }
  const shaped = INSTANT_PATTERN.exec(value) ?? LOCAL_TIME_PATTERN.exec(value);
  if (shaped) {
    const problem = dateTimeProblem(shaped, true);
    if (problem) return { message: `"${value}" is not a real date and time: ${problem}` };
    return { message: `"${value}" has an offset beyond ±14:00 — check the offset` };
  }
  const date = DATE_PATTERN.exec(value);
  if (date) {
    const problem = dateTimeProblem(date, false);
    if (problem) return { message: `"${value}" is not a real date: ${problem}` };
    return {
      message: `"${value}" is a date without a time — add the time, for example "${value} 09:00" (read in the postmortem's timezone)`,
    };
  }
  return {
    message: allowDate
      ? `"${value}" is not a time — write "2016-01-04 20:22" (in the postmortem's timezone), "2016-01-04T20:22:00-08:00" (with its UTC offset) or, when only the day is known, "2016-01-04"`
      : `"${value}" is not a time — write "2016-01-04 20:22" (in the postmortem's timezone) or "2016-01-04T20:22:00-08:00" (with its UTC offset)`,
  };
}

/**
 * A Date that YAML made of an unquoted timestamp, with the text the author wrote, so that the "quote it"
 * hint can show the author's own time.
 */
export class UnquotedTimestamp extends Date {
  readonly written: string;
  constructor(ms: number, written: string) {
    super(ms);
    this.written = written;
  }
}

function unquotedMessage(input: unknown): string {
  const written = input instanceof UnquotedTimestamp ? input.written : undefined;
  const example = written !== undefined ? `"${written}"` : 'for example "2016-01-04T20:22:00-08:00"';
  return `this timestamp is not quoted, so YAML turned it into a date and dropped its UTC offset — put it in quotes: ${example}`;
}

function timeSchema(allowDate: boolean) {
  return z
    .string({
      error: (issue) =>
        issue.input instanceof Date
          ? unquotedMessage(issue.input)
          : `expected a time such as "2016-01-04 20:22" or "2016-01-04T20:22:00-08:00" — quote it`,
    })
    .check((ctx) => {
      const problem = timeProblem(ctx.value, allowDate);
      if (problem) ctx.issues.push({ code: "custom", input: ctx.value, ...problem });
    });
}

/** The pattern editors check a key time against: an instant with its offset, or a wall-clock time `2016-01-04 20:22`. */
export const KEY_TIME_PATTERN =
  "^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})| \\d{2}:\\d{2}(:\\d{2})?)$";
/** The same for a timeline event, which may also be a date alone. */
export const EVENT_TIME_PATTERN =
  "^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})| \\d{2}:\\d{2}(:\\d{2})?)?$";

/**
 * A key time: an instant with its UTC offset (`"2016-01-04T20:22:00-08:00"`) or a wall-clock time in the
 * postmortem's `timezone` (`"2016-01-04 20:22"`), which the postmortem schema turns into an instant.
 */
export const keyTime = timeSchema(false).meta({
  pattern: KEY_TIME_PATTERN,
  examples: ["2016-01-04 20:22", "2016-01-04T20:22:00-08:00"],
});

/** A timeline event's time: as a key time, or a date alone when the minute is not known. */
export const eventTime = timeSchema(true).meta({
  pattern: EVENT_TIME_PATTERN,
  examples: ["2016-01-04 20:22", "2016-01-04T20:22:00-08:00", "2016-01-04"],
});

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
            ? `"${ctx.value}" is not a real date: ${dateTimeProblem(DATE_PATTERN.exec(ctx.value)!, false) ?? "check it"}`
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
