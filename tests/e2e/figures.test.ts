/**
 * The figures in a real browser: with the clock moved to 2030, the ledger recomputes overdue, lateness,
 * age and every count with the build's own module, and the cards, sections, team tables and the home banner
 * still agree; the Done page keeps the server's order. On /insights/, no label overlaps a mark.
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { buildLedger, summarize } from "../../src/lib/action-items/ledger.ts";
import { loadContent } from "../../src/lib/action-items/load-content.ts";
import { sortItems } from "../../src/lib/action-items/order.ts";
import { lateness } from "../../src/lib/action-items/overdue.ts";
import { formatFigure } from "../../src/lib/figures/glossary.ts";
import { followThroughByTeam } from "../../src/lib/insights/action-items.ts";
import { sampleSiteInBrowser } from "../support/browser.ts";
import { ROOT, SAMPLE_TODAY } from "../support/paths.ts";

const READER_DAY = "2030-06-01";
const site = sampleSiteInBrowser();
const content = loadContent(join(ROOT, "content"));
const in2030 = buildLedger(content.postmortems, READER_DAY);

async function pageIn2030(path: string, width = 1280): Promise<Page> {
  const context = await site.newContext({ timezoneId: "UTC", viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(`${READER_DAY}T12:00:00Z`));
  await page.goto(`${site.url}${path}`);
  await page.locator("[data-reader-today]:visible, form[data-ledger-filters]:visible").first().waitFor();
  return page;
}

const text = async (page: Page, selector: string) => ((await page.locator(selector).first().textContent()) ?? "").trim();

describe("the ledger with the browser's clock at 2030", () => {
  it("marks every outstanding item overdue with the lateness and age the build's module gives for that day", async () => {
    const page = await pageIn2030("/action-items/");
    const outstanding = in2030.items.filter((i) => i.isOpen);
    expect(outstanding.every((i) => i.overdue)).toBe(true);
    for (const item of outstanding) {
      const row = page.locator(`[data-ledger-group="${item.status}"] tr[data-key="${item.key}"]`);
      expect(await row.locator("[data-overdue-for]").textContent(), item.key).toBe(lateness(item, READER_DAY).text);
      expect(await row.locator("[data-overdue-for]").getAttribute("title"), item.key).toContain(READER_DAY.slice(0, 4));
      expect((await row.locator("[data-age-since]").textContent())?.trim(), item.key).toBe(formatFigure("age", item.ageDays));
    }
  });

  it("agrees on the cards, the section headings, the filters and the team table", async () => {
    const page = await pageIn2030("/action-items/");
    const s = in2030.summary;
    expect(await text(page, "dd[data-figure=overdue]")).toBe(String(s.overdue));
    expect(await text(page, "dd[data-figure=doneLast90Days]")).toBe(String(s.doneLast90Days));
    for (const [status, count] of [
      ["open", s.open],
      ["in-progress", s.inProgress],
      ["blocked", s.blocked],
    ] as const) {
      expect(await text(page, `#group-${status} [data-group-count]`), status).toBe(String(count));
      expect(await page.locator(`[data-ledger-group="${status}"] tr[data-row]:visible`).count(), status).toBe(count);
    }
    expect(await page.locator("tr[data-row] [data-overdue-for]:visible").count()).toBe(s.overdue);
    await page.check("input[name=overdue]");
    await expect.poll(() => page.locator("tr[data-row]:visible").count()).toBe(s.overdue);
    expect(await text(page, "[data-ledger-count]")).toBe(`Showing ${s.overdue} of ${s.outstanding} items.`);
    const teams = followThroughByTeam(
      in2030.items,
      content.catalogs.teams.map((t) => t.id),
      READER_DAY,
    ).filter((r) => r.total > 0);
    for (const r of teams)
      expect(await text(page, `tr[data-team="${r.team}"] [data-figure=overdue]`), r.team).toBe(String(r.overdue));
  });

  it("gives the home banner and the teams index the ledger's overdue count", async () => {
    const home = await pageIn2030("/");
    expect(await text(home, "[data-ledger-callout] [data-figure=overdue]")).toBe(String(in2030.summary.overdue));
    expect(await text(home, "[data-ledger-callout] [data-figure=outstanding]")).toBe(String(in2030.summary.outstanding));
    const teams = await pageIn2030("/teams/");
    const total = await teams.locator("tr[data-team] [data-figure=overdue]").allTextContents();
    expect(total.reduce((sum, t) => sum + Number(t), 0)).toBe(in2030.summary.overdue);
  });

  it("recounts each postmortem's at-a-glance overdue figure for that day, as the ledger counts it", async () => {
    const withOpenItems = [...new Set(in2030.items.filter((i) => i.isOpen).map((i) => i.postmortem.id))];
    expect(withOpenItems.length).toBeGreaterThan(1);
    // The page is built for SAMPLE_TODAY: at least one count must differ on the reader's day, or the test could
    // pass with the build's figure left in place.
    const atBuild = buildLedger(content.postmortems, SAMPLE_TODAY);
    const overdueOn = (ledger: typeof in2030, id: string) =>
      summarize(
        ledger.items.filter((i) => i.postmortem.id === id),
        ledger.today,
      ).overdue;
    expect(withOpenItems.some((id) => overdueOn(atBuild, id) !== overdueOn(in2030, id))).toBe(true);
    const page = await pageIn2030(`/postmortems/${withOpenItems[0]}/`);
    for (const id of withOpenItems) {
      await page.goto(`${site.url}/postmortems/${id}/`);
      await page.locator('[data-glance="follow-up"] [data-reader-today]:visible').waitFor();
      const own = in2030.items.filter((i) => i.postmortem.id === id);
      const followUp = page.locator('[data-glance="follow-up"]');
      expect(await followUp.locator("[data-figure=overdue]").textContent(), id).toBe(String(summarize(own, READER_DAY).overdue));
      expect(await followUp.locator("[data-hidden-at-zero]").isVisible(), id).toBe(summarize(own, READER_DAY).overdue > 0);
      expect(await followUp.locator("[data-reader-today] time").getAttribute("datetime"), id).toBe(READER_DAY);
      expect(await page.locator("#action-items ~ * [data-overdue-for]:visible").count(), id).toBe(
        summarize(own, READER_DAY).overdue,
      );
    }
  });

  it("keeps the Done page in the server's order, with no age and no overdue controls", async () => {
    const page = await pageIn2030("/action-items/done/");
    const keys = await page.locator("tr[data-row]").evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset["key"]));
    const done = sortItems(in2030.items.filter((i) => i.status === "done"));
    expect(keys).toEqual(done.map((i) => i.key));
    expect(await page.locator("[data-age-since]").count()).toBe(0);
    expect(await page.locator("input[name=overdue]").count()).toBe(0);
    expect(await page.locator("select[name=sort] option").allTextContents()).not.toContain("Most overdue first");
    expect(await page.locator("tr[data-row] [data-overdue-for]:visible").count()).toBe(0);
  });
});

describe("the insight charts in a browser", () => {
  for (const width of [1280, 375]) {
    it(`never draws a label over a mark at ${width} px`, async () => {
      const context = await site.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${site.url}/insights/`);
      const { overlaps, pairs } = await page.locator("figure.chart svg").evaluateAll((svgs) => {
        const found: string[] = [];
        let compared = 0;
        const hit = (a: DOMRect, b: DOMRect) =>
          a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
        for (const svg of svgs) {
          const chart = svg.closest("figure")?.id ?? "";
          // Heatmap cells carry their count inside them on purpose; every other text must stay clear of marks.
          const labels = [...svg.querySelectorAll("text")].filter(
            (t) => !t.classList.contains("count") && t.textContent.trim() !== "",
          );
          const marks = [...svg.querySelectorAll(".mark")];
          for (const label of labels)
            for (const mark of marks)
              if (++compared && hit(label.getBoundingClientRect(), mark.getBoundingClientRect()))
                found.push(`${chart}: "${label.textContent.trim()}" over ${mark.tagName}.${[...mark.classList].join(".")}`);
        }
        return { overlaps: found, pairs: compared };
      });
      expect(pairs).toBeGreaterThan(100);
      expect(overlaps).toEqual([]);
    });
  }
});
