/**
 * The sample knowledge base built with HINDSIGHT_BASE=/kb/ and served only under /kb/, as a GitHub Pages
 * project site or an intranet folder would serve it: every link, asset, feed, export, redirect and the
 * search index work there, and every page type passes axe with no CSP violation.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { rmSync } from "node:fs";
import { dirname } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../support/browser.ts";
import { PAGE_TYPES, sev1 } from "../support/page-types.ts";
import { openSearchFilters } from "../support/search-filters.ts";
import { readPostmortemFrontmatter } from "../support/sample-content.ts";
import { serveStatic, type StaticServer } from "../support/serve.ts";
import { buildSite, type BuildResult } from "../support/site.ts";

const BASE = "/kb/";
const ORIGIN = "https://postmortems.example.org";
const renamed = readPostmortemFrontmatter().find((s) => (s.data["aliases"] as string[] | undefined)?.length)!;

let build: BuildResult;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  build = await buildSite(`base-path-${process.pid}`, "content", { HINDSIGHT_BASE: BASE, HINDSIGHT_SITE: ORIGIN });
  if (build.code !== 0) throw new Error(`The sample failed to build under ${BASE}:\n${build.output}`);
  server = await serveStatic(build.dist, { base: BASE });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
  await server.close();
  rmSync(dirname(build.dist), { recursive: true, force: true });
});

/** The address of a site path under the base, on the test server. */
const at = (path: string) => `${server.url}${BASE}${path.replace(/^\//, "")}`;
const fetchText = async (path: string) => {
  const response = await fetch(at(path));
  return { status: response.status, text: await response.text() };
};

const LINK = /\s(?:href|src|action)="([^"#]*)(?:#[^"]*)?"/g;
/** Site-relative links of a page (external and fragment-only links left out), entities decoded. */
const internalLinks = (html: string) =>
  [...html.matchAll(LINK)]
    .map((m) => m[1]!.replace(/&amp;/g, "&"))
    .filter((link) => link.startsWith("/") && !link.startsWith("//"));

describe(`the sample built under ${BASE}`, () => {
  it("passes the build's own link check under the base path", () => {
    expect(build.output).toContain("every internal link resolves");
  });

  it("links only to addresses under the base path, and every one of them answers 200 when served there", async () => {
    const seen = new Set<string>();
    const outside: string[] = [];
    const failing: string[] = [];
    const queue = [BASE];
    while (queue.length > 0) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      seen.add(path);
      const response = await fetch(`${server.url}${path}`);
      if (response.status !== 200) failing.push(`${path} → ${response.status}`);
      if (!(response.headers.get("content-type") ?? "").startsWith("text/html")) continue;
      for (const link of internalLinks(await response.text())) {
        const target = new URL(link, `${server.url}${path}`).pathname;
        if (!target.startsWith(BASE)) outside.push(`${path} → ${link}`);
        else if (!seen.has(target)) queue.push(target);
      }
    }
    expect(outside).toEqual([]);
    expect(failing).toEqual([]);
    // Every page of the site was reached from the home page: postmortems, browse pages, exports.
    expect(seen.has(`${BASE}postmortems/${sev1.id}/`)).toBe(true);
    expect(seen.has(`${BASE}action-items.csv`)).toBe(true);
    expect(seen.size).toBeGreaterThan(80);
  });

  it("gives every page a canonical URL under the public address and the base path", async () => {
    const { text } = await fetchText(`/postmortems/${sev1.id}/`);
    expect(text).toContain(`<link rel="canonical" href="${ORIGIN}${BASE}postmortems/${sev1.id}/">`);
  });

  it("serves the 404 page, styled and linked under the base path, for an unknown address", async () => {
    const { status, text } = await fetchText("/no-such-page/");
    expect(status).toBe(404);
    expect(text).toContain("Page not found");
    expect(text).toMatch(new RegExp(`<link rel="stylesheet" href="${BASE}_astro/`));
    expect(internalLinks(text).every((link) => link.startsWith(BASE))).toBe(true);
  });

  it("redirects a renamed postmortem's former address to its page under the base path", async () => {
    const page = await (await browser.newContext()).newPage();
    const alias = (renamed.data["aliases"] as string[])[0]!;
    await page.goto(at(`/postmortems/${alias}/`));
    await page.waitForURL(at(`/postmortems/${renamed.id}/`));
    await expect(page.locator("h1").textContent()).resolves.toContain(renamed.data.title.slice(0, 20));
    await page.context().close();
  });

  it("writes absolute links under the base path in the feeds and exports", async () => {
    const postmortem = `${ORIGIN}${BASE}postmortems/${sev1.id}/`;
    const rss = await fetchText("/rss.xml");
    expect(rss.text).toContain(`<link>${ORIGIN}${BASE}</link>`);
    const json = JSON.parse((await fetchText("/postmortems.json")).text) as {
      site: string;
      postmortems: { id: string; url: string }[];
    };
    expect(json.site).toBe(`${ORIGIN}${BASE}`);
    expect(json.postmortems.find((p) => p.id === sev1.id)?.url).toBe(postmortem);
    for (const path of ["/action-items.csv", "/action-items.json", "/action-items.ics"]) {
      // Calendar lines are folded at 75 octets; unfold them before reading.
      const text = (await fetchText(path)).text.replace(/\r?\n[ \t]/g, "");
      expect(text, path).toContain(postmortem);
      expect(text, path).not.toContain(`${ORIGIN}/postmortems/`);
    }
  });
});

