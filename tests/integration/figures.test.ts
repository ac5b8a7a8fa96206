/**
 * One meaning per figure, across the built sample site (HINDSIGHT_TODAY pinned): every figure a published
 * postmortem shows — on the home list, the archive years, the service, team, tag, cause and severity pages,
 * its own page, /postmortems.json, the search metadata, the ledger and the exports — carries the same value
 * under the same label, the glossary's. And the ledger agrees with itself: cards, sections, team tables and
 * the home banner.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { buildLedger, groupByStatus, type LedgerItem } from "../../src/lib/action-items/ledger.ts";
import { loadContent } from "../../src/lib/action-items/load-content.ts";
import { lateness } from "../../src/lib/action-items/overdue.ts";
import {
  FIGURES,
  LIST_DURATION_FIGURES,
  POSTMORTEM_DURATION_FIGURES,
  formatFigure,
  shownDurations,
} from "../../src/lib/figures/glossary.ts";
import { formatCalendarDate } from "../../src/lib/format/instant.ts";
import { followThroughByTeam } from "../../src/lib/insights/action-items.ts";
import { incidentDate } from "../../src/lib/postmortem/dates.ts";
import { computeDurations } from "../../src/lib/postmortem/durations.ts";
import { publishedOnly } from "../../src/lib/postmortem/visibility.ts";
import { element } from "../support/html.ts";
import { ROOT, SAMPLE_DIST, SAMPLE_TODAY } from "../support/paths.ts";

const content = loadContent(join(ROOT, "content"));
const published = publishedOnly(content.postmortems);
const ledger = buildLedger(content.postmortems, SAMPLE_TODAY);
const read = (path: string) => readFileSync(join(SAMPLE_DIST, path), "utf8");
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();

/** Every built HTML page, as site paths. */
function allPages(dir = SAMPLE_DIST, prefix = "/"): string[] {
  return readdirSync(join(dir), { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory())
      return entry.name === "pagefind" || entry.name === "_astro"
        ? []
        : allPages(join(dir, entry.name), `${prefix}${entry.name}/`);
    return entry.name === "index.html" ? [prefix] : [];
  });
}
const pages = allPages().map((path) => ({ path, html: read(join(path, "index.html")) }));

/** The duration figures a list entry or key-times block shows, as "Label value" strings. */
function shownIn(html: string): string[] {
  return [...html.matchAll(/data-duration="([a-zA-Z]+)"[^>]*>([\s\S]*?)<\/(?:span|div)>/g)].map((m) => text(m[2]!));
}

/** The entry of a postmortem list (`PostmortemList.astro`) that links to a postmortem, or undefined. */
function listEntry(html: string, id: string): string | undefined {
  const at = html.indexOf(`<a href="/postmortems/${id}/"`);
  if (at < 0 || html.lastIndexOf("data-postmortem-list", at) <= html.lastIndexOf("</ol>", at)) return undefined;
  return html.slice(html.lastIndexOf("<li", at), html.indexOf("</li>", at) + 5);
}

