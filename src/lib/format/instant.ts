/**
 * Instants shown to readers in the postmortem's own time zone, with its offset, and in UTC for the title attribute.
 * Dates read in the site's locale and date style (site configuration).
 */
import { dateOptions, siteDateFormat, type DateFormat } from "./date-format.ts";

const SITE_DATES = siteDateFormat();

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, options: Intl.DateTimeFormatOptions, locale = "en-GB"): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone, ...options });
    cache.set(key, f);
  }
  return f;
}

/** The UTC offset of `timeZone` at `ms`, as "UTC−08:00". */
export function offsetLabel(ms: number, timeZone: string): string {
  const part = formatter(timeZone, { timeZoneName: "longOffset" })
    .formatToParts(ms)
    .find((p) => p.type === "timeZoneName")?.value;
  if (!part || part === "GMT") return "UTC";
  return part.replace("GMT", "UTC").replace("-", "−");
}

/** The zone's short name at that instant ("PST", "BST"), falling back to the offset. */
export function zoneAbbreviation(ms: number, timeZone: string): string {
  // ICU knows each zone's abbreviation only in some locales (PST in en-US, BST in en-GB).
  for (const locale of ["en-US", "en-GB"]) {
    const name = formatter(timeZone, { timeZoneName: "short" }, locale)
      .formatToParts(ms)
      .find((p) => p.type === "timeZoneName")?.value;
    if (name === "GMT" || name === "UTC") return name;
    if (name && !/^(GMT|UTC)[+-]/.test(name)) return name;
  }
  return offsetLabel(ms, timeZone);
}

/** "4 Jan 2016, 20:22 PST" in the given zone. */
export function formatInstant(iso: string, timeZone: string, dates: DateFormat = SITE_DATES): string {
  const ms = Date.parse(iso);
  const date = formatter(timeZone, dateOptions(dates.dateStyle), dates.locale).format(ms);
  const time = formatter(timeZone, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(ms);
  return `${date}, ${time} ${zoneAbbreviation(ms, timeZone)}`;
}

/** "20:22" in the given zone, for compact timelines. */
export function formatClock(iso: string, timeZone: string): string {
  return formatter(timeZone, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(Date.parse(iso));
}

/** "Mon 4 Jan 2016" in the given zone. */
export function formatDay(iso: string, timeZone: string, dates: DateFormat = SITE_DATES): string {
  const options = { weekday: dates.dateStyle === "long" ? "long" : "short", ...dateOptions(dates.dateStyle) } as const;
  return formatter(timeZone, options, dates.locale).format(Date.parse(iso));
}

/** "2016-01-05 04:22 UTC", for title attributes and machine-minded readers. */
export function formatUtc(iso: string): string {
  return `${new Date(Date.parse(iso)).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** "4 Jan 2016" for a calendar date `YYYY-MM-DD` (no zone involved). */
export function formatCalendarDate(date: string, dates: DateFormat = SITE_DATES): string {
  return formatter("UTC", dateOptions(dates.dateStyle), dates.locale).format(Date.parse(`${date}T00:00:00Z`));
}

const localDates = new Map<string, string>();

/** The calendar date (YYYY-MM-DD) of an instant in a zone (remembered: lists ask for the same ones on many pages). */
export function localDate(iso: string, timeZone: string): string {
  const key = `${iso}|${timeZone}`;
  let date = localDates.get(key);
  if (date === undefined) {
    const parts = formatter(timeZone, { year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(Date.parse(iso));
    const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
    date = `${get("year")}-${get("month")}-${get("day")}`;
    localDates.set(key, date);
  }
  return date;
}
