/**
 * Instants shown to readers in the postmortem's own time zone, with its offset, and in UTC for the title attribute.
 * Dates read in the site's locale and date style (site configuration).
 */
import { formatOffset, zoneOffsetMinutes } from "../schema/zone-time.ts";
import { dateOptions, siteDateFormat, type DateFormat } from "./date-format.ts";

const SITE_DATES = siteDateFormat();

const CLOCK = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;

const cache = new Map<string, Intl.DateTimeFormat>();

/**
 * One formatter per locale, zone and pattern, made once (making one costs far more than using it). `name`
 * names the options, so looking one up builds no key from them.
 */
function formatter(timeZone: string, name: string, options: Intl.DateTimeFormatOptions, locale = "en-GB"): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${name}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone, ...options });
    cache.set(key, f);
  }
  return f;
}

/**
 * Remembers a zone's name per quarter hour of UTC: it changes only when the offset does, which is on whole
 * quarter hours (as in src/lib/schema/zone-time.ts). A page names the zone of every time it shows.
 */
function perQuarterHour(compute: (ms: number, timeZone: string) => string): (ms: number, timeZone: string) => string {
  const remembered = new Map<string, string>();
  return (ms, timeZone) => {
    const key = `${timeZone}|${Math.floor(ms / 900_000)}`;
    let value = remembered.get(key);
    if (value === undefined) {
      value = compute(ms, timeZone);
      remembered.set(key, value);
    }
    return value;
  };
}

/** The UTC offset of `timeZone` at `ms`, as "UTC−08:00" ("UTC" for none), from the zone's offset (zone-time.ts). */
export function offsetLabel(ms: number, timeZone: string): string {
  const minutes = zoneOffsetMinutes(ms, timeZone);
  return minutes === 0 ? "UTC" : `UTC${formatOffset(minutes).replace("-", "−")}`;
}

/** The zone's short name at that instant ("PST", "BST"), falling back to the offset. */
export const zoneAbbreviation = perQuarterHour((ms, timeZone) => {
  // ICU knows each zone's abbreviation only in some locales (PST in en-US, BST in en-GB).
  for (const locale of ["en-US", "en-GB"]) {
    const name = formatter(timeZone, "zoneName", { timeZoneName: "short" }, locale)
      .formatToParts(ms)
      .find((p) => p.type === "timeZoneName")?.value;
    if (name === "GMT" || name === "UTC") return name;
    if (name && !/^(GMT|UTC)[+-]/.test(name)) return name;
  }
  return offsetLabel(ms, timeZone);
});

/** "4 Jan 2016, 20:22 PST" in the given zone. */
export function formatInstant(iso: string, timeZone: string, dates: DateFormat = SITE_DATES): string {
  const ms = Date.parse(iso);
  const date = formatter(timeZone, dates.dateStyle, dateOptions(dates.dateStyle), dates.locale).format(ms);
  const time = formatter(timeZone, "clock", CLOCK).format(ms);
  return `${date}, ${time} ${zoneAbbreviation(ms, timeZone)}`;
}

/**
 * The wall-clock reading of an instant in a zone, as an ISO string in UTC ("2016-01-04T20:22:00.000Z" for
 * 20:22 local): the instant moved by the zone's offset then. The offset comes from the remembered offsets of
 * src/lib/schema/zone-time.ts, which is several times faster than asking Intl for the parts of every time.
 */
function wallClock(iso: string, timeZone: string): string {
  const ms = Date.parse(iso);
  return new Date(ms + zoneOffsetMinutes(ms, timeZone) * 60_000).toISOString();
}

/** "20:22" in the given zone, for compact timelines. */
export function formatClock(iso: string, timeZone: string): string {
  return wallClock(iso, timeZone).slice(11, 16);
}

/** "Mon 4 Jan 2016" in the given zone. */
export function formatDay(iso: string, timeZone: string, dates: DateFormat = SITE_DATES): string {
  const options = { weekday: dates.dateStyle === "long" ? "long" : "short", ...dateOptions(dates.dateStyle) } as const;
  return formatter(timeZone, `weekday ${dates.dateStyle}`, options, dates.locale).format(Date.parse(iso));
}

/** "2016-01-05 04:22 UTC", for title attributes and machine-minded readers. */
export function formatUtc(iso: string): string {
  return `${new Date(Date.parse(iso)).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** "4 Jan 2016" for a calendar date `YYYY-MM-DD` (no zone involved). */
export function formatCalendarDate(date: string, dates: DateFormat = SITE_DATES): string {
  return formatter("UTC", dates.dateStyle, dateOptions(dates.dateStyle), dates.locale).format(Date.parse(`${date}T00:00:00Z`));
}

/** The calendar date (YYYY-MM-DD) of an instant in a zone. */
export function localDate(iso: string, timeZone: string): string {
  return wallClock(iso, timeZone).slice(0, 10);
}
