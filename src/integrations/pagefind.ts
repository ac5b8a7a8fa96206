/**
 * Builds the search index with pagefind's Node API while the site is rendered: each postmortem page goes to
 * pagefind as soon as it is rendered, and the index is written when the build is done. Every response is
 * checked for errors, pagefind is always closed, and the number of indexed pages is compared with the number
 * of published postmortems so that no postmortem silently drops out of search.
 */
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import * as pagefind from "pagefind";
import { contentPaths } from "../lib/content-paths.ts";
import { countBuiltPostmortems } from "../lib/search/expected-pages.ts";
import { indexedPageCount } from "../lib/search/indexed-pages.ts";
import { listenToRenderedPages, stopListening } from "../lib/build/rendered-pages.ts";

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

/** A postmortem page rendered by the build, named as pagefind names it when it reads the output folder. */
export interface RenderedPostmortemPage {
  /** The page's file in the output folder: `postmortems/<id>/index.html`. */
  sourcePath: string;
  html: string;
}

/** The route of a postmortem page (src/pages/postmortems/[id].astro), whose pages are the ones indexed. */
const POSTMORTEM_ROUTE = "/postmortems/[id]";

/** An index being built: pages go in while the site renders; the rest is done when the build has finished. */
export interface SearchIndexSession {
  /** Sends one rendered page to pagefind now; its outcome is checked by `finish`. */
  add(page: RenderedPostmortemPage): void;
  /**
   * Indexes the built site in `siteDir` into `siteDir/pagefind/` — the pages already added, or, when none
   * were, every postmortem page in the folder — and checks that the index holds `expectedPages` pages.
   * Throws on any pagefind error or a wrong page count; closes pagefind in every case.
   */
  finish(siteDir: string, expectedPages: number): Promise<SearchIndexResult>;
}

/** Starts pagefind with the site's settings. Throws (after closing it) when it cannot start. */
export async function startSearchIndex(): Promise<SearchIndexSession> {
  let index: pagefind.PagefindIndex;
  try {
    const created = await pagefind.createIndex({ excludeSelectors: EXCLUDED_FROM_INDEX });
    check("starting", created.errors);
    if (!created.index)
      throw new Error(
        "Search index: pagefind started but returned no index and no error. Reinstall dependencies (npm ci) and build again.",
      );
    index = created.index;
  } catch (error) {
    await pagefind.close();
    throw error;
  }
  // Each addition's errors, or what it threw, kept until `finish` looks at them.
  const additions: Promise<string[]>[] = [];
  return {
    add(page) {
      additions.push(
        index.addHTMLFile({ sourcePath: page.sourcePath, content: page.html }).then(
          (added) => added.errors.map((e) => `${page.sourcePath}: ${e}`),
          (error: unknown) => [`${page.sourcePath}: ${String(error)}`],
        ),
      );
    },
    async finish(siteDir, expectedPages) {
      try {
        if (additions.length > 0) {
          check("indexing the rendered postmortem pages", (await Promise.all(additions)).flat());
        } else {
          // Only postmortem pages carry data-pagefind-body; skipping the rest saves parsing hundreds of pages.
          const added = await index.addDirectory({ path: siteDir, glob: "postmortems/*/index.html" });
          check(`indexing ${siteDir}`, added.errors);
        }

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
    },
  };
}

/**
 * Indexes the built site in `siteDir` into `siteDir/pagefind/` and checks that it holds `expectedPages` pages.
 * Throws on any pagefind error or a wrong page count; closes pagefind in every case.
 */
export async function buildSearchIndex(siteDir: string, expectedPages: number): Promise<SearchIndexResult> {
  return (await startSearchIndex()).finish(siteDir, expectedPages);
}

export interface PagefindIntegrationOptions {
  /** How many pages the index must hold; by default the number of postmortems the content folder publishes. */
  expectedPages?: () => number;
}

/**
 * The Astro integration: starts pagefind when a production build starts, takes each postmortem page as it
 * is rendered (src/lib/build/rendered-pages.ts), and writes and
 * checks the index when the build is done.
 */
export default function pagefindIntegration(options: PagefindIntegrationOptions = {}): AstroIntegration {
  const expectedPages = options.expectedPages ?? (() => countBuiltPostmortems(contentPaths().postmortems));
  // Counted when the build starts, when the content collections are read, not after rendering.
  let expected = 0;
  let session: SearchIndexSession | undefined;
  let fed = 0;
  return {
    name: "hindsight:pagefind",
    hooks: {
      "astro:build:start": async () => {
        expected = expectedPages();
        session = await startSearchIndex();
        fed = 0;
        const indexing = session;
        listenToRenderedPages("search-index", ({ routePattern, params, html }) => {
          const id = params["id"];
          if (routePattern !== POSTMORTEM_ROUTE || id === undefined) return undefined;
          fed += 1;
          indexing.add({ sourcePath: `postmortems/${id}/index.html`, html });
          return undefined;
        });
      },
      "astro:build:done": async ({ dir, logger }) => {
        stopListening("search-index");
        const started = performance.now();
        const result = await (session ?? (await startSearchIndex())).finish(fileURLToPath(dir), expected);
        session = undefined;
        const how = fed > 0 ? `${fed} of them while the pages rendered` : "from the output folder";
        logger.info(
          `Indexed ${result.pages} postmortems for search (${how}); the index took ${Math.round(performance.now() - started)} ms after rendering.`,
        );
      },
    },
  };
}
