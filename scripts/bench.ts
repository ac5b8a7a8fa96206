/**
 * Benchmark at scale: `npm run bench -- --count 1000 [--pairs 3] [--seed 1] [--no-dev] [--keep] [--no-write]`.
 * The dev server alone, on a kept corpus: `npm run bench -- --only dev --content .bench/corpus-1000 [--pairs 3]`.
 *
 * Generates N realistic postmortems into a temporary folder under .bench/, reads every file once so the
 * corpus sits in the page cache, then measures:
 *   1. `hindsight validate` on it: once from an empty TypeScript cache (the first run after installing), then
 *      as many runs as pairs;
 *   2. the full Hindsight build and a bare Astro 7 build of the same MDX files, alternately, `--pairs` times,
 *      each from an empty content cache;
 *   3. `npm run dev` on the corpus: time to the first postmortem page, and to the re-rendered page after one
 *      postmortem is saved;
 *   4. the HTML and JavaScript of a postmortem page, and the bytes a first search downloads.
 * Each step is reported as median and min–max; the overhead is the median of the pair-by-pair ratios, so a
 * machine whose speed drifts between pairs does not bias it. The report is written into docs/benchmarks.md
 * between "bench:start N" and "bench:end N" markers, under the method text kept at the top of that file.
 */
import { spawn, spawnSync } from "node:child_process";
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { generateCorpus } from "./bench/corpus.ts";
import { proseParagraphs } from "./bench/prose.ts";
import { replaceBlock, summarise, type Summary } from "./bench/report.ts";
import { cacheFolder } from "../bin/strip-own-types.mjs";
import { BUILD_LOCK } from "../src/cli/build.ts";
import { waitForLock } from "../src/lib/build/lock.ts";
import { freePort } from "../tests/support/dev-server.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DFDS = join(ROOT, "..", "shared", "corpus", "dfds-postmortems");
const NODE = process.execPath;
const ASTRO = join(ROOT, "node_modules", "astro", "bin", "astro.mjs");

interface Run {
  seconds: number;
  peakMb: number;
}

