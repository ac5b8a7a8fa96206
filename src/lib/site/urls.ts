/**
 * The site's paths bound to the base path of this build: in the site build (Vite), Astro's resolved
 * `base` (`import.meta.env.BASE_URL`, which astro.config.mjs takes from the site configuration and
 * `HINDSIGHT_BASE`); in the command-line tools, the site configuration of the content folder.
 */
import { contentDir } from "../content-paths.ts";
import { loadSiteConfig } from "./config.ts";
import { normaliseBase, sitePaths } from "./paths.ts";

function baseOfThisBuild(): string {
  const fromVite = (import.meta as { env?: { BASE_URL?: string } }).env?.BASE_URL;
  if (fromVite !== undefined) return normaliseBase(fromVite);
  return loadSiteConfig(contentDir()).config.base;
}

/** The base path of this build, `/` or `/kb/`. */
export const BASE = baseOfThisBuild();

/** Every site path, with the base applied. */
export const urls = sitePaths(BASE);
