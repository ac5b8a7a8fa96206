/**
 * Runs Astro on Hindsight's own site (astro.config.mjs, src/pages) for a knowledge base in the current
 * folder: a clone of this repository, or a knowledge base that has Hindsight as a dependency. The content,
 * output and cache folders are the knowledge base's; Astro's root is Hindsight's folder.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { contentDir } from "../lib/content-paths.ts";

/** Hindsight's own folder (where astro.config.mjs is). */
export const HINDSIGHT_ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface SiteFolders {
  content: string;
  outDir: string;
  cacheDir: string;
}

/**
 * Where a knowledge base in `cwd` keeps its content, build output and cache, as absolute paths:
 * the flags first, then HINDSIGHT_CONTENT / HINDSIGHT_OUT_DIR / HINDSIGHT_CACHE_DIR, then content/ and dist/.
 * The cache of a knowledge base outside Hindsight's folder lives in its own node_modules/.cache.
 */
export function siteFolders(
  cwd: string,
  flags: { content?: string | undefined; outDir?: string | undefined },
  env: Record<string, string | undefined> = process.env,
): SiteFolders {
  const inHindsight = relative(HINDSIGHT_ROOT, cwd) === "";
  const cacheDefault = inHindsight ? join("node_modules", ".astro") : join("node_modules", ".cache", "hindsight");
  return {
    content: resolve(cwd, flags.content ?? contentDir(env)),
    outDir: resolve(cwd, flags.outDir ?? env["HINDSIGHT_OUT_DIR"] ?? "dist"),
    cacheDir: resolve(cwd, env["HINDSIGHT_CACHE_DIR"] ?? cacheDefault),
  };
}

/** Runs `astro <command> --root <Hindsight> ...args` with the folders in the environment; resolves to its exit code. */
export function runAstro(command: string, args: string[], folders: SiteFolders): Promise<number> {
  const astroPackage = createRequire(join(HINDSIGHT_ROOT, "package.json")).resolve("astro/package.json");
  const astroBin = join(dirname(astroPackage), "bin", "astro.mjs");
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [astroBin, command, "--root", HINDSIGHT_ROOT, ...args], {
      stdio: "inherit",
      env: {
        ...process.env,
        HINDSIGHT_CONTENT: folders.content,
        HINDSIGHT_OUT_DIR: folders.outDir,
        HINDSIGHT_CACHE_DIR: folders.cacheDir,
        ASTRO_TELEMETRY_DISABLED: process.env["ASTRO_TELEMETRY_DISABLED"] ?? "1",
      },
    });
    child.on("error", reject);
    child.on("close", (code, signal) => resolvePromise(code ?? (signal ? 1 : 0)));
  });
}
