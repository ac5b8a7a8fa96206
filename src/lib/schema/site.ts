/**
 * The site configuration, `content/site.yaml`: who the knowledge base belongs to, where it is served,
 * how dates read and what the severity levels are called. It lives beside the content (so it travels
 * with the folder `HINDSIGHT_CONTENT` names) and the product never writes to it. Every field is optional:
 * without the file, the site calls itself "Hindsight" and serves at the root of its domain.
 */
import { z } from "zod";
import { isSafeUrl, isWebUrl } from "./links.ts";
import { strictObject } from "./strict-object.ts";
import { timeZone } from "./time.ts";
import { SEVERITY_LEVELS } from "./vocabulary.ts";

/** A path segment of a base path: letters, digits and `-._~`. */
const BASE_PATH = /^\/?(?:[A-Za-z0-9._~-]+\/?)*$/;

/** True for a base path such as `/`, `/kb/` or `postmortems` (slashes are added where missing). */
export function isBasePath(value: string): boolean {
  return BASE_PATH.test(value) && !value.includes("//");
}

/** `kb`, `/kb` and `/kb/` all become `/kb/`; an empty value or `/` becomes `/`. */
export function normaliseBasePath(value: string): string {
  const trimmed = value.trim().replace(/^\/+|\/+$/g, "");
  return trimmed === "" ? "/" : `/${trimmed}/`;
}

/** The base path a site is served under: `/` at the root of a domain, `/kb/` under a folder. */
export const basePath = z
  .string({ error: 'expected a path such as "/" or "/postmortems/"' })
  .trim()
  .refine(isBasePath, {
    error: (issue) =>
      `"${String(issue.input)}" is not a base path — use "/" for the root of the domain, or a folder such as "/postmortems/" (letters, digits, "-", "_", "." and "~" between the slashes)`,
  })
  .transform(normaliseBasePath)
  .meta({ examples: ["/", "/postmortems/"] });

/** A link shown to readers: an http, https or mailto URL, or a path on this site (`/guide/`). */
const readerLink = z
  .string({ error: "expected a URL such as https://wiki.example.com/incidents or mailto:sre@example.com" })
  .trim()
  .refine((value) => value.length > 0 && isSafeUrl(value) && !value.startsWith("#"), {
    error: (issue) =>
      `"${String(issue.input)}" is not a link readers can follow — use an http, https or mailto URL, or a path on this site starting with "/"`,
  });

/** Short text on one line, such as a name or a link's label. */
function label(what: string, example: string) {
  return z
    .string({ error: `expected text, for example "${example}"` })
    .trim()
    .min(1, { error: `is empty — write ${what}, for example "${example}", or remove the field` })
    .max(80, { error: `is longer than 80 characters — shorten ${what}` })
    .refine((value) => !value.includes("\n"), { error: `spans several lines — write ${what} on one line` });
}

/** A link in the footer or header: where it goes and, optionally, what it says. */
export const siteLinkSchema = strictObject({
  /** Where the link goes: an http, https or mailto URL, or a path on this site. */
  url: readerLink.describe("Where the link goes: an http, https or mailto URL, or a path on this site such as /guide/."),
  /** What the link says; each link has a sensible default, so set it only to change the wording. */
  text: label("the link's text", "Incident process")
    .optional()
    .describe("What the link says; each link has a sensible default, so set it only to change the wording."),
});
export type SiteLink = z.infer<typeof siteLinkSchema>;

/** The site's logo, shown in the header beside the site name. */
export const siteLogoSchema = strictObject({
  /**
   * A path on this site, such as `/logo.svg` for `public/logo.svg`; the base path is added for you.
   * Images from other hosts are refused: the Content-Security-Policy allows this site's own images only.
   */
  src: z
    .string({ error: 'expected a path such as "/logo.svg" (a file in public/)' })
    .trim()
    .refine((value) => /^\/(?!\/)[^\s?#]*[^/\s]$/.test(value), {
      error: (issue) =>
        `"${String(issue.input)}" is not a path on this site — put the image in public/ and write its path, such as "/logo.svg" (images from other hosts are blocked by the Content-Security-Policy)`,
    })
    .describe(
      'A path on this site, such as "/logo.svg" for public/logo.svg; the base path is added for you. Images from other hosts are blocked by the Content-Security-Policy.',
    ),
  /**
   * Text for readers who cannot see the image. Leave it empty ("") when the logo only repeats the
   * site name beside it, so screen readers do not read the name twice.
   */
  alt: z
    .string({ error: 'expected text, for example "" (the site name is already beside the logo)' })
    .trim()
    .default("")
    .describe(
      'Text for readers who cannot see the image. Leave it empty ("") when the logo only repeats the site name shown beside it.',
    ),
});
export type SiteLogo = z.infer<typeof siteLogoSchema>;

/** The public address of the site, without the base path's trailing parts: `https://kb.example.com`. */
const publicUrl = z
  .string({ error: "expected a URL such as https://postmortems.example.com" })
  .trim()
  .refine((value) => isWebUrl(value), {
    error: (issue) =>
      `"${String(issue.input)}" is not an http(s) URL — write the address readers use, such as https://postmortems.example.com`,
  })
  .refine((value) => !/[?#]/.test(value), {
    error: "has a query or fragment — write only the address of the site, such as https://org.github.io/postmortems/",
  });

/** How long dates read: `short` 04/01/2016, `medium` 4 Jan 2016, `long` 4 January 2016 (in the locale's order). */
export const DATE_STYLES = ["short", "medium", "long"] as const;
export type DateStyle = (typeof DATE_STYLES)[number];

/** A locale tag the runtime can format dates in. */
export function isLocale(value: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([value]).length > 0;
  } catch {
    return false;
  }
}

