/**
 * The sample site served by real nginx with the production configuration (deploy/nginx/hindsight.conf's
 * generator), in Chromium: the policy's headers on every response, no CSP violation, search working, the
 * 404 page and an alias redirect; without JavaScript, the search page shows the words back, escaped.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aliasRedirects } from "../../src/lib/postmortem/aliases.ts";
import { QUERY_ECHO_MAX, QUERY_ECHO_MAX_SPACES } from "../../src/lib/search/query-echo.ts";
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

describe("the search page behind nginx, without JavaScript", () => {
  /** The search page with JavaScript off, as a reader whose browser blocks it sees it. */
  async function withoutJs(query: string): Promise<{ page: Page; close: () => Promise<void> }> {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${nginx.url}/search/?q=${query}`);
    return { page, close: () => context.close() };
  }

  it("shows the search words back, decoded, above the notice that search needs JavaScript and the browse links", async () => {
    const { page, close } = await withoutJs("disk+full%2C+caf%C3%A9+C%2B%2B+CI%2FCD");
    const notice = page.locator("[data-search-nojs]");
    expect(await notice.locator("[data-search-query-echo]").textContent()).toBe("You searched for disk full, café C++ CI/CD.");
    expect(await notice.locator("[data-search-query-echo] q").textContent()).toBe("disk full, café C++ CI/CD");
    expect(await notice.innerText()).toContain("needs JavaScript");
    expect(await notice.locator('a[href="/postmortems/"]').count()).toBeGreaterThan(0);
    await close();
  });

  it("escapes markup in the words: an injected script or element stays text", async () => {
    const payload = `"><script>alert(1)</script><img src=x onerror=alert(2)>&amp;`;
    const html = await (await fetch(`${nginx.url}/search/?q=${encodeURIComponent(payload)}`)).text();
    expect(html).toContain("&quot;&gt;&lt;script&gt;alert(1)&lt;");
    expect(html).not.toContain("<script>alert(1)");
    expect(html).not.toContain("<img src=x");
    const { page, close } = await withoutJs(encodeURIComponent(payload));
    expect(await page.locator("[data-search-query-echo] q").textContent()).toBe(payload.slice(0, QUERY_ECHO_MAX));
    expect(await page.locator("[data-search-nojs] img, [data-search-nojs] script").count()).toBe(0);
    await close();
  });

  it(`shows at most ${QUERY_ECHO_MAX} characters of the words`, async () => {
    const { page, close } = await withoutJs("é".repeat(QUERY_ECHO_MAX + 50));
    expect(await page.locator("[data-search-query-echo] q").textContent()).toBe("é".repeat(QUERY_ECHO_MAX));
    await close();
  });

  it(`restores up to ${QUERY_ECHO_MAX_SPACES} spaces written as + (form encoding)`, async () => {
    const words = Array.from({ length: QUERY_ECHO_MAX_SPACES + 1 }, (_, i) => `w${i}`);
    const { page, close } = await withoutJs(words.join("+"));
    expect(await page.locator("[data-search-query-echo] q").textContent()).toBe(words.join(" "));
    await close();
  });

  it.each(["%2E%2E", "..%2F..%2Fetc%2Fpasswd", "a%2F.%2Fb", "a/../b", "a%00b", "%FF%FE", ""])(
    "keeps the whole page and shows no words for %j, which cannot be shown back safely",
    async (query) => {
      const response = await fetch(`${nginx.url}/search/?q=${query}`);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain("needs JavaScript");
      expect(html).toContain("</html>");
      expect(html).not.toContain("data-search-query-echo");
      expect(html).not.toContain("<!--#");
    },
  );

  it("answers the internal location only to the page's own include", async () => {
    expect((await fetch(`${nginx.url}/_search-query/hello`)).status).toBe(404);
  });
});
