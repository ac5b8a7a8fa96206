/**
 * Publishing a finished build: the site is built into a staging folder beside the output folder, checked,
 * and only then moved into place, so the output folder always holds a complete site that passed every check
 * — the previous one until the new one is ready.
 */
import { existsSync, readdirSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";

/** Where a build of `outDir` writes before it is published (same parent, so the move is a rename). */
export function stagingDir(outDir: string, pid: number = process.pid): string {
  const out = resolve(outDir);
  return join(dirname(out), `.${basename(out)}.staging-${pid}`);
}

/**
 * What Astro may leave in its output that must never be published: `.prerender/` holds the server-side
 * bundle it renders pages with, content it did not publish (drafts) included.
 */
export const BUILD_LEFTOVERS = [".prerender"] as const;

/** Problems that stop a staged site from being published; empty when it may go live. */
export function checkStagedSite(staging: string, draftIds: readonly string[]): string[] {
  if (!existsSync(join(staging, "index.html"))) return [`the build wrote no index.html into ${staging}`];
  const problems: string[] = [];
  const files = readdirSync(staging, { recursive: true, encoding: "utf8" }).map((f) => f.split(sep).join("/"));
  for (const id of draftIds) {
    const leaked = files.filter((f) => f.includes(id));
    if (leaked.length > 0) problems.push(`draft "${id}" reached the output: ${leaked.slice(0, 3).join(", ")}`);
  }
  return problems;
}

/** Removes Astro's leftovers from a staged site (see BUILD_LEFTOVERS). */
export function removeLeftovers(staging: string): void {
  for (const name of BUILD_LEFTOVERS) rmSync(join(staging, name), { recursive: true, force: true });
}

/**
 * Moves `staging` into `outDir`: the old site is renamed aside, the new one renamed into place, the old one
 * deleted. Both renames are within one folder, so `outDir` is never half-written.
 */
export function publishStaged(staging: string, outDir: string): void {
  const out = resolve(outDir);
  const previous = join(dirname(out), `.${basename(out)}.previous-${process.pid}`);
  const hadPrevious = existsSync(out);
  if (hadPrevious) renameSync(out, previous);
  try {
    renameSync(staging, out);
  } catch (error) {
    if (hadPrevious) renameSync(previous, out);
    throw error;
  }
  if (hadPrevious) rmSync(previous, { recursive: true, force: true });
}

/**
 * Tidies what killed builds left beside `outDir` (call it while holding the build lock): a previous site
 * that was moved aside but never replaced goes back into place; staging folders are deleted.
 */
export function recoverAbandoned(outDir: string): void {
  const out = resolve(outDir);
  const parent = dirname(out);
  if (!existsSync(parent)) return;
  const prefix = `.${basename(out)}.`;
  for (const name of readdirSync(parent)) {
    if (!name.startsWith(prefix)) continue;
    const path = join(parent, name);
    if (/\.previous-\d+$/.test(name) && !existsSync(out)) renameSync(path, out);
    else if (/\.(staging|previous)-\d+$/.test(name)) rmSync(path, { recursive: true, force: true });
  }
}
