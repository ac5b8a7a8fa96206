/**
 * How dates read on this site: the locale and date style of the site configuration (`content/site.yaml`).
 * astro.config.mjs hands them to the site's server and browser code as `import.meta.env.HINDSIGHT_DATE_FORMAT`;
 * elsewhere (the CLI, unit tests) the defaults apply: "4 Jan 2016" in British English.
 */
import type { DateStyle } from "../schema/site.ts";

export interface DateFormat {
  /** A BCP 47 locale tag, such as "en-GB". */
  locale: string;
  dateStyle: DateStyle;
}

export const DEFAULT_DATE_FORMAT: DateFormat = { locale: "en-GB", dateStyle: "medium" };

/** The Intl options of the date part (day, month, year) for a date style. */
export function dateOptions(style: DateStyle): Intl.DateTimeFormatOptions {
  if (style === "short") return { day: "2-digit", month: "2-digit", year: "numeric" };
  return { day: "numeric", month: style === "long" ? "long" : "short", year: "numeric" };
}

/** The site's date format, as the build defined it, or the default. */
export function siteDateFormat(): DateFormat {
  const value = (import.meta as { env?: Record<string, unknown> }).env?.["HINDSIGHT_DATE_FORMAT"];
  if (value !== null && typeof value === "object" && "locale" in value && "dateStyle" in value) return value as DateFormat;
  return DEFAULT_DATE_FORMAT;
}
