/**
 * The ledger in a real browser over the built sample site: instant filters kept in the URL, and overdue
 * markers recomputed for the browser's own date (a fixed fake clock), not the build's.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { buildLedger } from "../../src/lib/action-items/ledger.ts";
import { lateness } from "../../src/lib/action-items/overdue.ts";
import { loadContent } from "../../src/lib/action-items/load-content.ts";
import { sampleSiteInBrowser } from "../support/browser.ts";
import { ROOT } from "../support/paths.ts";
import { join } from "node:path";

const site = sampleSiteInBrowser();
const content = loadContent(join(ROOT, "content"));

async function newPage(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await site.newContext({ timezoneId: "UTC", ...options });
  return context.newPage();
}

const visibleRows = (page: Page) => page.locator("tr[data-row]:visible");

describe("/action-items/ in a browser", () => {
  it("narrows the table to one team when the owner filter changes, and keeps the filter in the URL", async () => {
    const page = await newPage();
    await page.goto(`${site.url}/action-items/`);
    const ledger = buildLedger(content.postmortems, "2026-11-26");
    const all = ledger.items.filter((i) => i.isOpen);
    const team = all[0]!.owner;
    await expect.poll(() => visibleRows(page).count()).toBe(all.length);
    await page.selectOption("select[name=owner]", team);
    const expected = all.filter((i) => i.owner === team).length;
    expect(expected).toBeLessThan(all.length);
    await expect.poll(() => visibleRows(page).count()).toBe(expected);
    expect(new URL(page.url()).searchParams.get("owner")).toBe(team);
    expect(await page.locator("[data-ledger-count]").textContent()).toBe(`Showing ${expected} of ${all.length} items.`);
    const owners = await visibleRows(page).evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset["owner"]));
    expect(new Set(owners)).toEqual(new Set([team]));
  });

  it("applies filters from the URL when the page loads", async () => {
    const page = await newPage();
    await page.goto(`${site.url}/action-items/?priority=P1&sort=due`);
    await expect.poll(() => page.locator("select[name=priority]").inputValue()).toBe("P1");
    const priorities = await visibleRows(page).evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset["priority"]));
    expect(priorities.length).toBeGreaterThan(0);
    expect(new Set(priorities)).toEqual(new Set(["P1"]));
  });

  it("recomputes overdue markers for the browser's date, not the build's, keeping each item in its status's section", async () => {
    const readerDay = "2016-07-01";
    const page = await newPage();
    await page.clock.setFixedTime(new Date(`${readerDay}T12:00:00Z`));
    await page.goto(`${site.url}/action-items/`);
    const ledger = buildLedger(content.postmortems, readerDay);
    // Items the build (today) calls overdue but which were not yet due on the reader's date.
    const expectedOverdue = ledger.items.filter((i) => i.isOpen && i.overdue);
    await expect.poll(() => page.locator("tr[data-row] [data-overdue-for]:visible").count()).toBe(expectedOverdue.length);
    for (const item of expectedOverdue) {
      const marker = page.locator(`[data-ledger-group="${item.status}"] tr[data-key="${item.key}"] [data-overdue-for]`);
      expect(await marker.textContent()).toBe(lateness(item, readerDay).text);
    }
    const notYet = ledger.items.find((i) => i.isOpen && !i.overdue)!;
    const marker = page.locator(`tr[data-row]:has(a[href="${notYet.postmortem.url}#item-${notYet.id}"]) [data-overdue-for]`);
    expect(await marker.isHidden()).toBe(true);
    expect(await page.locator("[data-figure=overdue]").first().textContent()).toBe(String(expectedOverdue.length));
  });

  it("shows the build's overdue markers and every item without JavaScript", async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(`${site.url}/action-items/`);
    const build = buildLedger(content.postmortems, (await page.locator("[data-ledger-today]").getAttribute("datetime")) ?? "");
    expect(await page.locator("form[data-ledger-filters]").isHidden()).toBe(true);
    expect(await page.locator("tr[data-row]").count()).toBe(build.summary.outstanding);
    expect(await page.locator("tr[data-row] [data-overdue-for]:visible").count()).toBe(build.summary.overdue);
  });
});

describe("postmortem pages in a browser", () => {
  it("refresh each item's overdue marker for the reader's date", async () => {
    const item = buildLedger(content.postmortems, "2026-11-26").items.find((i) => i.isOpen)!;
    const readerDay = new Date(Date.parse(`${item.due}T12:00:00Z`) + 2 * 86_400_000);
    const page = await newPage();
    await page.clock.setFixedTime(readerDay);
    await page.goto(`${site.url}${item.postmortem.url}`);
    await expect.poll(() => page.locator(`#item-${item.id} [data-overdue-for]`).textContent()).toBe("2 days overdue");
    // Every note on the page (at a glance and under the action items) names the reader's date.
    const notes = await page
      .locator("[data-reader-today] time")
      .evaluateAll((times) => times.map((t) => t.getAttribute("datetime")));
    expect(notes.length).toBeGreaterThan(1);
    expect(new Set(notes)).toEqual(new Set([readerDay.toISOString().slice(0, 10)]));
  });
});