describe("the figures of each published postmortem", () => {
  it("the sample has published postmortems and the build pinned its date", () => {
    expect(published.length).toBeGreaterThan(3);
    // So that the at-a-glance checks below reach their overdue count, not only the "no open items" case.
    expect(published.some((p) => ledger.items.some((i) => i.postmortem.id === p.id && i.isOpen))).toBe(true);
    expect(read("action-items/index.html")).toContain(`datetime="${SAMPLE_TODAY}"`);
  });

  for (const p of published) {
    const durations = computeDurations(p.data);
    const listed = shownDurations(durations, LIST_DURATION_FIGURES).map((f) => `${f.label} ${f.text}`);
    const detailed = shownDurations(durations, POSTMORTEM_DURATION_FIGURES).map((f) => `${f.label} ${f.text}`);

    it(`${p.id}: every list that shows it gives the same impact and time to resolve, under the glossary's labels`, () => {
      const lists = pages.filter((page) => listEntry(page.html, p.id) !== undefined);
      expect(lists.map((page) => page.path)).toContain("/");
      expect(lists.length).toBeGreaterThan(3); // home, archive year, service, severity, tag, cause pages …
      for (const page of lists) {
        const entry = listEntry(page.html, p.id)!;
        expect(shownIn(entry), page.path).toEqual(listed);
        expect(text(entry), page.path).toContain(formatCalendarDate(incidentDate(p.data)));
      }
    });

    it(`${p.id}: its own page gives the same durations, its search metadata the same date and severity`, () => {
      const html = read(`postmortems/${p.id}/index.html`);
      const keyTimes = element(html, /<dl[^>]*data-durations/);
      expect(shownIn(keyTimes)).toEqual(detailed);
      for (const f of listed) expect(detailed).toContain(f);
      expect(html).toContain(`<span data-pagefind-meta="date">${incidentDate(p.data)}</span>`);
      expect(html).toContain(`<span data-pagefind-meta="severity">${p.data.severity}</span>`);
    });

    it(`${p.id}: its "at a glance" block gives the list's durations, labelled by the glossary, and its overdue count`, () => {
      const html = read(`postmortems/${p.id}/index.html`);
      const impact = element(html, /<dd[^>]*data-glance="impact"/);
      expect(shownIn(impact)).toEqual(listed);
      expect(text(impact)).not.toMatch(/mitigated after|resolved after/);
      const followUp = element(html, /<dd[^>]*data-glance="follow-up"/);
      const own = ledger.items.filter((i) => i.postmortem.id === p.id);
      if (!own.some((i) => i.isOpen)) {
        expect(followUp).not.toContain("data-count-overdue");
        return;
      }
      const count = /data-count-overdue="([^"]*)"[^>]*>(\d+)</.exec(followUp);
      expect(count, "the overdue count carries its due dates for the browser").not.toBeNull();
      expect(count![1]!.split(" ").filter(Boolean).sort()).toEqual(
        own
          .filter((i) => i.isOpen)
          .map((i) => i.due)
          .sort(),
      );
      expect(Number(count![2])).toBe(own.filter((i) => i.overdue).length);
    });

    it(`${p.id}: /postmortems.json carries the same values under the same labels`, () => {
      const json = JSON.parse(read("postmortems.json")) as {
        postmortems: { id: string; date: string; durations: Record<string, { label: string; text: string } | null> }[];
      };
      const entry = json.postmortems.find((q) => q.id === p.id)!;
      expect(entry.date).toBe(incidentDate(p.data));
      const fromJson = POSTMORTEM_DURATION_FIGURES.flatMap((id) => {
        const d = entry.durations[id];
        return d ? [`${d.label} ${d.text}`] : [];
      });
      expect(fromJson).toEqual(detailed);
    });
  }

  it("/postmortems.json and the feeds count published postmortems only", () => {
    const json = JSON.parse(read("postmortems.json")) as { count: number; postmortems: { id: string }[] };
    expect(json.postmortems.map((q) => q.id).sort()).toEqual(published.map((q) => q.id).sort());
    expect(json.count).toBe(published.length);
    const rss = read("rss.xml");
    for (const q of content.postmortems.filter((x) => x.data.status !== "published")) expect(rss).not.toContain(q.id);
  });

  it("insights count the published postmortems only", () => {
    const html = read("insights/index.html");
    expect(text(html)).toContain(`What ${published.length} published postmortems say together`);
  });
});

describe("each action item's figures", () => {
  const pagesWithRows = pages.filter((page) => page.html.includes("data-row"));
  const rows = (html: string) => [...html.matchAll(/<tr data-row[\s\S]*?<\/tr>/g)].map((m) => m[0]);
  const rowOf = (key: string) =>
    pagesWithRows.flatMap((page) =>
      rows(page.html)
        .filter((r) => r.includes(`data-key="${key}"`))
        .map((r) => ({ path: page.path, row: r })),
    );
  const csv = parse<Record<string, string>>(read("action-items.csv"), { bom: true, columns: true });
  const json = JSON.parse(read("action-items.json")) as {
    items: { key: string; ageDays: number | null; daysOverdue: number; overdue: boolean }[];
  };

  for (const item of ledger.items) {
    it(`${item.key}: the same lateness, age and status on every ledger page and in the exports`, () => {
      const shown = rowOf(item.key);
      expect(shown.length).toBeGreaterThan(0);
      const late = lateness(item, SAMPLE_TODAY);
      for (const { path, row } of shown) {
        expect(row, path).toContain(`data-status="${item.status}"`);
        if (item.overdue) expect(text(row), path).toContain(late.text);
        else expect(row, path).toMatch(/<span[^>]*data-overdue-for[^>]*\shidden/);
        const age = /data-age-since="[^"]*"[^>]*>([^<]*)</.exec(row)?.[1]?.trim();
        if (item.isOpen) expect(age, path).toBe(formatFigure("age", item.ageDays));
        else expect(age, path).toBeUndefined();
        if (item.recurredWhileOpen) expect(text(row), path).toContain(FIGURES.recurredWhileOpen.label);
        else expect(text(row), path).not.toContain(FIGURES.recurredWhileOpen.label);
      }
      const fromCsv = csv.find((r) => r["key"] === item.key)!;
      expect(fromCsv["age_days"]).toBe(item.ageDays === null ? "" : String(item.ageDays));
      expect(fromCsv["days_overdue"]).toBe(String(item.daysOverdue));
      const fromJson = json.items.find((i) => i.key === item.key)!;
      expect([fromJson.ageDays, fromJson.daysOverdue, fromJson.overdue]).toEqual([item.ageDays, item.daysOverdue, item.overdue]);
    });
  }
});

