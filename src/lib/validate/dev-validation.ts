/**
 * Validation as `astro dev` runs it: the whole content folder at start, then again after every save. Each
 * postmortem's own result is kept for the exact text it was checked on, so a save checks again only the
 * files whose text changed; the catalogs and the rules across files (ids, aliases, references, related
 * drafts) run over every postmortem each time, so a save that breaks another file's reference is reported.
 */
import { FileResults } from "./file-results.ts";
import { validateContent, type ValidateOptions, type ValidationResult } from "./validate-content.ts";

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
