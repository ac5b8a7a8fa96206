/**
 * Validation as `astro dev` runs it: the whole content folder at start, then again after every save. Each
 * postmortem's own result is kept for the exact text it was checked on, so a save checks again only the
 * files whose text changed; the catalogs and the rules across files (ids, aliases, references, related
 * drafts) run over every postmortem each time, so a save that breaks another file's reference is reported.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { contentPaths } from "../content-paths.ts";
import type { PostmortemSource } from "../integrity/cross-file.ts";
import { readContentFile } from "../integrity/files.ts";
import { postmortemId } from "../schema/identifiers.ts";
import { FileResults } from "./file-results.ts";
import { MAX_POSTMORTEM_FILE_BYTES } from "./limits.ts";
import { stubOf, validateContent, type ValidateOptions, type ValidationResult } from "./validate-content.ts";

export class DevValidation {
  readonly #options: ValidateOptions;
  readonly #results = new FileResults();

  constructor(options: Omit<ValidateOptions, "cache">) {
    this.#options = options;
  }

  /** Every problem of the content folder as it is on disk now. */
  run(): ValidationResult {
    return validateContent({ ...this.#options, cache: this.#results });
  }

  /** Checks every file again on the next run: something a check reads besides the text changed (the public folder). */
  forget(): void {
    this.#results.clear();
  }
}

/**
 * Each postmortem's status and aliases, read without validating it, so that the development server can set
 * up the redirects of renamed postmortems at once while the validation runs beside it. Aliases that are not
 * postmortem ids are left out (the validation reports them).
 */
export function aliasesOf(contentDir: string): PostmortemSource[] {
  const paths = contentPaths(contentDir);
  if (!existsSync(paths.postmortems)) return [];
  const sources: PostmortemSource[] = [];
  for (const name of readdirSync(paths.postmortems)) {
    if (!name.endsWith(".mdx")) continue;
    const read = readContentFile(join(paths.postmortems, name), paths.dir, MAX_POSTMORTEM_FILE_BYTES);
    if (!read.ok) continue;
    const stub = stubOf(name.slice(0, -".mdx".length), name, read.text);
    stub.data.aliases = stub.data.aliases.filter((alias) => postmortemId.safeParse(alias).success);
    sources.push(stub);
  }
  return sources;
}

/**
 * Runs `validate` again until the saved file stayed the same through a whole run. An editor that saves in
 * place truncates the file, then writes it: the watcher reports the truncation, and may not report the write
 * (it throttles each file's events), so a run can read the file empty or half-written and show "has no
 * frontmatter" until the next save. At most `attempts` runs: a file that is still changing reports its own
 * next change.
 */
export async function runUntilSettled<T>(validate: () => Promise<T>, fingerprint: () => string, attempts = 5): Promise<T> {
  for (let run = 1; ; run++) {
    const before = fingerprint();
    const result = await validate();
    if (run >= attempts || fingerprint() === before) return result;
  }
}

/** What changes whenever a file's text does: its size and modification time (nanoseconds), or that it is gone. */
export function fileFingerprint(path: string): string {
  const stat = statSync(path, { bigint: true, throwIfNoEntry: false });
  return stat ? `${stat.size}:${stat.mtimeNs}` : "missing";
}
