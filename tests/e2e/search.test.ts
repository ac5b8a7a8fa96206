/**
 * Search in a real browser (Debian's Chromium through playwright-core) over the sample site that the
 * global setup builds, served as a static host would serve it.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { sampleSiteInBrowser } from "../support/browser.ts";
import { openSearchFilters } from "../support/search-filters.ts";
import { hygieneFindings } from "../support/text-hygiene.ts";

const SEV1_ID = "2016-01-04-dashboard-outage-deleted-metadata-tables";
const STATUS = "[data-search-status]";

const site = sampleSiteInBrowser();

async function newPage(options: { javaScriptEnabled?: boolean; colorScheme?: "light" | "dark" } = {}): Promise<Page> {
  const context = await site.newContext(options);
  return context.newPage();
}

/** Waits until the filter counts match the search on screen (the filters say they are no longer busy). */
async function countsSettled(page: Page): Promise<void> {
  await page.locator('[data-search-filters][aria-busy="false"]').waitFor({ state: "attached" });
}

/** Waits until the live region reports the outcome of a search (not the loading message) and the filter counts follow it. */
async function searchOutcome(page: Page): Promise<string> {
  await page.waitForFunction((selector) => /match/.test(document.querySelector(selector)?.textContent ?? ""), STATUS);
  await countsSettled(page);
  return (await page.locator(STATUS).textContent()) ?? "";
}

/** Waits until the live region's text differs from `previous`, then returns it. */
async function nextOutcome(page: Page, previous: string): Promise<string> {
  await page.waitForFunction(
    ([selector, before]) => {
      const text = document.querySelector(selector)?.textContent ?? "";
      return text !== before && /match/.test(text);
    },
    [STATUS, previous] as const,
  );
  await countsSettled(page);
  return (await page.locator(STATUS).textContent()) ?? "";
}

