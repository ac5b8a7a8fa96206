/**
 * Checks on the finished build (after the search index is written): counts reconcile from files to
 * search index, and every internal link and #fragment resolves. Either failure fails the build.
 * Pages are read one at a time and only their links and ids are kept, so the whole site's HTML is never
 * held in memory at once.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { contentPaths } from "../lib/content-paths.ts";
import { indexedPageCount } from "../lib/search/indexed-pages.ts";
import { findBrokenLinks, formatBrokenLinks, linksOfPage, type PageLinks } from "../lib/site-checks/internal-links.ts";
import { reconcile } from "../lib/site-checks/reconcile.ts";

export const MANIFEST_FILE = "build-manifest.json";

interface Manifest {
  entries: number;
  drafts: number;
  withdrawn: number;
  visible: string[];
}

/** What the checks keep of a page: its links and ids, and whether it marks content for the search index. */
export interface CheckedPage extends PageLinks {
  searchable: boolean;
}

/**
 * One copy of each string kept for the checks. A link or id matched in a page's HTML can share that HTML's
 * memory (V8 keeps substrings as slices of the whole page): kept as they are, they would keep every page
 * alive. Each distinct string is copied once, and the many repeats (navigation, chips) share the copy.
 */
export class StringTable {
  readonly #strings = new Map<string, string>();
  get(value: string): string {
    let kept = this.#strings.get(value);
    if (kept === undefined) {
      kept = Buffer.from(value, "utf8").toString("utf8");
      this.#strings.set(kept, kept);
    }
    return kept;
  }
}

/** A built page as the checks see it; `path` is its path in the build, without the base (`/postmortems/x/`). */
export function checkedPage(path: string, html: string, strings = new StringTable()): CheckedPage {
  const { ids, links } = linksOfPage({ path, html });
  return {
    path: strings.get(path),
    ids: new Set([...ids].map((id) => strings.get(id))),
    links: links.map((link) => strings.get(link)),
    searchable: html.includes("data-pagefind-body"),
  };
}

/** Every file under `dir`, as site paths (`/a/index.html`). */
function siteFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `/${relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/")}`);
}

function indexedPages(dir: string): number {
  const entryFile = join(dir, "pagefind", "pagefind-entry.json");
  return existsSync(entryFile) ? indexedPageCount(readFileSync(entryFile, "utf8")) : 0;
}

/** Runs both checks on a built site served under `base`; returns the problems (empty when all is well). */
export function checkBuiltSite(dir: string, postmortemsDir: string, base = "/"): string[] {
  const problems: string[] = [];
  const manifestPath = join(dir, MANIFEST_FILE);
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest;
  rmSync(manifestPath);

  const files = siteFiles(dir);
  const strings = new StringTable();
  const pages: CheckedPage[] = files
    .filter((f) => f.endsWith(".html"))
    .map((f) => {
      const path = f.endsWith("/index.html") ? f.slice(0, -"index.html".length) : f;
      return checkedPage(path, readFileSync(join(dir, f), "utf8"), strings);
    });
  const postmortemPages = pages.filter((p) => /^\/postmortems\/[^/]+\/$/.test(p.path) && p.searchable);

  const mismatch = reconcile({
    files: readdirSync(postmortemsDir).filter((n) => n.endsWith(".mdx")).length,
    entries: manifest.entries,
    drafts: manifest.drafts,
    withdrawn: manifest.withdrawn,
    pages: postmortemPages.length,
    indexed: indexedPages(dir),
  });
  if (mismatch) problems.push(mismatch);

  const broken = findBrokenLinks(pages, new Set(files), base);
  if (broken.length > 0) problems.push(`${broken.length} broken internal links (page → target):\n${formatBrokenLinks(broken)}`);
  return problems;
}

export default function siteChecks(): AstroIntegration {
  let base = "/";
  return {
    name: "hindsight:site-checks",
    hooks: {
      "astro:config:done": ({ config }) => {
        base = config.base;
      },
      "astro:build:done": ({ dir, logger }) => {
        const problems = checkBuiltSite(fileURLToPath(dir), contentPaths().postmortems, base);
        if (problems.length > 0) throw new Error(problems.join("\n\n"));
        logger.info("Counts reconcile and every internal link resolves.");
      },
    },
  };
}
