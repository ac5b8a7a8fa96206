import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import siteChecks, { checkedPage, MANIFEST_FILE, StringTable } from "../../src/integrations/site-checks.ts";

const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn(), options: {}, label: "test", fork: vi.fn() };
const POSTMORTEM = '<main id="summary" data-pagefind-body><a href="/kb/">home</a></main>';

let work: string;
let dist: string;
let hooks: Record<string, (options: unknown) => unknown>;

function write(path: string, text: string): void {
  mkdirSync(join(dist, path, ".."), { recursive: true });
  writeFileSync(join(dist, path), text);
}

/** A built site of one postmortem `a`, renamed from `old` (a redirect page), with a search index of one page. */
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), "hindsight-site-checks-"));
  dist = join(work, "dist");
  mkdirSync(join(work, "content", "postmortems"), { recursive: true });
  writeFileSync(join(work, "content", "postmortems", "a.mdx"), "");
  vi.stubEnv("HINDSIGHT_CONTENT", join(work, "content"));
  hooks = siteChecks().hooks as typeof hooks;
  hooks["astro:config:done"]?.({ config: { base: "/kb/" } });
  write(MANIFEST_FILE, JSON.stringify({ entries: 1, drafts: 0, withdrawn: 0, visible: ["a"] }));
  write("pagefind/pagefind-entry.json", JSON.stringify({ languages: { en: { page_count: 1 } } }));
  write("index.html", '<a href="/kb/postmortems/a/#summary">a</a>');
  write("postmortems/a/index.html", POSTMORTEM);
  write(
    "postmortems/old/index.html",
    '<meta http-equiv="refresh" content="0;url=/kb/postmortems/a/"><a href="/kb/postmortems/a/">a</a>',
  );
});

afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(work, { recursive: true, force: true });
});

const done = () => hooks["astro:build:done"]?.({ dir: pathToFileURL(`${dist}/`), logger });

describe("the checks on the finished site", () => {
  it("pass a site whose links, fragments and counts all agree", () => {
    expect(done).not.toThrow();
    expect(logger.info).toHaveBeenCalledWith("Counts reconcile and every internal link resolves.");
  });

  it("fail on a broken link in a redirect page", () => {
    write("postmortems/old/index.html", '<a href="/kb/postmortems/gone/">gone</a>');
    expect(done).toThrow("/postmortems/old/ → /kb/postmortems/gone/ (no such page or file)");
  });

  it("fail on a link to a fragment the target page does not have", () => {
    write("index.html", '<a href="/kb/postmortems/a/#nowhere">a</a>');
    expect(done).toThrow('/ → /kb/postmortems/a/#nowhere (no element with id "nowhere")');
  });

  it("count a postmortem page only if it marks content for search", () => {
    write("postmortems/a/index.html", '<main id="summary">no search body</main>');
    expect(done).toThrow(/postmortem pages built: 0 \(expected 1\)/);
  });
});

describe("what the checks keep of a page", () => {
  it("is its links and ids, and whether it marks content for search", () => {
    expect(checkedPage("/a/", POSTMORTEM)).toEqual({ path: "/a/", ids: new Set(["summary"]), links: ["/kb/"], searchable: true });
  });

  it("holds one copy of each string, the same one for every repeat", () => {
    const table = new StringTable();
    const page = '<a href="/kb/postmortems/a-long-identifier/">x</a>';
    const first = table.get(page.slice(9, 43));
    expect(first).toBe("/kb/postmortems/a-long-identifier/");
    expect(table.get(["/kb/postmortems/", "a-long-identifier", "/"].join(""))).toBe(first);
  });
});
