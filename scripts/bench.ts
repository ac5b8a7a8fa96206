/**
 * Benchmark at scale: `npm run bench -- --count 1000 [--seed 1] [--keep] [--no-write]`.
 *
 * Generates N realistic postmortems into a temporary folder under .bench/ (timelines of 10–30 events, 3–10 action items,
 * 1,000–2,000 words of body with a table and a list, mixed with paragraphs of the public DFDS postmortems
 * when `../shared/corpus/dfds-postmortems` exists), then measures in the same run:
 *   1. `hindsight validate` on it;
 *   2. the full Hindsight build (validation, every page, feeds, exports, the search index, post-build checks);
 *   3. a bare Astro 7 build rendering the same MDX files with a one-line layout,
 * so Hindsight's overhead is a ratio from one run. Prints a Markdown report and writes it into
 * docs/benchmarks.md between the "bench:start" and "bench:end" markers.
 */
import { spawnSync } from "node:child_process";
import {
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
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { generateCorpus } from "../src/lib/bench/corpus.ts";
import { proseParagraphs } from "../src/lib/bench/prose.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DFDS = join(ROOT, "..", "shared", "corpus", "dfds-postmortems");
const NODE = process.execPath;
const ASTRO = join(ROOT, "node_modules", "astro", "bin", "astro.mjs");

interface Step {
  name: string;
  seconds: number;
  peakMb: number;
  output: string;
}

/** Runs a command under GNU time for wall time and peak resident memory (of the process and its children). */
function measure(name: string, args: string[], options: { cwd: string; env?: Record<string, string> }): Step {
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
  return { name, seconds: Number(match[1]), peakMb: Number(match[2]) / 1024, output };
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

/** A minimal Astro project that renders the same MDX files with a one-line layout: the baseline. */
function writeBareProject(dir: string, postmortems: string): void {
  mkdirSync(join(dir, "src", "pages"), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "bare", type: "module", private: true }));
  writeFileSync(
    join(dir, "astro.config.mjs"),
    `import mdx from "@astrojs/mdx";\nimport { defineConfig } from "astro/config";\nexport default defineConfig({ integrations: [mdx()] });\n`,
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

function main(): number {
  const { values } = parseArgs({
    options: {
      count: { type: "string", default: "1000" },
      seed: { type: "string", default: "1" },
      query: { type: "string", default: "kafka" },
      keep: { type: "boolean", default: false },
      "no-write": { type: "boolean", default: false },
    },
  });
  const count = Number(values.count);
  if (!Number.isInteger(count) || count < 1) {
    console.error("usage: npm run bench -- --count 1000 [--seed 1] [--query word] [--keep] [--no-write]");
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

  console.log("Validating…");
  const validate = measure("hindsight validate", [NODE, join(ROOT, "bin", "hindsight.mjs"), "validate", "--content", content], {
    cwd: ROOT,
  });
  console.log("Building the full site…");
  const fullDist = join(work, "dist-full");
  const full = measure("full Hindsight build", [NODE, ASTRO, "build"], {
    cwd: ROOT,
    env: { HINDSIGHT_CONTENT: content, HINDSIGHT_OUT_DIR: fullDist, HINDSIGHT_CACHE_DIR: join(work, "cache-full") },
  });
  console.log("Building the bare Astro baseline…");
  const bareDir = join(work, "bare");
  writeBareProject(bareDir, join(content, "postmortems"));
  const bare = measure("bare Astro 7 build", [NODE, ASTRO, "build"], { cwd: bareDir });
  console.log("Measuring pages and the first search…");
  const pages = pageFigures(fullDist);
  const search = firstSearch(fullDist, values.query);

  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  const row = (s: Step) => `| ${s.name} | ${s.seconds.toFixed(1)} s | ${Math.round(s.peakMb)} MB |`;
  const ratio = full.seconds / bare.seconds;
  const report = [
    `### ${count.toLocaleString("en-US")} postmortems`,
    "",
    `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench -- --count ${count}\` on a ${(globalThis.navigator as { hardwareConcurrency?: number } | undefined)?.hardwareConcurrency ?? "?"}-core machine, Node ${process.versions.node}. Corpus: ${mb(corpusBytes)} of MDX${prose.length > 0 ? ", with paragraphs of the public DFDS postmortems mixed in" : ""}.`,
    "",
    "| Step | Wall time | Peak memory |",
    "| --- | ---: | ---: |",
    row(validate),
    row(full),
    row(bare),
    "",
    "| Figure | Value | Target |",
    "| --- | ---: | ---: |",
    `| Full build ÷ bare Astro build | ${ratio.toFixed(2)} | ≤ 1.25 |`,
    `| Validation | ${validate.seconds.toFixed(2)} s | about 1 s at 1,000 |`,
    `| Peak memory of the full build | ${Math.round(full.peakMb)} MB | ≤ 2,048 MB |`,
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
    const start = `<!-- bench:start ${count} -->`;
    const end = `<!-- bench:end ${count} -->`;
    const text = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n";
    const block = `${start}\n${report}${end}`;
    const pattern = new RegExp(`${start}[\\s\\S]*?${end}`);
    writeFileSync(file, pattern.test(text) ? text.replace(pattern, block) : `${text.trimEnd()}\n\n${block}\n`);
    console.log(`Wrote the figures into docs/benchmarks.md.`);
  }
  if (values.keep) console.log(`Kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
  return 0;
}

process.exitCode = main();
