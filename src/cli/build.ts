/**
 * `hindsight build`: builds the site into a staging folder, and publishes it into the output folder only
 * when every check has passed (validation, the post-build site checks and the search-index count run inside
 * `astro build`; the staged site is then checked for build leftovers and drafts). A build that fails or is
 * killed leaves the previous site untouched. One build at a time per checkout.
 */
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { acquireLock, BuildLockedError } from "../lib/build/lock.ts";
import { checkStagedSite, publishStaged, recoverAbandoned, removeLeftovers, stagingDir } from "../lib/build/publish.ts";
import { contentDir, contentPaths } from "../lib/content-paths.ts";
import { frontmatterStatus } from "../lib/search/expected-pages.ts";

export const summary = "Build the site into a staging folder and publish it to dist/ once every check passes";

const HELP = `Usage: hindsight build [--content <dir>] [--out <dir>]

Builds the static site. The build runs in a staging folder beside the output folder; the output folder is
replaced only after validation, the site checks and the search index all pass, so it always holds the last
complete site. A second build in the same checkout stops at once while one is running.

  --content   the content folder (default: HINDSIGHT_CONTENT or content)
  --out       the output folder (default: HINDSIGHT_OUT_DIR or dist)

Astro's cache lives under HINDSIGHT_CACHE_DIR (default node_modules/.astro), one folder per content folder.`;

/** The project's own `astro` command, whichever folder the build is run from. */
const ASTRO = fileURLToPath(new URL("../../node_modules/astro/bin/astro.mjs", import.meta.url));
const PROJECT_ROOT = fileURLToPath(new URL("../..", import.meta.url));
/**
 * One build at a time per checkout: besides the output and cache folders, every Astro build of a project
 * writes the same generated modules into `<project>/.astro/`, so two builds at once would mix their content.
 */
export const BUILD_LOCK = join(PROJECT_ROOT, ".astro", "hindsight-build.lock");

export interface BuildOptions {
  contentDir: string;
  outDir: string;
  cacheBase: string;
}

/** Ids of the draft postmortems in a content folder (never to be published). */
function draftIds(dir: string): string[] {
  const { postmortems } = contentPaths(dir);
  return readdirSync(postmortems, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".mdx"))
    .filter((e) => frontmatterStatus(readFileSync(join(postmortems, e.name), "utf8")) === "draft")
    .map((e) => e.name.slice(0, -".mdx".length));
}

function runAstroBuild(env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [ASTRO, "build"], { cwd: PROJECT_ROOT, env, stdio: "inherit" });
    const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
    const onInt = forward("SIGINT");
    const onTerm = forward("SIGTERM");
    process.on("SIGINT", onInt).on("SIGTERM", onTerm);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      process.off("SIGINT", onInt).off("SIGTERM", onTerm);
      resolvePromise(code ?? (signal ? 128 : 1));
    });
  });
}

/** Builds and publishes; returns the exit code. Messages go to stderr/stdout as the build runs. */
export async function buildSite(options: BuildOptions): Promise<number> {
  const out = resolve(options.outDir);
  const display = relative(process.cwd(), out) || ".";
  mkdirSync(dirname(out), { recursive: true });
  mkdirSync(dirname(BUILD_LOCK), { recursive: true });
  let release: () => void;
  try {
    release = acquireLock(BUILD_LOCK, "this checkout");
  } catch (error) {
    if (error instanceof BuildLockedError) {
      console.error(`hindsight build: ${error.message}`);
      return 3;
    }
    throw error;
  }
  const staging = stagingDir(out);
  const cleanUp = () => rmSync(staging, { recursive: true, force: true });
  try {
    recoverAbandoned(out);
    const code = await runAstroBuild({
      ...process.env,
      HINDSIGHT_CONTENT: resolve(options.contentDir),
      HINDSIGHT_OUT_DIR: staging,
      HINDSIGHT_CACHE_DIR: resolve(options.cacheBase),
    });
    if (code !== 0) {
      console.error(`hindsight build: the build failed (exit code ${code}); ${display}/ still holds the previous site.`);
      return 1;
    }
    removeLeftovers(staging);
    const problems = checkStagedSite(staging, draftIds(options.contentDir));
    if (problems.length > 0) {
      console.error(
        `hindsight build: the built site was not published, ${display}/ still holds the previous site:\n  ${problems.join("\n  ")}`,
      );
      return 1;
    }
    publishStaged(staging, out);
    console.log(`hindsight build: published the site to ${display}/`);
    return 0;
  } finally {
    cleanUp();
    release();
  }
}

export async function run(args: string[]): Promise<number> {
  let values: { content?: string | undefined; out?: string | undefined; help?: boolean | undefined };
  try {
    ({ values } = parseArgs({
      args,
      options: { content: { type: "string" }, out: { type: "string" }, help: { type: "boolean", short: "h" } },
    }));
  } catch (error) {
    console.error(`hindsight build: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  return buildSite({
    contentDir: values.content ?? contentDir(),
    outDir: values.out ?? process.env["HINDSIGHT_OUT_DIR"] ?? "dist",
    cacheBase: process.env["HINDSIGHT_CACHE_DIR"] ?? "node_modules/.astro",
  });
}
