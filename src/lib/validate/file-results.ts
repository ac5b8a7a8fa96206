/**
 * One postmortem's own check (frontmatter, body, facts) depends only on its text and on what it is checked
 * against: today and the catalogs. The development server validates the whole folder on every save; keeping
 * each file's result here lets it check again only the files whose text changed, while the rules across
 * files still run over every postmortem.
 */
import type { Postmortem } from "../schema/index.ts";
import type { Diagnostic } from "./diagnostic.ts";
import type { FileContext } from "./validate-content.ts";

/** A file's own problems and, when its frontmatter is valid, its data. */
export interface FileResult {
  diagnostics: readonly Diagnostic[];
  data: Postmortem | undefined;
}

interface Entry extends FileResult {
  text: string;
}

/** What a file's own check reads besides its text (local images are checked against the disk as it is). */
function contextKey(context: FileContext): string {
  return JSON.stringify([context.today, context.catalogs, context.catalogFiles]);
}

/** Results of single postmortems kept between validation runs, each valid for the exact text it was checked on. */
export class FileResults {
  #context: string | undefined;
  #entries = new Map<string, Entry>();

  /** Starts a run: results checked against another day or other catalogs are dropped. */
  begin(context: FileContext): void {
    const key = contextKey(context);
    if (key === this.#context) return;
    this.#context = key;
    this.#entries.clear();
  }

  /** The result of `file` when it was checked on exactly `text` in this context. */
  get(file: string, text: string): FileResult | undefined {
    const entry = this.#entries.get(file);
    return entry?.text === text ? { diagnostics: entry.diagnostics, data: entry.data } : undefined;
  }

  set(file: string, text: string, result: FileResult): void {
    this.#entries.set(file, { text, ...result });
  }

  /** Forgets files that are gone (renamed or deleted) since the last run. */
  keepOnly(files: { has(file: string): boolean }): void {
    for (const file of this.#entries.keys()) if (!files.has(file)) this.#entries.delete(file);
  }

  /** Forgets everything: something a check reads outside the text changed (an image added to the public folder). */
  clear(): void {
    this.#entries.clear();
  }
}
