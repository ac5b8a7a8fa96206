/**
 * The DFDS postmortems: 30 real postmortems published under the MIT License, read in place (never copied
 * into this repository) from `../shared/corpus/dfds-postmortems` beside the checkout, or from the folder
 * named by HINDSIGHT_DFDS_CORPUS.
 */
import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { ROOT } from "./paths.ts";

export const DFDS_CORPUS = resolve(
  process.env["HINDSIGHT_DFDS_CORPUS"] ?? join(ROOT, "..", "shared", "corpus", "dfds-postmortems"),
);

/** The corpus's postmortem files (PMyyyy-nnn …), sorted; fails loudly when the corpus is not there. */
export function dfdsPostmortems(): string[] {
  if (!existsSync(DFDS_CORPUS))
    throw new Error(
      `The DFDS postmortem corpus is not at ${DFDS_CORPUS} — put it at ../shared/corpus/dfds-postmortems beside the checkout, or set HINDSIGHT_DFDS_CORPUS to its folder`,
    );
  return readdirSync(DFDS_CORPUS)
    .filter((name) => /^PM\d{4}-\d{3} .*\.md$/.test(name))
    .sort()
    .map((name) => join(DFDS_CORPUS, name));
}
