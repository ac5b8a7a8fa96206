import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import contentSecurity, { servedPath } from "../../src/integrations/content-security.ts";
import { passRenderedPage, stopListening } from "../../src/lib/build/rendered-pages.ts";
import { metaPolicy } from "../../src/lib/security/page-policy.ts";

const ASTRO_META = `<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' 'sha256-AAAA'">`;
const OWN_META = `<meta http-equiv="content-security-policy" content="${metaPolicy({ scripts: [], styles: [] })}">`;
const page = (body: string) => `<!DOCTYPE html><html><head>${ASTRO_META}</head><body>${body}</body></html>`;
const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn(), options: {}, label: "test", fork: vi.fn() };

let dist: string;
let hooks: Record<string, (options: unknown) => unknown>;

function write(path: string, html: string): void {
  mkdirSync(join(dist, path, ".."), { recursive: true });
  writeFileSync(join(dist, path), html);
}

beforeEach(() => {
  dist = mkdtempSync(join(tmpdir(), "hindsight-csp-"));
  hooks = contentSecurity().hooks as typeof hooks;
  hooks["astro:config:done"]?.({ config: { base: "/kb/" } });
  hooks["astro:build:start"]?.({ logger });
});

afterEach(() => {
  stopListening("page-policy");
  rmSync(dist, { recursive: true, force: true });
});

const rendered = (pathname: string, html: string) => passRenderedPage({ pathname, routePattern: pathname, params: {}, html });
const done = () => hooks["astro:build:done"]?.({ dir: pathToFileURL(`${dist}/`), logger });

describe("the page policies", () => {
  it("are written into each page as it renders, so the page is not read back after the build", () => {
    const html = rendered("/kb/teams/", page("<p>Teams</p>"));
    expect(html).toContain(OWN_META);
    expect(html).not.toContain("sha256-AAAA");
    // What is on disk is left alone: the page was already done when Astro wrote it.
    write("teams/index.html", "written by the test");
    done();
    expect(readFileSync(join(dist, "teams/index.html"), "utf8")).toBe("written by the test");
  });

  it("are added after the build to pages that did not render, such as the redirects of renamed postmortems", () => {
    write("postmortems/old-name/index.html", `<!doctype html>\n<meta http-equiv="refresh" content="0;url=/kb/postmortems/new/">`);
    done();
    expect(readFileSync(join(dist, "postmortems/old-name/index.html"), "utf8")).toContain(OWN_META);
  });

  it("fail the build when a rendered page inlines a script, naming the page", () => {
    rendered("/kb/insights/", page("<script>alert(1)</script>"));
    expect(done).toThrow(/1 pages inline a <script> or <style> \(\/kb\/insights\/\)/);
  });

  it("fail the build when a page written without rendering inlines a style", () => {
    write("extra.html", page("<style>p{}</style>"));
    expect(done).toThrow(/1 pages inline a <script> or <style> \(\/kb\/extra\.html\)/);
  });
});

describe("servedPath", () => {
  it("names the site path of a built file under the base path", () => {
    expect(servedPath("postmortems/a/index.html", "/kb/")).toBe("/kb/postmortems/a/");
    expect(servedPath("index.html", "/")).toBe("/");
    expect(servedPath("404.html", "/kb")).toBe("/kb/404.html");
  });
});
