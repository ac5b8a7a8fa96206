import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import siteChecks, { MANIFEST_FILE, StringTable } from "../../src/integrations/site-checks.ts";
import { passRenderedPage, stopListening } from "../../src/lib/build/rendered-pages.ts";

const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn(), options: {}, label: "test", fork: vi.fn() };
const POSTMORTEM = '<main data-pagefind-body><a href="/kb/">home</a></main>';

let work: string;
let dist: string;
let hooks: Record<string, (options: unknown) => unknown>;

function write(path: string, text: string): void {
  mkdirSync(join(dist, path, ".."), { recursive: true });
  writeFileSync(join(dist, path), text);
}

/** A built site of one postmortem `a`, renamed from `old` (a redirect page), with a search index of one page. */
function writeSite(): void {
  write(MANIFEST_FILE, JSON.stringify({ entries: 1, drafts: 0, withdrawn: 0, visible: ["a"] }));
  write("pagefind/pagefind-entry.json", JSON.stringify({ languages: { en: { page_count: 1 } } }));
  write("index.html", '<a href="/kb/postmortems/a/#summary">a</a>');
  write("postmortems/a/index.html", POSTMORTEM);
  write("postmortems/old/index.html", '<meta http-equiv="refresh" content="0;url=/kb/postmortems/a/">');
}

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), "hindsight-site-checks-"));
  dist = join(work, "dist");
  mkdirSync(join(work, "content", "postmortems"), { recursive: true });
  writeFileSync(join(work, "content", "postmortems", "a.mdx"), "");
  vi.stubEnv("HINDSIGHT_CONTENT", join(work, "content"));
  hooks = siteChecks().hooks as typeof hooks;
  hooks["astro:config:done"]?.({ config: { base: "/kb/" } });
  hooks["astro:build:start"]?.({ logger });
  writeSite();
});

afterEach(() => {
  stopListening("site-checks");
  vi.unstubAllEnvs();
  rmSync(work, { recursive: true, force: true });
});

const rendered = (pathname: string, html: string) => passRenderedPage({ pathname, routePattern: pathname, params: {}, html });
const done = () => hooks["astro:build:done"]?.({ dir: pathToFileURL(`${dist}/`), logger });

describe("the checks on the finished site", () => {
  it("check each page as it rendered, not as it is read back from the output folder", () => {
    rendered("/kb/", '<a href="/kb/postmortems/a/#summary">a</a>');
    rendered("/kb/postmortems/a/", POSTMORTEM.replace("<main", '<main id="summary"'));
    expect(done).not.toThrow();
    expect(logger.info).toHaveBeenCalledWith(
      "Counts reconcile and every internal link resolves (2 pages checked as they rendered, the rest read back).",
    );
  });

  it("read the pages that did not render (a redirect) from the output folder and check their links", () => {
    rendered("/kb/", "");
    rendered("/kb/postmortems/a/", POSTMORTEM);
    write(
      "postmortems/old/index.html",
      '<meta http-equiv="refresh" content="0;url=/kb/postmortems/gone/"><a href="/kb/postmortems/gone/">gone</a>',
    );
    expect(done).toThrow("/postmortems/old/ → /kb/postmortems/gone/ (no such page or file)");
  });

  it("fail on a broken fragment in a page taken while rendering", () => {
    rendered("/kb/", '<a href="/kb/postmortems/a/#nowhere">a</a>');
    rendered("/kb/postmortems/a/", POSTMORTEM);
    expect(done).toThrow('/ → /kb/postmortems/a/#nowhere (no element with id "nowhere")');
  });

  it("count a postmortem page taken while rendering only if it marks content for search", () => {
    rendered("/kb/", "");
    rendered("/kb/postmortems/a/", "<main>no search body</main>");
    expect(done).toThrow(/postmortem pages built: 0 \(expected 1\)/);
  });
});

describe("the string table the checks keep links in", () => {
  it("gives back an equal string, the same one for every repeat", () => {
    const table = new StringTable();
    const page = '<a href="/kb/postmortems/a-long-identifier/">x</a>';
    const first = table.get(page.slice(9, 43));
    expect(first).toBe("/kb/postmortems/a-long-identifier/");
    expect(table.get(["/kb/postmortems/", "a-long-identifier", "/"].join(""))).toBe(first);
  });
});
