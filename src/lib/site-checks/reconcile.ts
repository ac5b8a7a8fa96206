/**
 * Nothing dropped: the number of postmortem files, collection entries, built postmortem pages and pages in
 * the search index must tell the same story (drafts are counted and explained, never silently missing).
 */

export interface Counts {
  /** `.mdx` files in the postmortems folder. */
  files: number;
  /** Entries Astro's content collection loaded. */
  entries: number;
  /** Of those, drafts (not built). */
  drafts: number;
  /** Of those, withdrawn postmortems (a page with a notice, not indexed for search). */
  withdrawn: number;
  /** Postmortem pages in the build output (redirect pages for aliases excluded). */
  pages: number;
  /** Pages in the search index. */
  indexed: number;
}

/** The problem, if the counts disagree; undefined when every count is as expected. */
export function reconcile(counts: Counts): string | undefined {
  const expectedPages = counts.entries - counts.drafts - counts.withdrawn;
  const ok = counts.files === counts.entries && counts.pages === expectedPages && counts.indexed === expectedPages;
  if (ok) return undefined;
  return [
    "Postmortem counts disagree — something was dropped on the way from files to pages to search:",
    `  files in the postmortems folder: ${counts.files}`,
    `  entries in the content collection: ${counts.entries} (${counts.drafts} drafts, not built; ${counts.withdrawn} withdrawn, not indexed)`,
    `  postmortem pages built: ${counts.pages} (expected ${expectedPages})`,
    `  pages in the search index: ${counts.indexed} (expected ${expectedPages})`,
    "Check that every file loads (no stray extensions), every published entry renders a page, and the postmortem layout keeps data-pagefind-body.",
  ].join("\n");
}
