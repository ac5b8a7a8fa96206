/**
 * Quality gates on every page type of the built sample site, in Chromium, served with the headers of
 * public/_headers: axe (WCAG 2.0–2.2 A/AA and best practices) in light and dark, no CSP violation or
 * console error, keyboard use, visible focus, and reflow at 320 px.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../support/browser.ts";
import { SAMPLE_DIST } from "../support/paths.ts";
import { PAGE_TYPES, sev1 } from "../support/page-types.ts";
import { openSearchFilters } from "../support/search-filters.ts";
import { serveStatic, type StaticServer } from "../support/serve.ts";

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveStatic(SAMPLE_DIST);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
  await server.close();
});

/** Opens a page and records CSP violations and console errors from its first moment. */
async function open(path: string, options: { colorScheme?: "light" | "dark"; width?: number } = {}) {
  const context = await browser.newContext({
    colorScheme: options.colorScheme ?? "light",
    viewport: { width: options.width ?? 1280, height: 900 },
  });
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  const response = await page.goto(`${server.url}${path}`);
  return { context, page, errors, response };
}

const cspViolations = (page: Page) => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);

describe.each(PAGE_TYPES)("$name", ({ path, ready }) => {
  it.each(["light", "dark"] as const)("has no axe violations in the %s colour scheme", async (colorScheme) => {
    const { context, page } = await open(path, { colorScheme });
    await ready?.(page);
    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
      .analyze();
    const violations = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
    await context.close();
    expect(violations).toEqual([]);
  });

  it("loads under the Content-Security-Policy with no violation or console error", async () => {
    const { context, page, errors, response } = await open(path);
    await ready?.(page);
    expect(response?.headers()["content-security-policy"]).toContain("script-src 'self'");
    const violations = await cspViolations(page);
    await context.close();
    // The 404 page is served with status 404 on purpose; the browser logs that as an error.
    expect(errors.filter((e) => !(path === "/no-such-page/" && e.includes("404")))).toEqual([]);
    expect(violations).toEqual([]);
  });

  it("reflows at 320 px wide without horizontal scrolling", async () => {
    const { context, page } = await open(path, { width: 320 });
    await ready?.(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await context.close();
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

describe("keyboard use", () => {
  it("reaches the skip link first, and it moves focus to the main content", async () => {
    const { context, page } = await open(`/postmortems/${sev1.id}/`);
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => ({
      text: document.activeElement?.textContent,
      visible: getComputedStyle(document.activeElement!).top,
    }));
    expect(focused.text).toBe("Skip to content");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => location.hash)).toBe("#main");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
    await context.close();
  });

  it("reaches the header search with the keyboard and submits it with Enter", async () => {
    const { context, page } = await open("/");
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press("Tab");
      if (await page.evaluate(() => document.activeElement?.id === "site-search")) break;
    }
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("site-search");
    await page.keyboard.type("backups");
    await Promise.all([page.waitForURL(/\/search\/\?q=backups/), page.keyboard.press("Enter")]);
    await context.close();
  });

  it("shows a visible focus indicator on every focusable element of a postmortem page", async () => {
    const { context, page } = await open(`/postmortems/${sev1.id}/`);
    const missing: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      const outline = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        return {
          tag: `${el.tagName.toLowerCase()} ${el.textContent.trim().slice(0, 30)}`,
          width: style.outlineWidth,
          style: style.outlineStyle,
        };
      });
      if (outline === null) break;
      if (outline.style === "none" || outline.width === "0px") missing.push(outline.tag);
    }
    await context.close();
    expect(missing).toEqual([]);
  });

  it("operates the search filters with the keyboard alone", async () => {
    const { context, page } = await open("/search/?q=dashboards");
    await page.waitForFunction(() => /match/.test(document.querySelector("[data-search-status]")?.textContent ?? ""));
    await openSearchFilters(page);
    const checkbox = page.locator("[data-search-filters] input[type=checkbox]").first();
    await checkbox.focus();
    await page.keyboard.press("Space");
    expect(await checkbox.isChecked()).toBe(true);
    await page.waitForFunction(() => location.search.includes("="), undefined);
    expect(new URL(page.url()).searchParams.size).toBeGreaterThan(1);
    await context.close();
  });
});
