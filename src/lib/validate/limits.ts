/**
 * Bounds on what the validator and the build will read, so that no file — pasted, generated or hostile —
 * can make either hang or exhaust memory. Each is far above what a real postmortem needs; docs/security.md
 * and docs/authoring.md quote them from here.
 */

/** Largest frontmatter, in bytes (a long postmortem's frontmatter is about 10 KB). */
export const MAX_FRONTMATTER_BYTES = 512 * 1024;

/** Largest MDX body, in bytes (a long postmortem's body is about 20 KB). */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Largest postmortem file: frontmatter, body and fences. Larger files are refused before they are read. */
export const MAX_POSTMORTEM_FILE_BYTES = MAX_FRONTMATTER_BYTES + MAX_BODY_BYTES + 1024;

/** Largest catalog file (teams.yaml, services.yaml, taxonomy.yaml), in bytes. */
export const MAX_CATALOG_BYTES = 4 * 1024 * 1024;

/**
 * How many values YAML aliases (`*name`) may repeat in one document, counted after expansion. A few
 * aliases that repeat a list are fine; an "alias bomb" of nested aliases that would expand to billions
 * of values is refused before anything expands it.
 */
export const MAX_ALIAS_EXPANSION = 10_000;

/** Formats a byte count for messages: 512 KB, 1 MB. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}
