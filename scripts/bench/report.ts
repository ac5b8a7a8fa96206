/**
 * The benchmark's report: a summary of repeated runs (median and min–max) and the
 * regeneration of docs/benchmarks.md — the method first, then one block of tables per corpus size.
 */
import { median } from "../../src/lib/insights/stats.ts";

/** Median and range of repeated measurements. */
export interface Summary {
  median: number;
  min: number;
  max: number;
}

/** Median and min–max of at least one finite measurement. */
export function summarise(values: readonly number[]): Summary {
  const mid = median(values);
  if (mid === null) throw new RangeError("summarise needs at least one finite measurement");
  return { median: mid, min: Math.min(...values), max: Math.max(...values) };
}

/** What the benchmark does, written above its tables every time it runs. */
export const BENCH_METHOD = `# Benchmarks

## Method

\`npm run bench -- --count N [--pairs 3]\` generates N realistic postmortems into a folder under \`.bench/\`
(timelines of 10–30 events, 3–10 action items, 1,000–2,000 words of body with a table and a list, mixed with
paragraphs of the public DFDS postmortems when \`../shared/corpus/dfds-postmortems\` is present) and reads
every file once, untimed, so the corpus is in the page cache before anything is measured. Then:

1. \`hindsight validate\` runs once from an empty TypeScript cache, as the first run after installing or
   upgrading Hindsight does (it strips Hindsight's own TypeScript and keeps it, ADR 0016), then once per pair.
   The validation target is read on the later runs, every run's case after the first.
2. \`npm run dev\` starts on the corpus, once per pair, each time from an empty cache: the time from starting it
   to the first postmortem page, then the time from saving one postmortem (a sentence added to its body) to the
   page that shows the sentence. It runs before the builds, so that, as in an author's checkout, the only files
   beside the project are the content (its file watcher would otherwise crawl this benchmark's build folders).
   \`npm run bench -- --only dev --content <folder> [--pairs 3]\` measures this step alone, on a corpus kept
   with \`--keep\` or written by \`npm run generate-corpus\`.
3. The full Hindsight build — \`hindsight build\`, as \`npm run build\` runs it, with no NODE_OPTIONS: validation,
   every page, the ledger, browse and insight pages, feeds and exports, the pagefind index, the post-build checks
   and publishing — and a bare Astro 7 build that renders the same MDX files with a one-line layout
   run alternately — full, bare, full, bare … — \`--pairs\` times (three by default). Each build
   starts from an empty content cache and output folder, as a first build in CI does.
4. The HTML and JavaScript of a postmortem page, and what a first search downloads (see "First search" below).

Wall time and peak memory come from GNU time (\`/usr/bin/time\`; peak memory is the largest single process).
Each step is given as its median and min–max over the runs. Hindsight's overhead is the **median of the
pair-by-pair ratios** full ÷ bare: the two builds of a pair run back to back, so a machine whose speed drifts
between pairs does not bias the ratio. Each run of the script rewrites this method and its own block below.
`;

const METHOD_START = "<!-- bench:method:start -->";
const METHOD_END = "<!-- bench:method:end -->";

/** The benchmarks document with the method refreshed and the block for \`count\` postmortems replaced (or added). */
export function replaceBlock(text: string, count: number, report: string): string {
  const method = `${METHOD_START}\n\n${BENCH_METHOD}\n${METHOD_END}`;
  const methodPattern = new RegExp(`${METHOD_START}[\\s\\S]*?${METHOD_END}`);
  let doc = methodPattern.test(text)
    ? text.replace(methodPattern, method)
    : `${method}\n\n${text.replace(/^# Benchmarks\n/, "").trimStart()}`;
  const start = `<!-- bench:start ${count} -->`;
  const end = `<!-- bench:end ${count} -->`;
  const block = `${start}\n\n${report}\n${end}`;
  const pattern = new RegExp(`${start}[\\s\\S]*?${end}`);
  doc = pattern.test(doc) ? doc.replace(pattern, block) : `${doc.trimEnd()}\n\n${block}\n`;
  return `${doc.trimEnd()}\n`;
}
