/**
 * Reads the content folder straight from disk (no site build) for command-line tools such as
 * `hindsight actions`: the same pass as `hindsight validate`, so every rule applies and each problem is located.
 */
import { contentDir } from "../content-paths.ts";
import type { PostmortemSource } from "../integrity/cross-file.ts";
import type { Catalogs } from "../schema/index.ts";
import type { Diagnostic } from "../validate/diagnostic.ts";
import { validateContent } from "../validate/validate-content.ts";

export interface LoadedContent {
  /** Postmortems whose frontmatter is valid. */
  postmortems: PostmortemSource[];
  catalogs: Catalogs;
  /** Everything wrong with the content; when not empty, the rest may be incomplete. */
  problems: Diagnostic[];
}

/** Loads and checks `dir` (default: HINDSIGHT_CONTENT or content/). */
export function loadContent(dir: string = contentDir()): LoadedContent {
  const result = validateContent({ contentDir: dir });
  return { postmortems: result.valid, catalogs: result.catalogs, problems: result.diagnostics };
}
