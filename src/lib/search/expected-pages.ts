/**
 * How many pages the search index must hold: one per postmortem a build publishes. Counted from the
 * content files, independently of the rendered HTML, so a layout that loses `data-pagefind-body`
 * cannot shrink the expectation along with the index.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { isListed } from "../postmortem/visibility.ts";
import { DOCUMENT_STATUSES, type DocumentStatus } from "../schema/vocabulary.ts";

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/** A top-level `status:` line, its value bare or quoted. */
const STATUS_LINE = /^status:[ \t]*(["']?)([^"'\s#]+)\1[ \t]*(?:#.*)?$/m;

/**
 * The document status in a postmortem file's frontmatter, or undefined when it cannot be read. A line scan,
 * not a YAML parse: the build has already validated every file, and this runs over thousands of them.
 */
export function frontmatterStatus(source: string): DocumentStatus | undefined {
  const block = FRONTMATTER.exec(source)?.[1];
  if (block === undefined) return undefined;
  const status = STATUS_LINE.exec(block)?.[2];
  return (DOCUMENT_STATUSES as readonly unknown[]).includes(status) ? (status as DocumentStatus) : undefined;
}

/**
 * The number of postmortems in `postmortemsDir` (the `*.mdx` files the content collection loads) that a
 * production build publishes. A file whose status cannot be read counts as published: the build has
 * already validated every file, and overcounting makes the index check fail loudly rather than pass quietly.
 */
export function countPublishedPostmortems(postmortemsDir: string): number {
  return readdirSync(postmortemsDir)
    .filter((name) => name.endsWith(".mdx"))
    .map((name) => frontmatterStatus(readFileSync(join(postmortemsDir, name), "utf8")))
    .filter((status) => status === undefined || isListed(status, { includeDrafts: false })).length;
}