const resultLinks = (page: Page) => page.locator(".result h3 a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
const resultBadges = (page: Page) => page.locator(".result .badge").allTextContents();

describe("the search page", () => {
  it("finds the SEV1 postmortem first for a word that only its body contains", async () => {
    const page = await newPage();
    await page.goto(`${site.url}/search/`);
    await page.locator("#search-query").fill("DynamoDB");
    await page.locator("#search-query").press("Enter");
    const status = await searchOutcome(page);
    expect(status).toMatch(/^\d+ postmortems? match(es)? “DynamoDB”\.$/);
    expect((await resultLinks(page))[0]).toBe(`/postmortems/${SEV1_ID}/`);
    await expect(page.locator(".result").first().locator("mark").first().textContent()).resolves.toMatch(/dynamodb/i);
    expect(new URL(page.url()).search).toBe("?q=DynamoDB");
  });

  it("runs the search in the URL's q parameter when the page loads", async () => {
    const page = await newPage();
    await page.goto(`${site.url}/search/?q=dynamodb`);
    await searchOutcome(page);
    await expect(page.locator("#search-query").inputValue()).resolves.toBe("dynamodb");
    expect((await resultLinks(page))[0]).toBe(`/postmortems/${SEV1_ID}/`);
  });

  it("narrows the results to the checked severity, shows its count and keeps it in the URL", async () => {
    const page = await newPage();
    await page.goto(`${site.url}/search/?q=dashboards`);
    const before = await searchOutcome(page);
    const all = await resultBadges(page);
    expect(new Set(all.map((b) => b.slice(0, 4))).size).toBeGreaterThan(1);
    const sev2 = all.filter((b) => b.startsWith("SEV2")).length;
    expect(sev2).toBeGreaterThan(0);

    await openSearchFilters(page);
    const checkbox = page.getByRole("checkbox", { name: /^SEV2 · Major/ });
    await expect(checkbox.locator("xpath=..").locator(".count").textContent()).resolves.toBe(
      `${sev2} results`.replace(/^1 results$/, "1 result"),
    );
    await checkbox.check();
    const after = await nextOutcome(page, before);

    expect(after).toBe(`${sev2 === 1 ? "1 postmortem matches" : `${sev2} postmortems match`} “dashboards” with 1 filter.`);
    const narrowed = await resultBadges(page);
    expect(narrowed).toHaveLength(sev2);
    expect(narrowed.every((b) => b.startsWith("SEV2"))).toBe(true);
    expect(new URL(page.url()).search).toBe("?q=dashboards&severity=SEV2");
  });

  it("fetches no filter index before the reader opens the filters, and shows their counts once opened", async () => {
    const page = await newPage();
    const filterFiles: string[] = [];
    page.on("request", (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith("/pagefind/filter/")) filterFiles.push(path);
    });
    await page.goto(`${site.url}/search/?q=dashboards`);
    await searchOutcome(page);
    await page.waitForLoadState("networkidle");
    expect(await page.locator(".result").count()).toBeGreaterThan(0);
    expect(filterFiles).toEqual([]);
    await expect(page.locator("[data-search-filter-panel]").evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(false);

    await openSearchFilters(page);
    expect(filterFiles.length).toBeGreaterThan(0);
    const sev2 = (await resultBadges(page)).filter((b) => b.startsWith("SEV2")).length;
    const sev2Count = page
      .getByRole("checkbox", { name: /^SEV2 · Major/ })
      .locator("xpath=..")
      .locator(".count");
    await expect(sev2Count.textContent()).resolves.toBe(sev2 === 1 ? "1 result" : `${sev2} results`);
    const counts = await page.locator("[data-search-filters] li:not([hidden]) .count").allTextContents();
    expect(counts.length).toBeGreaterThan(5);
    expect(counts.every((c) => /^[1-9]\d* results?$/.test(c))).toBe(true);
  });

  it("loads the filters with the results when a shared link applies one", async () => {
    const page = await newPage();
    const filterFiles: string[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).pathname.startsWith("/pagefind/filter/")) filterFiles.push(request.url());
    });
    await page.goto(`${site.url}/search/?q=dashboards&severity=SEV2`);
    await searchOutcome(page);
    await expect(page.locator("[data-search-filter-panel]").evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(true);
    await expect(page.getByRole("checkbox", { name: /^SEV2 · Major/ }).isChecked()).resolves.toBe(true);
    await expect(page.locator("[data-search-active-filters]").textContent()).resolves.toBe("(1 active)");
    expect(filterFiles.length).toBeGreaterThan(0);
  });

  it("restores checked filters from a shared link", async () => {
    const page = await newPage();
    await page.goto(`${site.url}/search/?q=dashboards&severity=SEV2`);
    await searchOutcome(page);
    await expect(page.getByRole("checkbox", { name: /^SEV2 · Major/ }).isChecked()).resolves.toBe(true);
    expect((await resultBadges(page)).every((b) => b.startsWith("SEV2"))).toBe(true);
  });

  it("says so when nothing matches", async () => {
    const page = await newPage();
    await page.goto(`${site.url}/search/?q=xylophonequartz`);
    const status = await searchOutcome(page);
    expect(status).toBe(
      "No postmortems match “xylophonequartz”. Check the spelling, try fewer or other words, or clear filters.",
    );
    await expect(page.locator(".result").count()).resolves.toBe(0);
  });

  it("suggests fewer words and the browse pages when nothing matches", async () => {
    const page = await newPage();
    await page.goto(`${site.url}/search/?q=xylophonequartz`);
    await searchOutcome(page);
    const empty = page.locator("[data-search-empty]");
    await expect(empty.isVisible()).resolves.toBe(true);
    await expect(empty.innerText()).resolves.toContain("fewer words");
    await expect(empty.locator('a[href="/postmortems/"]').count()).resolves.toBe(1);
    await page.locator("#search-query").fill("dynamodb");
    await page.locator("#search-query").press("Enter");
    await page.waitForFunction(() => document.querySelectorAll(".result").length > 0);
    await expect(empty.isHidden()).resolves.toBe(true);
  });

  it("announces result counts in a polite live region", async () => {
    const page = await newPage();
    await page.goto(`${site.url}/search/?q=dynamodb`);
    await searchOutcome(page);
    const region = page.locator(STATUS);
    await expect(region.getAttribute("role")).resolves.toBe("status");
    await expect(region.getAttribute("aria-live")).resolves.toBe("polite");
  });

  it("can be used with the keyboard alone: type, submit, then tick a filter with the space bar", async () => {
    const page = await newPage();
    await page.goto(`${site.url}/search/`);
    await page.locator("#search-query").focus();
    await page.keyboard.type("dashboards");
    await page.keyboard.press("Enter");
    const before = await searchOutcome(page);
    await page.keyboard.press("Tab"); // the Search button
    await page.keyboard.press("Tab"); // the Filters disclosure, folded until opened
    await expect(page.evaluate(() => document.activeElement?.textContent.trim())).resolves.toMatch(/^Filters\b/);
    await page.keyboard.press("Enter");
    await openSearchFilters(page);
    await page.keyboard.press("Tab"); // the first filter: SEV1 · Critical
    await expect(page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).resolves.toBe("SEV1");
    await page.keyboard.press("Space");
    await nextOutcome(page, before);
    expect(new URL(page.url()).searchParams.getAll("severity")).toEqual(["SEV1"]);
    expect((await resultBadges(page)).every((b) => b.startsWith("SEV1"))).toBe(true);
  });

  it("logs no console errors and throws no page errors while searching", async () => {
    const page = await newPage();
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    await page.goto(`${site.url}/search/?q=dynamodb`);
    const before = await searchOutcome(page);
    await openSearchFilters(page);
    await page.getByRole("checkbox", { name: /^SEV1 · Critical/ }).check();
    await nextOutcome(page, before);
    expect(problems).toEqual([]);
  });

  it("has no axe violations with results and filters showing, in light and dark mode", async () => {
    for (const colorScheme of ["light", "dark"] as const) {
      const page = await newPage({ colorScheme });
      await page.goto(`${site.url}/search/?q=dashboards&severity=SEV2`);
      await searchOutcome(page);
      const { violations } = await new AxeBuilder({ page })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
        .analyze();
      expect(violations.map((v) => `${colorScheme}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    }
  });
});

describe("search excerpts", () => {
  /** The excerpt of every result the page shows for `query`. */
  async function excerpts(query: string): Promise<string[]> {
    const page = await newPage();
    await page.goto(`${site.url}/search/?q=${encodeURIComponent(query)}`);
    await searchOutcome(page);
    return page.locator(".result .excerpt").allInnerTexts();
  }

  it.each(["mitigation", "restore", "DynamoDB"])(
    "read as clean sentences for %j: no keys, no glued words, no table debris",
    async (query) => {
      const texts = await excerpts(query);
      expect(texts.length).toBeGreaterThan(0);
      for (const text of texts) {
        expect(text).not.toMatch(/#A\d/);
        expect(text).not.toMatch(/Ticket for|Overdue by|\bA\d+\. A\d+\./);
        expect(text).not.toMatch(/\d\d:\d\d\p{L}/u);
        expect(hygieneFindings(text)).toEqual([]);
      }
    },
  );

  it("show a timeline event as time — kind — text", async () => {
    const texts = await excerpts("mitigation");
    expect(texts.some((t) => /\b\d\d:\d\d — Mitigation — \p{Lu}/u.test(t))).toBe(true);
  });

  it("show an action item as its id · title", async () => {
    const texts = await excerpts("restore");
    expect(texts.some((t) => /\bA\d+ · \p{Lu}/u.test(t))).toBe(true);
  });
});

describe("search without JavaScript", () => {
  it("takes the header form from a postmortem to the search page with the query, which says search needs JavaScript", async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(`${site.url}/postmortems/${SEV1_ID}/`);
    await page.locator("#site-search").fill("backups");
    await Promise.all([page.waitForURL(/\/search\//), page.locator(".site-header form button").click()]);
    const url = new URL(page.url());
    expect(url.pathname).toBe("/search/");
    expect(url.searchParams.get("q")).toBe("backups");
    await expect(page.locator("[data-search-nojs]").textContent()).resolves.toContain("needs JavaScript");
    await expect(page.locator("[data-search-nojs] a").first().getAttribute("href")).resolves.toBe("/postmortems/");
    await expect(page.locator("[data-search-app]").isHidden()).resolves.toBe(true);
  });

  it("says where the search words are and offers every browse page instead", async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(`${site.url}/search/?q=backups`);
    const notice = page.locator("[data-search-nojs]");
    await expect(notice.isVisible()).resolves.toBe(true);
    await expect(notice.innerText()).resolves.toMatch(/search words are still in the address bar, after \?q=/);
    // A host without server-side includes leaves the echo's commands as comments: nothing shows.
    await expect(notice.innerText()).resolves.not.toContain("You searched for");
    await expect(page.locator("[data-search-query-echo]").count()).resolves.toBe(0);
    const links = await notice.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(links).toEqual(
      expect.arrayContaining(["/postmortems/", "/severity/", "/services/", "/teams/", "/tags/", "/causes/", "/action-items/"]),
    );
  });
});

describe("reading pages", () => {
  it("load none of search's assets, even when the header's search field is focused", async () => {
    const page = await newPage();
    const searchAssets: string[] = [];
    page.on("request", (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith("/pagefind/") || /\/_astro\/(SearchApp|search)[^/]*\.js$/.test(path)) searchAssets.push(path);
    });
    await page.goto(`${site.url}/postmortems/${SEV1_ID}/`);
    await page.locator("#site-search").focus();
    await page.locator("#site-search").fill("backups");
    await page.goto(`${site.url}/`);
    expect(searchAssets).toEqual([]);
  });
});
