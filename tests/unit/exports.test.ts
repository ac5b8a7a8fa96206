import { parse } from "csv-parse/sync";
import ical from "node-ical";
import { describe, expect, it } from "vitest";
import {
  CSV_COLUMNS,
  LEDGER_JSON_VERSION,
  csvSafeCell,
  ledgerCsv,
  ledgerIcs,
  ledgerJson,
} from "../../src/lib/action-items/exports.ts";
import { buildLedger } from "../../src/lib/action-items/ledger.ts";
import { formatTable } from "../../src/lib/action-items/report.ts";
import { item, postmortem } from "../fixtures/ledger-content.ts";

const TODAY = "2026-11-26";
const OPTIONS = {
  site: "https://hindsight.example.com",
  generated: "2026-11-26T08:00:00.000Z",
  teamName: (id: string) => (id === "web-app" ? "Web App (Zürich)" : id),
};

/** Titles and reasons with every character that breaks naive CSV or iCalendar writers. */
const TRICKY_TITLE = 'Rotate the "staging" keys, then audit; café ✓ — 東京';
const ledger = buildLedger(
  [
    postmortem(
      "2026-10-01-tricky",
      [
        item({ id: "A1", title: TRICKY_TITLE, assignee: "Zoë O'Brien", due: "2026-11-20", priority: "P0" }),
        item({
          id: "A2",
          title: "Line one,\nline two",
          status: "wont-do",
          reason: 'Replaced by "A1", see *notes*',
          due: "2026-12-01",
        }),
        item({ id: "A3", title: "Add the `quota` alert", status: "done", completed: "2026-10-05", due: "2026-10-30" }),
        item({
          id: "A4",
          title: "Backslash \\ and semicolon; comma, done",
          status: "in-progress",
          due: "2026-12-24",
          ticket: "https://tracker.example.com/OPS-9?a=1&b=2",
        }),
      ],
      { title: 'Keys "leaked", briefly; sorry' },
    ),
  ],
  TODAY,
);

