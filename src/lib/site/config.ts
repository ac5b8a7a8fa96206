/**
 * The site configuration as the rest of the code receives it: `content/site.yaml` validated, defaults
 * filled in, and the environment's overrides applied (`HINDSIGHT_SITE`, `HINDSIGHT_BASE`). Read once by
 * astro.config.mjs, the pages (through src/data/site.ts), the validator and the CLI.
 */
import { existsSync, readFileSync } from "node:fs";
import { relative, sep } from "node:path";
import { contentPaths } from "../content-paths.ts";
import { basePath, siteConfigSchema, type DateStyle, type SiteConfigFile, type SiteLogo } from "../schema/site.ts";
import { SEVERITY_LEVELS, type Severity } from "../schema/vocabulary.ts";
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from "../validate/diagnostic.ts";
import { genericMessage } from "../validate/error-map.ts";
import { issueDiagnostics } from "../validate/issue-diagnostics.ts";
import { parseYamlSource } from "../validate/yaml-source.ts";

/** The product's name: the site's name only when the configuration gives none. */
export const PRODUCT_NAME = "Hindsight";

/** Where the site is assumed to live when neither the configuration nor `HINDSIGHT_SITE` says. */
export const DEFAULT_SITE_URL = "https://hindsight.example.com";

/** A link with its wording decided. */
export interface ResolvedLink {
  url: string;
  text: string;
}

/** One severity level in this organisation's words. */
export interface SeverityWording {
  id: Severity;
  label: string;
  description: string;
}

export interface SiteConfig {
  /** The organisation, when the configuration names one. */
  organisation: string | undefined;
  /** The site's name: header, page titles, feeds. */
  siteName: string;
  logo: SiteLogo | undefined;
  /** The origin readers use, without a path: `https://org.github.io`. */
  origin: string;
  /** The folder the site is served under, with slashes at both ends: `/` or `/kb/`. */
  base: string;
  /** The zone `hindsight new` starts postmortems in and whose date is the build's "today", when the configuration names one. */
  timeZone: string | undefined;
  locale: string;
  dateStyle: DateStyle;
  /** SEV1–SEV4, most severe first. */
  severities: readonly SeverityWording[];
  /** Footer links, in the order they are shown. */
  footerLinks: readonly ResolvedLink[];
  reportIncident: ResolvedLink | undefined;
}

/** The environment variables that override the file. */
export interface SiteEnv {
  HINDSIGHT_SITE?: string | undefined;
  HINDSIGHT_BASE?: string | undefined;
}

const FOOTER_DEFAULTS = [
  ["incidentProcess", "Incident process"],
  ["onCall", "Who is on call"],
  ["questions", "Questions about incidents"],
] as const;

export interface SiteConfigResult {
  config: SiteConfig;
  /** Problems in the file or the environment; when there are any, `config` holds the defaults. */
  diagnostics: Diagnostic[];
}

/** The path of `u`, normalised to a base path (`/`, `/kb/`). */
function pathOf(url: string): string {
  const path = new URL(url).pathname.replace(/^\/+|\/+$/g, "");
  return path === "" ? "/" : `/${path}/`;
}

/** Resolves validated file contents and the environment into the configuration. */
export function resolveSiteConfig(file: SiteConfigFile, env: SiteEnv = {}): SiteConfig {
  const envSite = env.HINDSIGHT_SITE?.trim();
  const url = envSite || file.url || DEFAULT_SITE_URL;
  const envBase = env.HINDSIGHT_BASE?.trim();
  // The most specific setting wins: HINDSIGHT_BASE, then a path in HINDSIGHT_SITE, then the file.
  const envSitePath = envSite ? pathOf(envSite) : "/";
  const base = envBase ? basePath.parse(envBase) : envSitePath !== "/" ? envSitePath : (file.base ?? pathOf(url));
  const siteName = file.siteName ?? (file.organisation ? `${file.organisation} postmortems` : PRODUCT_NAME);
  return {
    organisation: file.organisation,
    siteName,
    logo: file.logo,
    origin: new URL(url).origin,
    base,
    timeZone: file.timeZone,
    locale: file.locale ?? "en-GB",
    dateStyle: file.dateStyle ?? "medium",
    severities: SEVERITY_LEVELS.map((level) => ({
      id: level.id,
      label: file.severities?.[level.id]?.label ?? level.label,
      description: file.severities?.[level.id]?.description ?? level.description,
    })),
    footerLinks: FOOTER_DEFAULTS.flatMap(([key, text]) => {
      const link = file.footer?.[key];
      return link ? [{ url: link.url, text: link.text ?? text }] : [];
    }),
    reportIncident: file.reportIncident
      ? { url: file.reportIncident.url, text: file.reportIncident.text ?? "Report an incident" }
      : undefined,
  };
}

