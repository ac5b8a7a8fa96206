/**
 * The postmortem page answers first, and every page reads on a phone: in Chromium over the built sample
 * site. At 1280 × 800 the first screen holds the root cause and the follow-up status; at 375 px the
 * action-item tables read without sideways scrolling, chart text stays legible, search results come
 * before the filters, and axe finds nothing.
 */
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../src/lib/action-items/load-content.ts";
import { LIST_DURATION_FIGURES, shownDurations } from "../../src/lib/figures/glossary.ts";
import { computeDurations } from "../../src/lib/postmortem/durations.ts";
import { sampleSiteInBrowser } from "../support/browser.ts";
import { ROOT } from "../support/paths.ts";
import { readPostmortemFrontmatter } from "../support/sample-content.ts";
import { openSearchFilters } from "../support/search-filters.ts";
import { hygieneFindings } from "../support/text-hygiene.ts";

const sev1 = readPostmortemFrontmatter().find((s) => s.data.status === "published" && s.data["severity"] === "SEV1")!;
const SEV1 = `/postmortems/${sev1.id}/`;

const site = sampleSiteInBrowser();

async function open(path: string, width: number, height = 800): Promise<Page> {
  const context = await site.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  await page.goto(`${site.url}${path}`);
  return page;
}

/** How far the document scrolls sideways (0 when it fits). */
const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** The smallest rendered font size, in CSS pixels, of the SVG text under `selector` (text scales with the viewBox). */
const smallestSvgText = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((roots) => {
    let smallest = Infinity;
    for (const root of roots)
      for (const text of root.querySelectorAll("svg text")) {
        if (text.textContent.trim() === "") continue;
        const svg = text.closest("svg")!;
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        smallest = Math.min(smallest, parseFloat(getComputedStyle(text).fontSize) * scale);
      }
    return smallest;
  });

describe("a postmortem's first screen at 1280 × 800", () => {
  it("shows the impact, the trigger, the root cause and the follow-up status without scrolling", async () => {
    const page = await open(SEV1, 1280, 800);
    for (const what of ["impact", "trigger", "root cause", "follow-up"]) {
      const box = await page.locator(`[data-glance="${what}"]`).first().boundingBox();
      expect(box, what).not.toBeNull();
      expect(box!.y + box!.height, what).toBeLessThanOrEqual(800);
    }
  });

  it("states the durations in the impact line and counts the follow-up, linked to the action items", async () => {
    const page = await open(SEV1, 1280, 800);
    const impact = await page.locator('[data-glance="impact"]').innerText();
    // The glossary's figures for this postmortem, as every list shows them.
    const validated = loadContent(join(ROOT, "content")).postmortems.find((p) => p.id === sev1.id)!;
    const figures = shownDurations(computeDurations(validated.data), LIST_DURATION_FIGURES);
    expect(figures.length).toBeGreaterThan(0);
    expect(impact).toContain(figures.map((f) => `${f.label} ${f.text}`).join(" · "));
    const followUp = page.locator('[data-glance="follow-up"]');
    const items = await page.locator("#action-items ~ * tbody tr, #action-items ~ div tbody tr").count();
    const done = await page.locator("#action-items").locator("xpath=..").locator("tbody .status-done").count();
    await expect(followUp.innerText()).resolves.toContain(`${done} of ${items} action items done`);
    await expect(followUp.locator("a").first().getAttribute("href")).resolves.toBe("#action-items");
  });

  it("lists the page's sections in a labelled navigation whose links all lead to a section", async () => {
    const page = await open(SEV1, 1280, 800);
    const nav = page.getByRole("navigation", { name: "On this page" });
    const targets = await nav.locator("a").evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
    expect(targets).toEqual(expect.arrayContaining(["#impact", "#timeline", "#causes", "#action-items"]));
    for (const target of targets) await expect(page.locator(target).count(), target).resolves.toBe(1);
  });
});

