/**
 * The sample site served by real nginx with the production configuration (deploy/nginx/hindsight.conf's
 * generator), in Chromium: the policy's headers on every response, no CSP violation, search working, the
 * 404 page and an alias redirect.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aliasRedirects } from "../../src/lib/postmortem/aliases.ts";
import { securityHeaders } from "../../src/lib/security/policy.ts";
import { launchBrowser } from "../support/browser.ts";
import { startNginx, type RunningNginx } from "../support/nginx.ts";
import { SAMPLE_DIST } from "../support/paths.ts";
import { visibleSamples } from "../support/sample-records.ts";

let nginx: RunningNginx;
let browser: Browser;

beforeAll(async () => {
  nginx = await startNginx(SAMPLE_DIST);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
  await nginx.stop();
});

/** A page that records CSP violations from its first moment. */
async function open(path: string): Promise<{ page: Page; violations: () => Promise<string[]>; close: () => Promise<void> }> {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  const page = await context.newPage();
  await page.goto(`${nginx.url}${path}`);
  return {
    page,
    violations: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp),
    close: () => context.close(),
  };
}

const [firstAlias, aliasTarget] = Object.entries(aliasRedirects(visibleSamples()))[0] ?? [];
const newest = visibleSamples()[0];

describe("the site behind nginx", () => {
  it.each(["/", "/no-such-page/", "/favicon.svg", "/pagefind/pagefind.js"])(
    "sends every header of the security policy with %s",
    async (path) => {
      const response = await fetch(`${nginx.url}${path}`);
      for (const [name, value] of securityHeaders()) expect(response.headers.get(name), name).toBe(value);
    },
  );

  it("sends the security headers with hashed assets too, and lets browsers keep them for a year", async () => {
    const home = await (await fetch(`${nginx.url}/`)).text();
    const asset = /href="(\/_astro\/[^"]+\.css)"/.exec(home)?.[1];
    expect(asset).toBeDefined();
    const response = await fetch(`${nginx.url}${asset}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    for (const [name, value] of securityHeaders()) expect(response.headers.get(name), name).toBe(value);
  });

  it("answers an unknown path with status 404 and the site's own 404 page", async () => {
    const response = await fetch(`${nginx.url}/postmortems/no-such-incident/`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("<h1>Page not found</h1>");
  });

  it("does not serve the _headers file meant for other hosts", async () => {
    expect((await fetch(`${nginx.url}/_headers`)).status).toBe(404);
  });

  it("forwards a former postmortem id to the postmortem's page", async () => {
    expect(firstAlias).toBeDefined();
    const { page, close } = await open(firstAlias ?? "/");
    await page.waitForURL(`${nginx.url}${aliasTarget}`);
    expect(await page.locator("h1").textContent()).toBeTruthy();
    await close();
  });

  it.each(["/", `/postmortems/${newest?.id}/`, "/action-items/", "/insights/"])(
    "loads %s with no Content-Security-Policy violation",
    async (path) => {
      const { page, violations, close } = await open(path);
      await page.waitForLoadState("networkidle");
      expect(await violations()).toEqual([]);
      await close();
    },
  );

  it("finds postmortems with the search, with no Content-Security-Policy violation", async () => {
    const word = newest?.data.title.split(/\s+/).find((w) => w.length > 5) ?? "";
    const { page, violations, close } = await open(`/search/?q=${encodeURIComponent(word)}`);
    await page.waitForFunction(() => /match/.test(document.querySelector("[data-search-status]")?.textContent ?? ""));
    const links = await page.locator(".result h3 a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(links).toContain(`/postmortems/${newest?.id}/`);
    expect(await violations()).toEqual([]);
    await close();
  });
});
