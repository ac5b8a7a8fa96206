/**
 * Builds the search index after the site is written: pagefind's Node API over the build output,
 * every response checked for errors, pagefind always closed, and the number of indexed pages compared
 * with the number of published postmortems so that no postmortem silently drops out of search.
 */
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import * as pagefind from "pagefind";
import { contentPaths } from "../lib/content-paths.ts";
import { countBuiltPostmortems } from "../lib/search/expected-pages.ts";
import { indexedPageCount } from "../lib/search/indexed-pages.ts";

/**
 * Repeated chrome inside a postmortem's `data-pagefind-body` that the index skips, so excerpts come from
 * what was written: the badge line, the service/team/tag chips (their words are indexed once, at low
 * weight, by src/components/search/SearchMeta.astro), the overview ("At a glance" repeats the causes and
 * "On this page" the headings), the key-times table and the timeline picture. Action-item tables mark
 * themselves with data-pagefind-ignore and give the index one clean sentence per item instead.
 */
export const EXCLUDED_FROM_INDEX = [".pm-header .eyebrow", ".pm-meta .chips", ".overview", ".key-times", ".timeline-chart"];

/**
 * Files pagefind writes that the site never loads: its ready-made search interfaces and the highlighter.
 * The search page uses pagefind's JavaScript API (`pagefind.js`) with its own markup; scripts the site does
 * not use are removed, so injected markup could not load them either.
 */
export const UNUSED_PAGEFIND_FILES = [
  "pagefind-ui.js",
  "pagefind-ui.css",
  "pagefind-modular-ui.js",
  "pagefind-modular-ui.css",
  "pagefind-component-ui.js",
  "pagefind-component-ui.css",
  "pagefind-highlight.js",
] as const;

export interface SearchIndexResult {
  /** Pages in the written index. */
  pages: number;
  /** Where the index was written. */
  outputPath: string;
}

function check(step: string, errors: string[]): void {
  if (errors.length > 0) {
    throw new Error(
      `Search index: pagefind failed while ${step}:\n  ${errors.join("\n  ")}\nFix the cause above and build again.`,
    );
  }
}

/**
 * Indexes the built site in `siteDir` into `siteDir/pagefind/` and checks that it holds `expectedPages` pages.
 * Throws on any pagefind error or a wrong page count; closes pagefind in every case.
 */
export async function buildSearchIndex(siteDir: string, expectedPages: number): Promise<SearchIndexResult> {
  try {
    const created = await pagefind.createIndex({ excludeSelectors: EXCLUDED_FROM_INDEX });
    check("starting", created.errors);
    const { index } = created;
    if (!index)
      throw new Error(
        "Search index: pagefind started but returned no index and no error. Reinstall dependencies (npm ci) and build again.",
      );

    // Only postmortem pages carry data-pagefind-body; skipping the rest saves parsing hundreds of pages.
    const added = await index.addDirectory({ path: siteDir, glob: "postmortems/*/index.html" });
    check(`indexing ${siteDir}`, added.errors);

    const written = await index.writeFiles({ outputPath: join(siteDir, "pagefind") });
    check("writing the index", written.errors);
    await Promise.all(UNUSED_PAGEFIND_FILES.map((name) => rm(join(written.outputPath, name), { force: true })));

    const pages = indexedPageCount(await readFile(join(written.outputPath, "pagefind-entry.json"), "utf8"));
    if (pages !== expectedPages) {
      throw new Error(
        `Search index: ${pages} pages were indexed but ${expectedPages} postmortems are published. ` +
          "Every postmortem page must render its content inside one element with data-pagefind-body " +
          "(src/layouts/PostmortemLayout.astro), and no other page may carry that attribute.",
      );
    }
    return { pages, outputPath: written.outputPath };
  } finally {
    await pagefind.close();
  }
}

export interface PagefindIntegrationOptions {
  /** How many pages the index must hold; by default the number of postmortems the content folder publishes. */
  expectedPages?: () => number;
}

/** The Astro integration: indexes the output of every production build. */
export default function pagefindIntegration(options: PagefindIntegrationOptions = {}): AstroIntegration {
  const expectedPages = options.expectedPages ?? (() => countBuiltPostmortems(contentPaths().postmortems));
  // Counted when the build starts, when the content collections are read, not after rendering.
  let expected = 0;
  return {
    name: "hindsight:pagefind",
    hooks: {
      "astro:build:start": () => {
        expected = expectedPages();
      },
      "astro:build:done": async ({ dir, logger }) => {
        const started = performance.now();
        const result = await buildSearchIndex(fileURLToPath(dir), expected);
        logger.info(`Indexed ${result.pages} postmortems for search in ${Math.round(performance.now() - started)} ms.`);
      },
    },
  };
}