/** Runs a command under GNU time for wall time and peak resident memory (of the largest process). */
function measure(name: string, args: string[], options: { cwd: string; env?: Record<string, string> }): Run {
  if (!existsSync("/usr/bin/time")) throw new Error("The benchmark needs GNU time at /usr/bin/time (Debian package `time`).");
  const result = spawnSync("/usr/bin/time", ["-f", "BENCH %e %M", ...args], {
    cwd: options.cwd,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1", NODE_ENV: "production", ...options.env },
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const output = `${result.stdout}${result.stderr}`;
  const match = /BENCH ([\d.]+) (\d+)/.exec(result.stderr);
  if (result.status !== 0 || !match) throw new Error(`${name} failed (exit ${result.status}):\n${output.slice(-4000)}`);
  return { seconds: Number(match[1]), peakMb: Number(match[2]) / 1024 };
}

/** Paragraphs of the real-world corpus, when it is beside the project. */
function realWorldProse(): string[] {
  if (!existsSync(DFDS)) return [];
  return readdirSync(DFDS)
    .filter((name) => name.endsWith(".md") && !name.includes("template"))
    .flatMap((name) => proseParagraphs(readFileSync(join(DFDS, name), "utf8")));
}

function writeCorpus(dir: string, count: number, seed: number, prose: string[]): void {
  for (const [path, text] of generateCorpus({ count, seed, prose })) {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}

/** Reads every file below dir once, so that no timed run pays for the first read from disk. */
function warmPageCache(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((sum, e) => sum + readFileSync(join(e.parentPath, e.name)).length, 0);
}

/** A minimal Astro project that renders the same MDX files with a one-line layout: the baseline. */
function writeBareProject(dir: string, postmortems: string): void {
  mkdirSync(join(dir, "src", "pages"), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "bare", type: "module", private: true }));
  // Its own cache folder: the default, node_modules/.astro, would be the project's (node_modules is a link).
  writeFileSync(
    join(dir, "astro.config.mjs"),
    `import mdx from "@astrojs/mdx";\nimport { defineConfig } from "astro/config";\n` +
      `export default defineConfig({ cacheDir: process.env.BARE_CACHE_DIR, outDir: process.env.BARE_OUT_DIR, integrations: [mdx()] });\n`,
  );
  writeFileSync(
    join(dir, "src", "content.config.ts"),
    `import { defineCollection } from "astro:content";\nimport { glob } from "astro/loaders";\n` +
      `export const collections = { postmortems: defineCollection({ loader: glob({ pattern: "*.mdx", base: ${JSON.stringify(postmortems)} }) }) };\n`,
  );
  writeFileSync(
    join(dir, "src", "pages", "[id].astro"),
    `---\nimport { getCollection, render } from "astro:content";\n` +
      `export async function getStaticPaths() { return (await getCollection("postmortems")).map((entry) => ({ params: { id: entry.id }, props: { entry } })); }\n` +
      `const { Content } = await render(Astro.props.entry);\n---\n<html lang="en"><head><title>{Astro.props.entry.data.title}</title></head><body><Content /></body></html>\n`,
  );
}

function folderBytes(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((sum, e) => sum + statSync(join(e.parentPath, e.name)).size, 0);
}

/** Average HTML bytes of a postmortem page, and the JavaScript one page loads (raw and gzip). */
function pageFigures(dist: string) {
  const dirs = readdirSync(join(dist, "postmortems"), { withFileTypes: true }).filter((d) => d.isDirectory());
  const pages = dirs
    .map((d) => join(dist, "postmortems", d.name, "index.html"))
    .filter((f) => existsSync(f) && readFileSync(f, "utf8").includes("data-pagefind-body"));
  const sizes = pages.map((f) => statSync(f).size);
  const sample = readFileSync(pages[0]!, "utf8");
  const scripts = [...sample.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]!);
  const seen = new Set<string>();
  let raw = 0;
  let gzip = 0;
  const visit = (src: string) => {
    if (seen.has(src)) return;
    seen.add(src);
    const code = readFileSync(join(dist, src));
    raw += code.length;
    gzip += gzipSync(code).length;
    // Static imports of other chunks load too.
    for (const m of code.toString().matchAll(/from\s*"(\.\/[^"]+\.js)"|import\s*"(\.\/[^"]+\.js)"/g))
      visit(join(dirname(src), (m[1] ?? m[2])!));
  };
  scripts.forEach(visit);
  return {
    pages: pages.length,
    averageHtml: sizes.reduce((a, b) => a + b, 0) / sizes.length,
    jsRaw: raw,
    jsGzip: gzip,
    jsFiles: seen.size,
  };
}