/** Problems of the environment's overrides, located at the variable's name. */
function envDiagnostics(env: SiteEnv): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (name: string, message: string): Diagnostic => ({ file: name, line: 1, column: 1, path: "(environment)", message });
  const site = env.HINDSIGHT_SITE?.trim();
  if (site) {
    const result = siteConfigSchema.shape.url.safeParse(site);
    if (!result.success) out.push(at("HINDSIGHT_SITE", result.error.issues[0]!.message));
  }
  const base = env.HINDSIGHT_BASE?.trim();
  if (base) {
    const result = basePath.safeParse(base);
    if (!result.success) out.push(at("HINDSIGHT_BASE", result.error.issues[0]!.message));
  }
  return out;
}

/**
 * Validates the text of a site configuration file (`file` is the name used in messages) and applies the
 * environment. Problems come back located, `file:line:col  field  message`, like content problems.
 */
export function parseSiteConfig(text: string, file: string, env: SiteEnv = {}): SiteConfigResult {
  const diagnostics = envDiagnostics(env);
  const source = parseYamlSource(text, file, 0);
  diagnostics.push(...source.syntax);
  let parsed: SiteConfigFile = {};
  if (source.syntax.length === 0) {
    // An empty file (or one holding only comments) means "all defaults".
    const data = source.data ?? {};
    const result = siteConfigSchema.safeParse(data, { error: genericMessage });
    if (result.success) parsed = result.data;
    else diagnostics.push(...issueDiagnostics(result.error.issues, data, source, file));
    if (result.success && result.data.url && result.data.base) {
      const urlPath = pathOf(result.data.url);
      if (urlPath !== "/" && urlPath !== result.data.base) {
        diagnostics.push({
          file,
          ...source.locate(["base"]),
          path: "base",
          message: `"${result.data.base}" disagrees with the path of url (${urlPath}) — remove base (it defaults to the path of url) or make the two agree`,
        });
      }
    }
  }
  if (diagnostics.length > 0) return { config: resolveSiteConfig({}, {}), diagnostics: sortDiagnostics(diagnostics) };
  return { config: resolveSiteConfig(parsed, env), diagnostics };
}

/**
 * Reads `site.yaml` from a content folder. A folder without one gets the defaults: the site is called
 * "Hindsight" and served at the root. `cwd` makes file names in messages relative.
 */
export function loadSiteConfig(contentDir: string, env: SiteEnv = process.env, cwd = process.cwd()): SiteConfigResult {
  const path = contentPaths(contentDir).site;
  const file = relative(cwd, path).split(sep).join("/");
  if (!existsSync(path)) {
    const diagnostics = envDiagnostics(env);
    return { config: resolveSiteConfig({}, diagnostics.length > 0 ? {} : env), diagnostics };
  }
  return parseSiteConfig(readFileSync(path, "utf8"), file, env);
}

/** The configuration, or an error listing every problem (for astro.config.mjs and the pages). */
export function siteConfigOrThrow(contentDir: string, env: SiteEnv = process.env): SiteConfig {
  const { config, diagnostics } = loadSiteConfig(contentDir, env);
  if (diagnostics.length > 0) {
    throw new Error(`The site configuration has problems:\n${diagnostics.map(formatDiagnostic).join("\n")}`);
  }
  return config;
}