/** What one severity level is called and what it means, in this organisation's words. */
export const severityWordingSchema = strictObject({
  /** The short name shown on badges, for example "Critical". */
  label: label("the severity's short name", "Critical")
    .max(24, { error: 'is longer than 24 characters — a badge label should be a word or two, such as "Critical"' })
    .optional()
    .describe('The short name shown on badges next to the id, for example "Critical".'),
  /** One sentence on when to use this level; the guide and the scaffold show it to authors. */
  description: z
    .string({ error: "expected a sentence on when to use this level" })
    .trim()
    .min(1, { error: "is empty — write a sentence on when to use this level, or remove the field" })
    .optional()
    .describe("One sentence on when to use this level; the guide and the scaffold show it to authors."),
});

const severityShape = Object.fromEntries(
  SEVERITY_LEVELS.map((level) => [
    level.id,
    severityWordingSchema.optional().describe(`Wording for ${level.id} (default label "${level.label}": ${level.description})`),
  ]),
) as Record<(typeof SEVERITY_LEVELS)[number]["id"], z.ZodOptional<typeof severityWordingSchema>>;

/** The links in every page's footer; each is optional. */
export const footerLinksSchema = strictObject({
  /** The organisation's incident process (how to declare, roles, communication). */
  incidentProcess: siteLinkSchema
    .optional()
    .describe("The organisation's incident process: how to declare an incident, roles, communication."),
  /** Who is on call and how to page them. */
  onCall: siteLinkSchema.optional().describe("Who is on call and how to page them."),
  /** Where to ask questions about incidents and postmortems (a chat channel, a mailing list). */
  questions: siteLinkSchema
    .optional()
    .describe("Where to ask questions about incidents and postmortems: a chat channel or a mailing list."),
});
export type FooterLinks = z.infer<typeof footerLinksSchema>;

/** `content/site.yaml`. */
export const siteConfigSchema = strictObject({
  /** The organisation the knowledge base belongs to, for example "Example Org". */
  organisation: label("the organisation's name", "Example Org")
    .optional()
    .describe('The organisation the knowledge base belongs to, for example "Example Org".'),
  /** The site's name in the header, page titles and feeds. Defaults to "<organisation> postmortems". */
  siteName: label("the site's name", "Example Org postmortems")
    .optional()
    .describe('The site\'s name in the header, page titles and feeds. Defaults to "<organisation> postmortems".'),
  /** A logo for the header. */
  logo: siteLogoSchema.optional().describe("A logo for the header: an image in public/ and its text alternative."),
  /**
   * The public address of the site's home page, used in feeds, exports and canonical links, for example
   * https://postmortems.example.com or https://org.github.io/postmortems/. `HINDSIGHT_SITE` overrides it.
   */
  url: publicUrl
    .optional()
    .describe(
      "The public address of the site's home page, used in feeds, exports and canonical links, for example https://org.github.io/postmortems/. HINDSIGHT_SITE overrides it.",
    ),
  /**
   * The folder the site is served under: "/" at the root of a domain, "/postmortems/" for
   * https://org.github.io/postmortems/. Defaults to the path of `url`. `HINDSIGHT_BASE` overrides it.
   */
  base: basePath
    .optional()
    .describe(
      'The folder the site is served under: "/" at the root of a domain, "/postmortems/" for https://org.github.io/postmortems/. Defaults to the path of url. HINDSIGHT_BASE overrides it.',
    ),
  /**
   * The IANA time zone `hindsight new` starts postmortems in (instead of the writer's computer's), and whose
   * calendar gives the build's "today" (overdue, ages), for example "Europe/London". Default: UTC's calendar.
   */
  timeZone: timeZone
    .optional()
    .describe(
      "The IANA time zone `hindsight new` starts postmortems in, instead of the writer's computer's, and whose calendar gives the build's \"today\" (overdue, ages), for example \"Europe/London\". Default: UTC's calendar.",
    ),
  /** The language and region dates are written for, as a BCP 47 tag such as "en-GB" or "en-US". */
  locale: z
    .string({ error: 'expected a locale tag such as "en-GB"' })
    .trim()
    .refine(isLocale, {
      error: (issue) =>
        `"${String(issue.input)}" is not a locale this runtime knows — use a tag such as "en-GB", "en-US" or "de-DE"`,
    })
    .optional()
    .describe('The language and region dates are written for, as a BCP 47 tag such as "en-GB" or "en-US".'),
  /** How long dates read: short (04/01/2016), medium (4 Jan 2016) or long (4 January 2016). */
  dateStyle: z
    .enum(DATE_STYLES, { error: `expected one of ${DATE_STYLES.join(", ")}` })
    .optional()
    .describe("How long dates read: short (04/01/2016), medium (4 Jan 2016) or long (4 January 2016)."),
  /** Your organisation's names and descriptions for SEV1–SEV4. The ids stay SEV1–SEV4. */
  severities: strictObject(severityShape)
    .optional()
    .describe("Your organisation's names and descriptions for SEV1–SEV4; the ids themselves stay SEV1–SEV4."),
  /** Links in every page's footer: the incident process, on-call, where to ask. */
  footer: footerLinksSchema
    .optional()
    .describe("Links in every page's footer: the incident process, on-call and where to ask questions."),
  /** A prominent "Report an incident" link in the header, for readers who arrive during an incident. */
  reportIncident: siteLinkSchema
    .optional()
    .describe('A prominent "Report an incident" link in the header, for readers who arrive during an incident.'),
});
export type SiteConfigInput = z.input<typeof siteConfigSchema>;
export type SiteConfigFile = z.output<typeof siteConfigSchema>;