describe("JSON export", () => {
  const json = ledgerJson(ledger, OPTIONS);

  it("is versioned and dated", () => {
    expect(json).toMatchObject({
      version: LEDGER_JSON_VERSION,
      generated: OPTIONS.generated,
      today: TODAY,
      summary: ledger.summary,
    });
  });

  it("gives every item every key, absent values as null, and absolute links", () => {
    const keys = Object.keys(json.items[0]!).sort();
    for (const entry of json.items) expect(Object.keys(entry).sort()).toEqual(keys);
    expect(json.items[0]).toMatchObject({
      key: "2026-10-01-tricky#A1",
      titleText: TRICKY_TITLE,
      ownerName: "Web App (Zürich)",
      assignee: "Zoë O'Brien",
      completed: null,
      overdue: true,
      daysOverdue: 6,
      postmortem: { url: "https://hindsight.example.com/postmortems/2026-10-01-tricky/" },
    });
  });

  it("survives a JSON round trip unchanged", () => {
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

describe("CSV export", () => {
  const csv = ledgerCsv(ledger, OPTIONS);

  it("starts with a UTF-8 byte-order mark and ends records with CRLF", () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split("\r\n")[0]).toBe(`\uFEFF${CSV_COLUMNS.map(([name]) => name).join(",")}`);
  });

  it("parses back with csv-parse to the same values, quotes, commas, newlines and non-ASCII included", () => {
    const records = parse<Record<string, string>>(csv, { bom: true, columns: true });
    expect(records).toHaveLength(4);
    expect(records[0]).toMatchObject({
      key: "2026-10-01-tricky#A1",
      postmortem_title: 'Keys "leaked", briefly; sorry',
      title: TRICKY_TITLE,
      owner_name: "Web App (Zürich)",
      assignee: "Zoë O'Brien",
      overdue: "yes",
      days_overdue: "6",
      url: "https://hindsight.example.com/postmortems/2026-10-01-tricky/#item-A1",
    });
    expect(records[1]).toMatchObject({ title: "Line one,\nline two", reason: 'Replaced by "A1", see notes', status: "wont-do" });
    expect(records[2]).toMatchObject({ title: "Add the quota alert", completed: "2026-10-05", days_to_close: "4" });
    expect(records[3]).toMatchObject({
      title: "Backslash \\ and semicolon; comma, done",
      ticket: "https://tracker.example.com/OPS-9?a=1&b=2",
    });
  });
});

describe("iCalendar export", () => {
  const text = ledgerIcs(ledger, OPTIONS);
  const events = Object.values(ical.sync.parseICS(text)).filter((c): c is ical.VEvent => c?.type === "VEVENT");
  const day = (e: ical.VEvent | undefined) => [e!.start.getFullYear(), e!.start.getMonth() + 1, e!.start.getDate()];
  const urlOf = (e: ical.VEvent | undefined) => {
    const url: unknown = e?.url;
    return typeof url === "string" ? url : (url as { val: string }).val;
  };

  it("has an entry per item not yet due, one for the overdue items, and none for done or won't-do items", () => {
    expect(events.map((e) => e.uid).sort()).toEqual([
      "2026-10-01-tricky-A4@hindsight.example.com",
      "overdue@hindsight.example.com",
    ]);
  });

  it("puts an item not yet due on its due date as an all-day event with a link back to the postmortem", () => {
    const fourth = events.find((e) => e.uid.includes("-A4@"));
    expect(fourth?.start.dateOnly).toBe(true);
    expect(day(fourth)).toEqual([2026, 12, 24]);
    expect(urlOf(fourth)).toBe("https://hindsight.example.com/postmortems/2026-10-01-tricky/#item-A4");
  });

  it("lists overdue items on the day the ledger was computed, not on their past due dates", () => {
    const late = events.find((e) => e.uid.startsWith("overdue@"));
    expect(late?.start.dateOnly).toBe(true);
    expect(day(late)).toEqual([2026, 11, 26]);
    expect(late?.summary).toBe("1 action item overdue");
    expect(late?.description).toContain(`[P0] ${TRICKY_TITLE} — Web App (Zürich), due 20 Nov 2026 (6 days overdue)`);
    expect(late?.description).toContain("https://hindsight.example.com/postmortems/2026-10-01-tricky/#item-A1");
    expect(urlOf(late)).toBe("https://hindsight.example.com/action-items/?overdue=1");
  });

  it("leaves the overdue entry out when nothing is late", () => {
    const early = buildLedger([postmortem("2026-10-01-calm", [item({ id: "A1", due: "2026-12-20" })])], TODAY);
    const parsed = Object.values(ical.sync.parseICS(ledgerIcs(early, OPTIONS))).filter((c) => c?.type === "VEVENT");
    expect(parsed.map((e) => e.uid)).toEqual(["2026-10-01-calm-A1@hindsight.example.com"]);
  });

  it("parses back with node-ical to the same summary and description, special characters included", () => {
    const fourth = events.find((e) => e.uid.includes("-A4@"));
    expect(fourth?.summary).toBe("[P2] Backslash \\ and semicolon; comma, done");
    expect(fourth?.description).toContain("Status: in-progress");
    expect(fourth?.description).toContain('From: Keys "leaked", briefly; sorry (2026-10-01)');
  });
});

describe("text that looks like markup or a formula", () => {
  const hostile = buildLedger(
    [
      postmortem(
        "2026-10-02-markup",
        [
          item({ id: "A1", title: "Call AT&T about List<String> and <b>", due: "2026-11-20" }),
          item({ id: "A2", title: '=HYPERLINK("https://evil.example","x")', assignee: "@admin", due: "2026-11-21" }),
          item({ id: "A3", title: "+1 to the retry budget", assignee: "-Ops", due: "2026-11-22" }),
          item({ id: "A4", title: "Escape `AT&amp;T` and **bold**", due: "2026-11-23" }),
        ],
        { title: "=cmd|' /C calc'!A0 <b>AT&T</b>" },
      ),
    ],
    TODAY,
  );

  it("keeps ampersands and angle brackets as written in the JSON titleText", () => {
    const titles = ledgerJson(hostile, OPTIONS).items.map((i) => i.titleText);
    expect(titles).toContain("Call AT&T about List<String> and <b>");
    expect(titles).toContain("Escape AT&amp;T and bold");
  });

  it("writes no CSV cell a spreadsheet would evaluate, and quotes the ones that look like formulas", () => {
    const records = parse<Record<string, string>>(ledgerCsv(hostile, OPTIONS), { bom: true, columns: true });
    for (const record of records) {
      for (const value of Object.values(record)) expect(value).not.toMatch(/^[=+\-@\t\r]/);
    }
    const byKey = new Map(records.map((r) => [r.key, r]));
    expect(byKey.get("2026-10-02-markup#A1")?.title).toBe("Call AT&T about List<String> and <b>");
    expect(byKey.get("2026-10-02-markup#A2")).toMatchObject({
      title: `'=HYPERLINK("https://evil.example","x")`,
      assignee: "'@admin",
    });
    expect(byKey.get("2026-10-02-markup#A3")).toMatchObject({ title: "'+1 to the retry budget", assignee: "'-Ops" });
    expect(byKey.get("2026-10-02-markup#A1")?.postmortem_title).toBe("'=cmd|' /C calc'!A0 <b>AT&T</b>");
  });

  it("neutralises every trigger OWASP lists: = + - @ tab and carriage return", () => {
    expect(["=1", "+1", "-1", "@x", "\tx", "\rx", "a=1", "1-2"].map(csvSafeCell)).toEqual([
      "'=1",
      "'+1",
      "'-1",
      "'@x",
      "'\tx",
      "'\rx",
      "a=1",
      "1-2",
    ]);
  });

  it("gives the calendar the same decoded text", () => {
    const events = Object.values(ical.sync.parseICS(ledgerIcs(hostile, OPTIONS))).filter(
      (c): c is ical.VEvent => c?.type === "VEVENT",
    );
    // Every hostile item is late, so each is a line of the one overdue entry.
    const late = events.find((e) => e.uid.startsWith("overdue@"));
    const description = late?.description;
    expect(typeof description).toBe("string");
    expect(description).toContain("- [P2] Call AT&T about List<String> and <b> — Web App (Zürich), due 20 Nov 2026");
    expect(description).toContain('- [P2] =HYPERLINK("https://evil.example","x") — ');
    expect(description).toContain("- [P2] Escape AT&amp;T and bold — ");
    expect(description).not.toMatch(/&#x26;|&amp;amp;/);
  });

  it("prints the decoded text in the terminal table", () => {
    const table = formatTable(hostile.items, { today: TODAY });
    expect(table).toContain("Call AT&T about List<String> and <b>");
    expect(table).not.toContain("&#x26;");
  });
});
