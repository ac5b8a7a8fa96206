/**
 * Writes a generated knowledge base for benchmarks.
 *
 *   npm run generate-corpus -- --count 1000 --out .bench/corpus-1000 [--seed 1]
 *
 * Then build it with HINDSIGHT_CONTENT=<out>. The folder is emptied first.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { generateCorpus } from "./bench/corpus.ts";

const USAGE = "usage: npm run generate-corpus -- --count N --out DIR [--seed S]";

function main(): number {
  const { values } = parseArgs({ options: { count: { type: "string" }, out: { type: "string" }, seed: { type: "string" } } });
  const count = Number(values.count);
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (values.out === undefined || !Number.isInteger(count) || count < 0 || !Number.isInteger(seed)) {
    console.error(`--count must be a whole number and --out a folder — ${USAGE}`);
    return 2;
  }
  const files = generateCorpus({ count, seed });
  rmSync(values.out, { recursive: true, force: true });
  for (const [path, text] of files) {
    const file = join(values.out, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  console.log(`Wrote ${count} postmortems and 3 catalogs to ${values.out}.`);
  return 0;
}

process.exitCode = main();
