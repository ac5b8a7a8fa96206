/**
 * The ledger pages and exports of the built sample site agree with `buildLedger` on the same content for
 * the same day. The build's "today" is the day it ran, so the expectation reads that day from the page.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import ical from "node-ical";
import { describe, expect, it } from "vitest";
import { buildLedger } from "../../src/lib/action-items/ledger.ts";
import { loadContent } from "../../src/lib/action-items/load-content.ts";
import { teamLedger } from "../../src/lib/action-items/teams.ts";
import { formatFigure } from "../../src/lib/figures/glossary.ts";
import { ROOT, SAMPLE_DIST } from "../support/paths.ts";

const read = (path: string) => readFileSync(join(SAMPLE_DIST, path), "utf8");
const page = read("action-items/index.html");
const buildDay = /data-ledger-today[^>]*datetime="(\d{4}-\d{2}-\d{2})"|datetime="(\d{4}-\d{2}-\d{2})"[^>]*data-ledger-today/.exec(
  page,
);
const today = buildDay?.[1] ?? buildDay?.[2] ?? "";
const content = loadContent(join(ROOT, "content"));
const ledger = buildLedger(content.postmortems, today);

/** The text of `data-figure="<id>"` on a page. */
function figure(html: string, id: string): string | undefined {
  return new RegExp(`data-figure="${id}"[^>]*>([^<]*)<`).exec(html)?.[1]?.trim();
}

describe("the built /action-items/ page", () => {
  it("states the day its figures are for", () => {
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(content.problems).toEqual([]);
  });

  it("shows the ledger's headline figures for that day", () => {
    const s = ledger.summary;
    expect({
      open: figure(page, "open"),
      inProgress: figure(page, "inProgress"),
      blocked: figure(page, "blocked"),
      overdue: figure(page, "overdue"),
      done90: figure(page, "doneLast90Days"),
      rate: figure(page, "completionRate"),
      median: figure(page, "medianDaysToClose"),
    }).toEqual({
      open: String(s.open),
      inProgress: String(s.inProgress),
      blocked: String(s.blocked),
      overdue: String(s.overdue),
      done90: String(s.doneLast90Days),
      rate: formatFigure("completionRate", s.completionRate),
      median: formatFigure("medianDaysToClose", s.medianDaysToClose),
    });
  });

  it("lists every outstanding item once, in the section of its status, overdue ones marked", () => {
    const rows = [...page.matchAll(/<tr data-row[^>]*>[\s\S]*?<\/tr>/g)].map((m) => m[0]);
    const keys = rows.map((r) => /href="\/postmortems\/([^/]+)\/#item-(A\d+)"/.exec(r)).map((m) => `${m?.[1]}#${m?.[2]}`);
    const outstanding = ledger.items.filter((i) => i.isOpen);
    expect(keys.sort()).toEqual(outstanding.map((i) => i.key).sort());
    for (const item of outstanding) {
      const section = new RegExp(`data-ledger-group="${item.status}"[\\s\\S]*?</section>`).exec(page)?.[0] ?? "";
      expect(section, item.key).toContain(`data-key="${item.key}"`);
    }
    expect(rows.filter((r) => /data-overdue="\d+"/.test(r))).toHaveLength(ledger.summary.overdue);
  });

  it("works without JavaScript: items are in the HTML and the filters are a plain GET form", () => {
    expect(page).toMatch(/<form[^>]*method="get"[^>]*data-ledger-filters/);
    expect(page).toContain("<noscript>");
    expect(page).not.toMatch(/style="/);
    expect(page).not.toMatch(/<script(?![^>]*src=)[^>]*>[^<]+<\/script>/);
  });
});

describe("the built exports", () => {
  it("publishes the same items in /action-items.json, version 2", () => {
    const json = JSON.parse(read("action-items.json")) as {
      version: number;
      today: string;
      items: { key: string; overdue: boolean }[];
    };
    expect(json.version).toBe(2);
    expect(json.today).toBe(today);
    expect(json.items.map((i) => [i.key, i.overdue])).toEqual(ledger.items.map((i) => [i.key, i.overdue]));
  });

  it("publishes one CSV row per item", () => {
    const records = parse<{ key: string }>(read("action-items.csv"), { bom: true, columns: true });
    expect(records.map((r) => r.key)).toEqual(ledger.items.map((i) => i.key));
  });

  it("publishes a calendar entry per item not yet due and one on the build date for the overdue items", () => {
    const events = Object.values(ical.sync.parseICS(read("action-items.ics"))).filter(
      (c): c is ical.VEvent => c?.type === "VEVENT",
    );
    const digest = events.filter((e) => e.uid.startsWith("overdue@"));
    expect(events).toHaveLength(ledger.summary.outstanding - ledger.summary.overdue + digest.length);
    expect(digest).toHaveLength(ledger.summary.overdue > 0 ? 1 : 0);
    for (const e of events) expect(e.start.toISOString().slice(0, 10) >= today).toBe(true);
  });
});

describe("team and postmortem pages", () => {
  it("shows each team's outstanding and done counts", () => {
    for (const team of content.catalogs.teams) {
      const html = read(`teams/${team.id}/index.html`);
      const own = teamLedger(ledger.items, team.id, today);
      expect(html).toContain(`Open items (${own.outstanding.length})`);
      expect(html).toContain(`Done items (${own.done.length})`);
    }
  });

  it("links a citing postmortem and the cited item both ways", () => {
    const cited = ledger.items.find((i) => i.citedBy.length > 0);
    expect(cited).toBeDefined();
    const citation = cited!.citedBy[0]!;
    const later = read(`postmortems/${citation.postmortemId}/index.html`);
    expect(later).toContain("This incident cites earlier action items");
    expect(later).toContain(`href="${cited!.postmortem.url}#item-${cited!.id}"`);
    const earlier = read(`postmortems/${cited!.postmortem.id}/index.html`);
    const row = new RegExp(`<tr id="item-${cited!.id}"[\\s\\S]*?</tr>`).exec(earlier)?.[0] ?? "";
    expect(row).toContain(`data-cited-by="${citation.postmortemId}"`);
    expect(row).toContain(citation.whileOpen ? ", while still open." : ", after it was done.");
  });

  it("shows outstanding and overdue counts on the home page, linking to the ledger", () => {
    const home = read("index.html");
    expect(home).toContain('href="/action-items/"');
    expect(figure(home, "outstanding")).toBe(String(ledger.summary.outstanding));
    expect(figure(home, "overdue")).toBe(String(ledger.summary.overdue));
  });
});
