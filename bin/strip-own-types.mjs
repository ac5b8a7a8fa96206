// Hindsight's command line is TypeScript that Node runs by stripping its types. Node does that itself, except
// under node_modules (its rule against publishing TypeScript), which is where Hindsight lives when a knowledge
// base depends on it; and it strips every file again on every run, which is most of the time a short command
// takes to start (Node 22's compile cache keeps no stripped code). So Hindsight's own files are stripped here,
// and the result is kept in a cache beside the dependencies, keyed by the file's exact text and Node's version.
// Hooks apply to the thread that registers them: the command and the dev server's validation thread both call this.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { registerHooks, stripTypeScriptTypes } from "node:module";
import { fileURLToPath } from "node:url";

/** Registers the hook for the TypeScript files under `own` (the URL of Hindsight's folder, ending in "/"). */
export function stripOwnTypes(own) {
  const cache = new StrippedCache(cacheFolder(own));
  registerHooks({
    load(url, context, nextLoad) {
      if (!url.startsWith(own) || !url.endsWith(".ts") || url.slice(own.length).includes("node_modules/"))
        return nextLoad(url, context);
      return { format: "module", source: cache.strip(url, readFileSync(new URL(url), "utf8")), shortCircuit: true };
    },
  });
}

/** `node_modules/.cache/hindsight/typescript/` of the project whose dependencies hold Hindsight (or of Hindsight itself). */
export function cacheFolder(own) {
  const at = own.lastIndexOf("/node_modules/");
  const modules = at === -1 ? `${own}node_modules/` : own.slice(0, at + "/node_modules/".length);
  return fileURLToPath(`${modules}.cache/hindsight/typescript/`);
}

/**
 * Stripped files, one entry per source file: a first line with the hash of what it was stripped from, then the
 * code. An entry whose hash differs is stripped again and replaced, so an edited file is never run stale and
 * the cache holds at most one entry per file. The cache is only a speed-up: a folder that cannot be written
 * (a read-only install) leaves every file stripped on each run, as Node does.
 */
export class StrippedCache {
  #folder;
  #writable = true;

  constructor(folder) {
    this.#folder = folder;
  }

  /** The code of `source` (the text of the file at `url`) without its types. */
  strip(url, source) {
    const hash = createHash("sha256").update(process.version).update("\0").update(source).digest("hex");
    const entry = `${this.#folder}${createHash("sha256").update(url).digest("hex").slice(0, 32)}.js`;
    const header = `// ${hash}\n`;
    try {
      const kept = readFileSync(entry, "utf8");
      if (kept.startsWith(header)) return kept.slice(header.length);
    } catch {
      // Not stripped yet.
    }
    const code = quietly(() => stripTypeScriptTypes(source, { mode: "strip", sourceUrl: url }));
    if (this.#writable) {
      try {
        mkdirSync(this.#folder, { recursive: true });
        // Written beside the entry, then renamed over it: a run reading it meanwhile sees the old entry or the new one, whole.
        const partial = `${entry}.${process.pid}.${Math.random().toString(36).slice(2)}.partial`;
        writeFileSync(partial, header + code);
        renameSync(partial, entry);
      } catch {
        this.#writable = false;
      }
    }
    return code;
  }
}

/** stripTypeScriptTypes warns that it is experimental on first use; the warning means nothing to a reader. */
function quietly(strip) {
  const emitWarning = process.emitWarning;
  process.emitWarning = (warning, ...rest) =>
    String(warning).includes("stripTypeScriptTypes") ? undefined : emitWarning.call(process, warning, ...rest);
  try {
    return strip();
  } finally {
    process.emitWarning = emitWarning;
  }
}