describe(`search under ${BASE}`, () => {
  it("finds a postmortem from the header search and opens its page under the base path", async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(at("/"));
    await page.locator("#site-search").fill("DynamoDB");
    await Promise.all([page.waitForURL(`${at("/search/")}?q=DynamoDB`), page.locator("#site-search").press("Enter")]);
    await page.waitForFunction(() => /match/.test(document.querySelector("[data-search-status]")?.textContent ?? ""));
    const first = page.locator(".result h3 a").first();
    await expect(first.getAttribute("href")).resolves.toBe(`${BASE}postmortems/${sev1.id}/`);
    await Promise.all([page.waitForURL(at(`/postmortems/${sev1.id}/`)), first.click()]);
    await expect(page.locator("h1").count()).resolves.toBe(1);
    await page.context().close();
  });

  it("filters by severity under the base path and keeps the filter in the URL", async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${at("/search/")}?q=dashboards`);
    await page.waitForFunction(() => /match/.test(document.querySelector("[data-search-status]")?.textContent ?? ""));
    await openSearchFilters(page);
    await page.getByRole("checkbox", { name: /^SEV2 · / }).check();
    await page.waitForFunction(() => location.search.includes("severity=SEV2"));
    const badges = await page.locator(".result .badge").allTextContents();
    expect(badges.length).toBeGreaterThan(0);
    expect(badges.every((b) => b.startsWith("SEV2"))).toBe(true);
    expect(new URL(page.url()).pathname).toBe(`${BASE}search/`);
    await page.context().close();
  });
});

/** Opens a page under the base, recording CSP violations and console errors from its first moment. */
async function open(path: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  const page: Page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(at(path));
  return { context, page, errors };
}

describe.each(PAGE_TYPES)(`$name under ${BASE}`, ({ path, ready }) => {
  it("has no axe violations, no CSP violation and no console error", async () => {
    const { context, page, errors } = await open(path);
    await ready?.(page);
    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
      .analyze();
    const violations = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
    const csp = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
    await context.close();
    expect(violations).toEqual([]);
    expect(csp).toEqual([]);
    // The 404 page is served with status 404 on purpose; the browser logs that as an error.
    expect(errors.filter((e) => !(path === "/no-such-page/" && e.includes("404")))).toEqual([]);
  });
});