describe("at 375 px wide", () => {
  it.each([
    ["a postmortem", SEV1],
    ["the action-item ledger", "/action-items/"],
    ["the done items", "/action-items/done/"],
    ["the insights", "/insights/"],
    ["the search page", "/search/?q=dashboards"],
  ])("%s does not scroll sideways", async (_name, path) => {
    const page = await open(path, 375);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  });

  it.each([
    ["the postmortem's action items", SEV1, "#action-items ~ div table tbody tr"],
    ["the ledger", "/action-items/", "table.ledger tbody tr"],
  ])("%s show title, owner, status and due inside the screen", async (_name, path, rows) => {
    const page = await open(path, 375);
    const row = page.locator(rows).first();
    for (const cell of ["td.title", 'td[data-label="Owner"]', 'td[data-label="Status"]', 'td[data-label="Due"]']) {
      const box = await row.locator(cell).boundingBox();
      expect(box, cell).not.toBeNull();
      expect(box!.x, cell).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width, cell).toBeLessThanOrEqual(375);
    }
    // Each value carries its column name, since the header row is out of sight.
    const label = await row.locator('td[data-label="Owner"]').evaluate((td) => getComputedStyle(td, "::before").content);
    expect(label).toBe('"Owner"');
  });

  it("draws the timeline chart's text at 12 px or more, scrolling inside its own box", async () => {
    const page = await open(SEV1, 375);
    expect(await smallestSvgText(page, ".timeline-chart")).toBeGreaterThanOrEqual(12);
    const box = await page.locator(".timeline-chart").boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(375);
  });

  it("draws the insight charts' text at 11 px or more, each chart scrolling in a focusable region named by its heading", async () => {
    const page = await open("/insights/", 375);
    expect(await smallestSvgText(page, "figure.chart .plot")).toBeGreaterThanOrEqual(11);
    const plots = page.locator("figure.chart .plot");
    expect(await plots.count()).toBeGreaterThan(3);
    for (const plot of await plots.all()) {
      await expect(plot.getAttribute("tabindex")).resolves.toBe("0");
      await expect(plot.getAttribute("aria-labelledby")).resolves.toMatch(/-heading$/);
    }
  });

  it("shows search results on the first screen, with the filters folded behind one control", async () => {
    const page = await open("/search/?q=dashboards", 375, 812);
    await page.waitForFunction(() => /match/.test(document.querySelector("[data-search-status]")?.textContent ?? ""));
    const panel = page.locator("[data-search-filter-panel]");
    await expect(panel.evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(false);
    const first = await page.locator(".result").first().boundingBox();
    expect(first!.y).toBeLessThan(812);
    await openSearchFilters(page);
    await expect(page.locator("[data-search-filters] input[type=checkbox]").first().isVisible()).resolves.toBe(true);
  });

  it.each([
    ["a postmortem", SEV1],
    ["the action-item ledger", "/action-items/"],
    ["the insights", "/insights/"],
    ["the search page", "/search/?q=dashboards"],
  ])("%s has no axe violations", async (_name, path) => {
    const page = await open(path, 375);
    if (path.startsWith("/search/"))
      await page.waitForFunction(() => /match/.test(document.querySelector("[data-search-status]")?.textContent ?? ""));
    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
      .analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
});

describe("the text as the browser renders it, after scripts and styles", () => {
  it.each([1280, 375])("reads cleanly at %i px on every kind of page", async (width) => {
    const findings: string[] = [];
    for (const path of ["/", SEV1, "/action-items/", "/action-items/done/", "/insights/", "/search/?q=dashboards", "/guide/"]) {
      const page = await open(path, width);
      if (path.startsWith("/search/"))
        await page.waitForFunction(() => /match/.test(document.querySelector("[data-search-status]")?.textContent ?? ""));
      // Code quotes raw values on purpose; everything else is read as prose.
      const text = await page.evaluate(() => {
        for (const code of document.querySelectorAll("code, pre, kbd, samp")) code.remove();
        return document.body.innerText;
      });
      findings.push(...hygieneFindings(text).map((f) => `${path}: ${f.fault}: “${f.excerpt}”`));
    }
    expect(findings).toEqual([]);
  });
});
