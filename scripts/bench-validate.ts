/**
 * Benchmark of `hindsight validate`: 1,000 generated postmortems (the corpus `npm run bench` builds), then
 * 1,000 made from the sample content (same bodies, components included, fresh ids), each in a temporary
 * folder, validated in-process and through the CLI.
 * Run: `npm run bench:validate [-- count]`.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { validateContent, validateFiles } from "../src/lib/validate/validate-content.ts";
import { generateCorpus } from "./bench/corpus.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const count = Number(process.argv[2] ?? 1000);
const source = join(root, "content");
const samples = readdirSync(join(source, "postmortems"))
  .filter((n) => n.endsWith(".mdx"))
  .map((n) => ({ id: n.slice(0, -4), text: readFileSync(join(source, "postmortems", n), "utf8") }));

/** The generated corpus of `npm run bench`, whose figure the targets in docs/benchmarks.md are about. */
function makeGeneratedCorpus(): string {
  const dir = join(mkdtempSync(join(tmpdir(), "hindsight-bench-")), "content");
  for (const [path, text] of generateCorpus({ count })) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function makeCorpus(plainBodies: boolean): string {
  const dir = join(mkdtempSync(join(tmpdir(), "hindsight-bench-")), "content");
  mkdirSync(join(dir, "postmortems"), { recursive: true });
  for (const name of ["teams.yaml", "services.yaml", "taxonomy.yaml"]) cpSync(join(source, name), join(dir, name));
  for (let i = 0; i < count; i++) {
    const sample = samples[i % samples.length]!;
    const id = `${sample.id}-${String(i).padStart(4, "0")}`;
    // Ids change, so references between samples are dropped; everything else is the sample as written.
    let text = sample.text.replace(/^(related|priorActionItems|aliases): \[.*\]$/gm, "$1: []");
    text = text.replace(/^(related|priorActionItems|aliases):\n(  - .*\n)+/gm, "$1: []\n");
    if (plainBodies) {
      const cut = text.indexOf("\n---", 4) + 4;
      text =
        text.slice(0, cut) +
        text
          .slice(cut)
          .replace(/<Figure[^>]*\/>/g, "")
          .replace(/<\/?Callout[^>]*>/g, "")
          .replace(/[{}<>]/g, "");
    }
    writeFileSync(join(dir, "postmortems", `${id}.mdx`), text);
  }
  return dir;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const CORPORA = [
  { label: "generated postmortems (the benchmark corpus)", make: makeGeneratedCorpus },
  { label: "sample bodies with components (MDX parser)", make: () => makeCorpus(false) },
  { label: "sample bodies as plain Markdown (parser skipped)", make: () => makeCorpus(true) },
];

for (const { label, make } of CORPORA) {
  const dir = make();
  const size = readdirSync(join(dir, "postmortems")).reduce(
    (sum, n) => sum + readFileSync(join(dir, "postmortems", n)).length,
    0,
  );
  const first = validateContent({ contentDir: dir });
  if (first.diagnostics.length > 0) {
    console.error(first.diagnostics.slice(0, 5));
    throw new Error("the benchmark corpus is not valid");
  }
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    validateContent({ contentDir: dir });
    runs.push(performance.now() - t);
  }
  const cli: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    execFileSync(process.execPath, [join(root, "bin/hindsight.mjs"), "validate", "--content", dir], { stdio: "ignore" });
    cli.push(performance.now() - t);
  }
  // One file, as an editor or a pre-commit hook checks it, among all the others.
  const one = join(dir, "postmortems", readdirSync(join(dir, "postmortems")).sort()[0]!);
  const single: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    validateFiles({ contentDir: dir, files: [one], cwd: "/" });
    single.push(performance.now() - t);
  }
  const singleCli: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    execFileSync(process.execPath, [join(root, "bin/hindsight.mjs"), "validate", "--content", dir, one], { stdio: "ignore" });
    singleCli.push(performance.now() - t);
  }
  console.log(`${count} postmortems, ${(size / 1024 / 1024).toFixed(1)} MB, ${label}:`);
  console.log(`  in-process validateFiles of one postmortem, median of 5 warm runs: ${median(single).toFixed(0)} ms`);
  console.log(
    `  \`hindsight validate <one file>\` end to end (process start included), median of 3: ${median(singleCli).toFixed(0)} ms`,
  );
  console.log(`  in-process validateContent, median of 5 warm runs: ${median(runs).toFixed(0)} ms`);
  console.log(`  \`hindsight validate\` end to end (process start included), median of 3: ${median(cli).toFixed(0)} ms`);
  rmSync(join(dir, ".."), { recursive: true, force: true });
}