describe("the ledger agrees with itself", () => {
  const index = read("action-items/index.html");
  const figure = (html: string, id: string) => new RegExp(`data-figure="${id}"[^>]*>([^<]*)<`).exec(html)?.[1]?.trim();
  const section = (html: string, id: string) => element(html, `<section data-ledger-group="${id}"`);
  const keysIn = (html: string) => [...html.matchAll(/data-key="([^"]+)"/g)].map((m) => m[1]!);

  it("puts every item in exactly one section, its status's, across the ledger pages", () => {
    const seen = new Map<string, string[]>();
    for (const group of groupByStatus(ledger.items)) {
      const html =
        group.items.length > 0 && ["open", "in-progress", "blocked"].includes(group.id) ? section(index, group.id) : "";
      const groupPage = read(`action-items/${group.id}/index.html`);
      for (const key of [...keysIn(html), ...keysIn(groupPage)]) seen.set(key, [...(seen.get(key) ?? []), group.id]);
    }
    for (const item of ledger.items) expect([...new Set(seen.get(item.key))], item.key).toEqual([item.status]);
  });

  it("shows the same counts on the cards and the section headings", () => {
    const s = ledger.summary;
    expect(figure(index, "outstanding")).toBe(String(s.outstanding));
    for (const [id, count] of [
      ["open", s.open],
      ["inProgress", s.inProgress],
      ["blocked", s.blocked],
    ] as const) {
      expect(figure(index, id), id).toBe(String(count));
      const heading = /<span data-group-count[^>]*>(\d+)</.exec(section(index, id === "inProgress" ? "in-progress" : id))?.[1];
      expect(heading, id).toBe(String(count));
    }
    const markers = [...index.matchAll(/<span[^>]*data-overdue-for[^>]*>/g)].filter((m) => !/\shidden/.test(m[0]));
    expect(figure(index, "overdue")).toBe(String(s.overdue));
    expect(markers).toHaveLength(s.overdue);
  });

  it("a blocked item that is late is in the blocked section and marked overdue", () => {
    const late = ledger.items.filter((i: LedgerItem) => i.status === "blocked" && i.overdue);
    for (const item of late) {
      const row = section(index, "blocked")
        .split("<tr data-row")
        .find((r) => r.includes(`data-key="${item.key}"`));
      expect(row).toBeDefined();
      expect(text(row!)).toContain(lateness(item, SAMPLE_TODAY).text);
    }
  });

  it("the home banner gives the ledger's outstanding and overdue counts, with their inputs for the reader's date", () => {
    const home = read("index.html");
    expect(figure(home, "outstanding")).toBe(String(ledger.summary.outstanding));
    expect(figure(home, "overdue")).toBe(String(ledger.summary.overdue));
    const dues = /data-count-overdue="([^"]*)"/.exec(element(home, /<p[^>]*data-ledger-callout/))?.[1]?.split(" ") ?? [];
    expect(dues.sort()).toEqual(
      ledger.items
        .filter((i) => i.isOpen)
        .map((i) => i.due)
        .sort(),
    );
  });

  it("says how many items recurred while open exactly as many times as it flags them", () => {
    for (const path of [
      "action-items/index.html",
      ...["open", "in-progress", "blocked", "done", "wont-do"].map((g) => `action-items/${g}/index.html`),
    ]) {
      const html = read(path);
      const flagged = [...html.matchAll(/<div class="recurred"/g)].length;
      const said = Number(/data-recurred-count="(\d+)"/.exec(html)?.[1] ?? 0);
      expect(said, path).toBe(flagged);
    }
  });

  it("offers no overdue controls and shows no age on the Done page", () => {
    const done = read("action-items/done/index.html");
    expect(done).not.toContain("Most overdue first");
    expect(done).not.toContain('name="overdue"');
    expect(done).not.toContain("data-age-since");
    expect(done).toContain("Most recently completed first");
  });

  it("gives each team the same follow-through on the ledger and the teams index", () => {
    const teams = read("teams/index.html");
    const rows = followThroughByTeam(
      ledger.items,
      content.catalogs.teams.map((t) => t.id),
      SAMPLE_TODAY,
    ).filter((r) => r.total > 0);
    for (const r of rows) {
      for (const html of [index, teams]) {
        const row = element(html, `<tr data-team="${r.team}"`);
        expect(figure(row, "outstanding")).toBe(formatFigure("outstanding", r.outstanding));
        expect(figure(row, "overdue")).toBe(formatFigure("overdue", r.overdue));
        expect(figure(row, "completionRate")).toBe(formatFigure("completionRate", r.completionRate));
        expect(figure(row, "medianDaysToClose")).toBe(formatFigure("medianDaysToClose", r.medianDaysToClose));
      }
    }
  });

  it("labels every figure the same way wherever it links to its explanation (lower case only mid-sentence)", () => {
    for (const page of pages) {
      for (const m of page.html.matchAll(/data-figure-term="([a-zA-Z0-9]+)"[^>]*>([^<]*)</g)) {
        const label = FIGURES[m[1] as keyof typeof FIGURES].label;
        expect([label, label.toLowerCase()], `${page.path} ${m[1]}`).toContain(m[2]);
      }
    }
    const guide = read("guide/index.html");
    for (const id of Object.keys(FIGURES)) expect(guide).toContain(`>${FIGURES[id as keyof typeof FIGURES].label}</dt>`);
  });
});
