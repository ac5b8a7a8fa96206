/**
 * `npm run dev` shows content problems where the author looks: a real dev server, a real browser, a file
 * broken and then fixed on disk as an editor would save it.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../support/browser.ts";
import { API_ERRORS, createContent, pm, positionOf, type ContentFixture } from "../support/content-fixture.ts";
import { startDevServer, type DevServer } from "../support/dev-server.ts";

let content: ContentFixture;
let dev: DevServer;
let browser: Browser;
let page: Page;
const PAGE = `/postmortems/${API_ERRORS}/`;

beforeAll(async () => {
  content = createContent();
  dev = await startDevServer(content.dir, "dev-overlay");
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser.close();
  dev.stop();
  content.cleanup();
});

/** The dev server answers before it has loaded every route; load the page until it is served. */
async function openWhenReady(path: string): Promise<void> {
  for (let attempt = 0; attempt < 60; attempt++) {
    const response = await page.goto(`${dev.url}${path}`);
    if (response?.status() !== 404) return;
    await page.waitForTimeout(500);
  }
}

describe("the development server", () => {
  it("shows a saved mistake in the browser at the author's line with its fix, and the page again once it is fixed", async () => {
    await openWhenReady(PAGE);
    await expect(page.locator("h1").first().textContent()).resolves.toContain("API returned errors after a deploy");

    const good = content.read(pm(API_ERRORS));
    const broken = content.edit(
      pm(API_ERRORS),
      "    owner: platform\n    status: open",
      "    owner: Ada Lovelace\n    status: open",
    );
    const at = positionOf(broken, "Ada Lovelace");

    // The overlay draws in its shadow root; what the author reads is its rendered text.
    const overlayText = () =>
      page.locator("vite-error-overlay").evaluate((el) =>
        [...(el.shadowRoot?.children ?? [])]
          .filter((child) => child.tagName !== "STYLE")
          .map((child) => (child as HTMLElement).innerText)
          .join("\n"),
      );
    await page.locator("vite-error-overlay").waitFor({ state: "attached", timeout: 60_000 });
    await expect.poll(overlayText, { timeout: 30_000 }).toContain("Ada Lovelace");
    const text = await overlayText();
    expect(text).toContain(`content/postmortems/${API_ERRORS}.mdx:${at.line}:${at.column}`);
    expect(text).toContain('"Ada Lovelace" looks like a person\'s name');
    expect(text).toContain("put the person in assignee");
    expect(dev.output()).toContain(`${API_ERRORS}.mdx:${at.line}:${at.column}  actionItems.0.owner`);

    // A reload while the file is still broken keeps showing the problem, not the last good page.
    await page.reload();
    await page.locator("vite-error-overlay").waitFor({ state: "attached", timeout: 30_000 });

    content.write(pm(API_ERRORS), good);
    await page.locator("h1", { hasText: "API returned errors after a deploy" }).waitFor({ timeout: 60_000 });
    expect(await page.locator("vite-error-overlay").count()).toBe(0);
  });
});
