/**
 * `hindsight build`: builds the site into a staging folder, and publishes it into the output folder only
 * when every check has passed (validation, the post-build site checks and the search-index count run inside
 * `astro build`; the staged site is then checked for build leftovers and drafts). A build that fails or is
 * killed leaves the previous site untouched. One build at a time. The folders come from siteFolders(), so the
 * same command builds this repository's content or a knowledge base in its own folder.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { acquireLock, BuildLockedError, waitForLock } from "../lib/build/lock.ts";
import { checkStagedSite, publishStaged, recoverAbandoned, removeLeftovers, stagingDir } from "../lib/build/publish.ts";
import { contentPaths } from "../lib/content-paths.ts";
import { frontmatterStatus } from "../lib/search/expected-pages.ts";
import { HINDSIGHT_ROOT, runAstro, siteFolders, type SiteFolders } from "./astro-site.ts";
import { readArguments } from "./arguments.ts";

export const summary = "Validate the content and build the site; publish it to dist/ only once every check passes";

const HELP = `Usage: hindsight build [--content <dir>] [--out <dir>]

Builds the knowledge base in the current folder with Hindsight's site. The build runs in a staging folder
beside the output folder; the output folder is replaced only after validation, the site checks and the
search index all pass, so it always holds the last complete site. A second build stops at once while one
is running. HINDSIGHT_SITE and HINDSIGHT_BASE set the public address and base path.

  --content   the content folder (default: $HINDSIGHT_CONTENT or content/)
  --out       the output folder (default: $HINDSIGHT_OUT_DIR or dist/)
  --wait      wait for a running build to finish instead of stopping

Astro's cache lives under $HINDSIGHT_CACHE_DIR, one folder per content folder.`;

/**
 * One build at a time per Hindsight folder: besides the output and cache folders, every Astro build of the
 * site writes the same generated modules into `<Hindsight>/.astro/`, so two builds at once would mix their content.
 */
export const BUILD_LOCK = join(HINDSIGHT_ROOT, ".astro", "hindsight-build.lock");

/** Ids of the draft postmortems in a content folder (never to be published). */
function draftIds(dir: string): string[] {
  const { postmortems } = contentPaths(dir);
  return readdirSync(postmortems, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".mdx"))
    .filter((e) => frontmatterStatus(readFileSync(join(postmortems, e.name), "utf8")) === "draft")
    .map((e) => e.name.slice(0, -".mdx".length));
}

/** Builds and publishes; returns the exit code. Messages go to stderr/stdout as the build runs. */
export async function buildSite(folders: SiteFolders, options: { wait?: boolean } = {}): Promise<number> {
  const out = resolve(folders.outDir);
  const display = relative(process.cwd(), out) || ".";
  mkdirSync(dirname(out), { recursive: true });
  mkdirSync(dirname(BUILD_LOCK), { recursive: true });
  let release: () => void;
  try {
    release = options.wait ? await waitForLock(BUILD_LOCK, "the site") : acquireLock(BUILD_LOCK, "the site");
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
    const code = await runAstro("build", [], { ...folders, outDir: staging });
    if (code !== 0) {
      console.error(`hindsight build: the build failed (exit code ${code}); ${display}/ still holds the previous site.`);
      return 1;
    }
    removeLeftovers(staging);
    const problems = checkStagedSite(staging, draftIds(folders.content));
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
  const parsed = readArguments("build", HELP, {
    args,
    options: {
      content: { type: "string" },
      out: { type: "string" },
      wait: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (typeof parsed === "number") return parsed;
  const { values } = parsed;
  return buildSite(siteFolders(process.cwd(), { content: values.content, outDir: values.out }), { wait: values.wait === true });
}