function firstSearch(dist: string, query: string): { toResults: number; total: number } {
  const result = spawnSync(NODE, [join(ROOT, "scripts", "measure-first-search.ts"), "--dist", dist, "--query", query, "--json"], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`measuring the first search failed:\n${result.stderr}`);
  const report = JSON.parse(result.stdout) as { groups: Record<string, { gzip: number }>; total: { gzip: number } };
  const filters = Object.entries(report.groups).find(([name]) => name.startsWith("filter chunks"))?.[1]?.gzip ?? 0;
  return { toResults: report.total.gzip - filters, total: report.total.gzip };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls url until its body satisfies ready (or the time bound passes); returns the seconds since start. */
async function timeUntil(url: string, start: number, ready: (body: string) => boolean, boundSeconds: number): Promise<number> {
  while ((performance.now() - start) / 1000 < boundSeconds) {
    try {
      const response = await fetch(url);
      const body = await response.text();
      if (response.ok && ready(body)) return (performance.now() - start) / 1000;
    } catch {
      // The server is not listening yet.
    }
    await sleep(100);
  }
  throw new Error(`${url} was not ready within ${boundSeconds} s`);
}

/**
 * The author's loop: `astro dev` on the corpus, the time to the first postmortem page, then the time from
 * saving one postmortem (a new sentence at the end of its body) to the page that shows it.
 */
async function measureDev(content: string, work: string): Promise<DevRun> {
  const postmortems = join(content, "postmortems");
  const file = readdirSync(postmortems)
    .filter((n) => n.endsWith(".mdx"))
    .sort()[0]!;
  const id = file.slice(0, -".mdx".length);
  const port = await freePort();
  // Builds and dev servers of this checkout share the generated modules in .astro/: one started meanwhile (a
  // test run, say) would make this server serve its content. They queue on the build lock, as tests do.
  mkdirSync(dirname(BUILD_LOCK), { recursive: true });
  const release = await waitForLock(BUILD_LOCK, "the site");
  const start = performance.now();
  const dev = spawn(NODE, [ASTRO, "dev", "--ignore-lock", "--host", "127.0.0.1", "--port", String(port)], {
    cwd: ROOT,
    env: {
      ...process.env,
      HINDSIGHT_CONTENT: content,
      HINDSIGHT_CACHE_DIR: join(work, "cache-dev"),
      ASTRO_TELEMETRY_DISABLED: "1",
      NO_COLOR: "1",
    },
    stdio: ["ignore", "ignore", "ignore"],
  });
  try {
    const url = `http://127.0.0.1:${port}/postmortems/${id}/`;
    const firstPage = await timeUntil(url, start, (body) => body.includes("<h1"), 600);
    const marker = `Benchmark sentence ${Date.now()}.`;
    const saved = performance.now();
    appendFileSync(join(postmortems, file), `\n${marker}\n`);
    const rerender = await timeUntil(url, saved, (body) => body.includes(marker), 120);
    return { firstPage, rerender };
  } finally {
    dev.kill();
    await new Promise((resolve) => (dev.exitCode === null ? dev.once("exit", resolve) : resolve(undefined)));
    release();
  }
}

interface DevRun {
  firstPage: number;
  rerender: number;
}

/**
 * The dev server on `content`, `runs` times, each from an empty cache in a folder of its own. Every run
 * appends one sentence to the same postmortem.
 */
async function measureDevRuns(content: string, runs: number): Promise<DevRun[]> {
  mkdirSync(join(ROOT, ".bench"), { recursive: true });
  const figures: DevRun[] = [];
  for (let i = 0; i < runs; i++) {
    const work = mkdtempSync(join(ROOT, ".bench", "dev-"));
    try {
      console.log(`Measuring the dev server (${i + 1} of ${runs})…`);
      const run = await measureDev(content, work);
      console.log(`  first page ${run.firstPage.toFixed(2)} s, re-render ${run.rerender.toFixed(2)} s`);
      figures.push(run);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  return figures;
}

/** `--only dev`: the dev server on a corpus kept from an earlier run (or made by `npm run generate-corpus`). */
async function benchDevOnly(contentArg: string, runs: number): Promise<number> {
  const content = resolve(contentArg);
  if (!existsSync(join(content, "postmortems")) || !Number.isInteger(runs) || runs < 1) {
    console.error(`${content} has no postmortems folder (or --pairs is not a positive whole number).`);
    return 2;
  }
  warmPageCache(content);
  const figures = await measureDevRuns(content, runs);
  const first = summarise(figures.map((f) => f.firstPage));
  const rerender = summarise(figures.map((f) => f.rerender));
  console.log(
    `\n\`npm run dev\` on ${content}, median (min–max) of ${runs} run${runs === 1 ? "" : "s"}:\n` +
      `  first postmortem page ${first.median.toFixed(2)} s (${first.min.toFixed(2)}–${first.max.toFixed(2)}), target ≤ 10 s\n` +
      `  re-rendered page after a save ${rerender.median.toFixed(2)} s (${rerender.min.toFixed(2)}–${rerender.max.toFixed(2)}), target ≤ 1 s`,
  );
  return 0;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      count: { type: "string", default: "1000" },
      pairs: { type: "string", default: "3" },
      seed: { type: "string", default: "1" },
      query: { type: "string", default: "kafka" },
      dev: { type: "boolean", default: true },
      "no-dev": { type: "boolean", default: false },
      keep: { type: "boolean", default: false },
      "no-write": { type: "boolean", default: false },
      only: { type: "string" },
      content: { type: "string" },
    },
  });
  if (values.only !== undefined) {
    if (values.only !== "dev" || values.content === undefined) {
      console.error("usage: npm run bench -- --only dev --content <folder of a generated corpus> [--pairs 3]");
      return 2;
    }
    return benchDevOnly(values.content, Number(values.pairs));
  }
  const count = Number(values.count);
  const pairs = Number(values.pairs);
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(pairs) || pairs < 1) {
    console.error("usage: npm run bench -- --count 1000 [--pairs 3] [--seed 1] [--query word] [--no-dev] [--keep] [--no-write]");
    return 2;
  }
  // Inside the project (.bench/ is ignored by git): Astro puts prerender output next to an out dir within
  // the working directory, and falls back to a shared folder for one outside it.
  mkdirSync(join(ROOT, ".bench"), { recursive: true });
  const work = mkdtempSync(join(ROOT, ".bench", `run-${count}-`));
  const content = join(work, "content");
  const prose = realWorldProse();
  console.log(
    `Generating ${count} postmortems (${prose.length > 0 ? `${prose.length} real-world paragraphs mixed in` : "synthetic text only"})…`,
  );
  writeCorpus(content, count, Number(values.seed), prose);
  const corpusBytes = folderBytes(join(content, "postmortems"));
  warmPageCache(content);

  // The first run after installing or upgrading strips Hindsight's TypeScript into its cache (ADR 0016):
  // timed on its own, from an empty cache; the runs after it are every later run's case.
  const validateCommand = [NODE, join(ROOT, "bin", "hindsight.mjs"), "validate", "--content", content];
  rmSync(cacheFolder(pathToFileURL(`${ROOT}/`).href), { recursive: true, force: true });
  console.log("Validating, first run after installing…");
  const firstValidate = measure("hindsight validate, first run", validateCommand, { cwd: ROOT });
  const validateRuns: Run[] = [];
  for (let i = 0; i < pairs; i++) {
    console.log(`Validating (${i + 1} of ${pairs})…`);
    validateRuns.push(measure("hindsight validate", validateCommand, { cwd: ROOT }));
  }

  // Before the builds: an author's checkout holds the content, not this benchmark's build folders, which the
  // dev server's file watcher would otherwise crawl (about a second per 4,000 files).
  const devRuns = values.dev && !values["no-dev"] ? await measureDevRuns(content, pairs) : [];

  const bareDir = join(work, "bare");
  writeBareProject(bareDir, join(content, "postmortems"));
  const fullDist = join(work, "dist-full");
  const fullRuns: Run[] = [];
  const bareRuns: Run[] = [];
  for (let i = 0; i < pairs; i++) {
    // Every build starts from an empty content cache and output folder: a first build, as CI makes.
    for (const dir of ["cache-full", "cache-bare", "dist-bare"]) rmSync(join(work, dir), { recursive: true, force: true });
    rmSync(fullDist, { recursive: true, force: true });
    console.log(`Pair ${i + 1} of ${pairs}: the full site…`);
    // `hindsight build`, as `npm run build` runs it: validation, the site, the checks, then publishing.
    fullRuns.push(
      measure(
        "full Hindsight build",
        [NODE, join(ROOT, "bin", "hindsight.mjs"), "build", "--content", content, "--out", fullDist],
        {
          cwd: ROOT,
          env: { HINDSIGHT_CACHE_DIR: join(work, "cache-full") },
        },
      ),
    );
    console.log(`Pair ${i + 1} of ${pairs}: the bare Astro baseline…`);
    bareRuns.push(
      measure("bare Astro 7 build", [NODE, ASTRO, "build"], {
        cwd: bareDir,
        env: { BARE_CACHE_DIR: join(work, "cache-bare"), BARE_OUT_DIR: join(work, "dist-bare") },
      }),
    );
  }

  console.log("Measuring pages and the first search…");
  const pages = pageFigures(fullDist);
  const search = firstSearch(fullDist, values.query);

  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  const seconds = (s: Summary, digits = 1) => `${s.median.toFixed(digits)} s (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;
  const megabytes = (s: Summary) => `${Math.round(s.median)} MB (${Math.round(s.min)}–${Math.round(s.max)})`;
  const stepRow = (name: string, runs: Run[], digits = 1) =>
    `| ${name} | ${runs.length} | ${seconds(summarise(runs.map((r) => r.seconds)), digits)} | ${megabytes(summarise(runs.map((r) => r.peakMb)))} |`;
  const ratios = summarise(fullRuns.map((full, i) => full.seconds / bareRuns[i]!.seconds));
  const validateTime = summarise(validateRuns.map((r) => r.seconds));
  const fullPeak = summarise(fullRuns.map((r) => r.peakMb));
  const report = [
    `### ${count.toLocaleString("en-US")} postmortems`,
    "",
    `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench -- --count ${count} --pairs ${pairs}\` on a ${availableParallelism()}-core machine, Node ${process.versions.node}. Corpus: ${mb(corpusBytes)} of MDX${prose.length > 0 ? ", with paragraphs of the public DFDS postmortems mixed in" : ""}. Median (min–max) of the runs.`,
    "",
    "| Step | Runs | Wall time | Peak memory |",
    "| --- | ---: | ---: | ---: |",
    stepRow("hindsight validate, first run after installing", [firstValidate], 2),
    stepRow("hindsight validate, every later run", validateRuns, 2),
    stepRow("full Hindsight build", fullRuns),
    stepRow("bare Astro 7 build", bareRuns),
    "",
    "| Figure | Value | Target |",
    "| --- | ---: | ---: |",
    `| Full build ÷ bare Astro build, median of ${pairs} pair${pairs === 1 ? "" : "s"} (min–max) | ${ratios.median.toFixed(2)} (${ratios.min.toFixed(2)}–${ratios.max.toFixed(2)}) | ≤ 1.25 |`,
    `| Validation, end to end | ${validateTime.median.toFixed(2)} s (${firstValidate.seconds.toFixed(2)} s the first run after installing) | ≤ 1.0 s at 1,000 |`,
    `| Peak memory of the full build | ${Math.round(fullPeak.max)} MB (largest run) | ≤ 2,048 MB at 1,000 |`,
    ...(devRuns.length > 0
      ? [
          `| \`npm run dev\`: first postmortem page, median of ${devRuns.length} (min–max) | ${seconds(summarise(devRuns.map((r) => r.firstPage)))} | ≤ 10 s at 1,000 |`,
          `| \`npm run dev\`: page re-rendered after saving one postmortem | ${seconds(summarise(devRuns.map((r) => r.rerender)), 2)} | ≤ 1 s |`,
        ]
      : []),
    `| Output (dist/) | ${mb(folderBytes(fullDist))} | |`,
    `| Postmortem pages | ${pages.pages} | |`,
    `| Average HTML of a postmortem page | ${kb(pages.averageHtml)} | |`,
    `| JavaScript a postmortem page loads | ${kb(pages.jsRaw)} raw, ${kb(pages.jsGzip)} gzip in ${pages.jsFiles} files | ≤ 2 KB gzip, none needed to read |`,
    `| First search ("${values.query}"), to the first results | ${kb(search.toResults)} gzip | ≤ 150 KB |`,
    `| First search, with the filter counts | ${kb(search.total)} gzip | |`,
    "",
  ].join("\n");
  console.log(`\n${report}`);

  if (!values["no-write"]) {
    const file = join(ROOT, "docs", "benchmarks.md");
    const text = existsSync(file) ? readFileSync(file, "utf8") : "";
    writeFileSync(file, replaceBlock(text, count, report));
    console.log(`Wrote the figures into docs/benchmarks.md.`);
  }
  if (values.keep) console.log(`Kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
  return 0;
}

process.exitCode = await main();
