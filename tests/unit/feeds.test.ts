import { getRssString } from "@astrojs/rss";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { indexCatalogs } from "../../src/lib/catalog-index.ts";
import { FORMAT_VERSION, postmortemsJson } from "../../src/lib/feeds/json.ts";
import { rssItems } from "../../src/lib/feeds/rss.ts";
import { record, timesFrom } from "../fixtures/postmortem-records.ts";

const catalog = indexCatalogs({
  teams: [{ id: "payments", name: "Payments" }],
  services: [{ id: "checkout", name: "Checkout", owner: "payments", tier: "tier-1" }],
  categories: [{ id: "configuration-change", name: "Configuration change", description: "Config." }],
});
const site = new URL("https://kb.example.com");
const sample = [
  record("2024-03-01-b", { title: "Checkout `500`s", ...timesFrom("2024-03-01T10:00:00Z", 5, 65), related: ["2024-01-01-a"] }),
  record("2024-02-01-r", { status: "in-review", ...timesFrom("2024-02-01T10:00:00Z", 5, 60) }),
  record("2024-01-01-a", { ...timesFrom("2024-01-01T10:00:00Z", 5, 60) }),
];

describe("the RSS items", () => {
  it("lists published postmortems only, newest first, with plain-text titles", () => {
    const items = rssItems([...sample].reverse());
    expect(items.map((i) => i.link)).toEqual(["/postmortems/2024-03-01-b/", "/postmortems/2024-01-01-a/"]);
    // Titles are plain text in the schema, shown as written on the site; the feed does the same.
    expect(items[0]!.title).toBe("[SEV2] Checkout `500`s");
    expect(items[0]!.pubDate.toISOString()).toBe("2024-03-01T10:00:00.000Z");
    expect(items[0]!.categories).toEqual(["SEV2", "checkout", "payments"]);
  });

  it("stops at the limit", () => {
    expect(rssItems(sample, 1)).toHaveLength(1);
  });

  it("carries titles and summaries with ampersands and angle brackets through the XML unchanged", async () => {
    const titles = ["AT&T outage", "List<String> broke parsing", "<b>"];
    const records = titles.map((title, n) =>
      record(`2024-0${n + 4}-01-m`, {
        title,
        summary: `${title} & more <i>`,
        ...timesFrom(`2024-0${n + 4}-01T10:00:00Z`, 5, 60),
      }),
    );
    const xml = await getRssString({ title: "t", description: "d", site: "https://kb.example.com", items: rssItems(records) });
    const parsed = new XMLParser({ processEntities: true }).parse(xml) as {
      rss: { channel: { item: { title: string; description: string }[] } };
    };
    const items = parsed.rss.channel.item;
    expect(items.map((i) => i.title).sort()).toEqual(titles.map((t) => `[SEV2] ${t}`).sort());
    expect(items.map((i) => i.description)).toContain("AT&T outage & more <i>");
  });
});

describe("the JSON export", () => {
  const doc = postmortemsJson(sample, catalog, site);

  it("declares its format and version and counts its postmortems", () => {
    expect([doc.format, doc.version, doc.count, doc.site]).toEqual([
      "hindsight.postmortems",
      FORMAT_VERSION,
      3,
      "https://kb.example.com/",
    ]);
  });

  it("carries computed durations in milliseconds, ISO 8601 and words", () => {
    const first = doc.postmortems[0]!;
    expect(first.durations.timeToDetect).toEqual({ milliseconds: 300_000, iso: "PT5M", text: "5 min" });
    expect(first.durations.timeToResolve).toEqual({ milliseconds: 3_900_000, iso: "PT1H5M", text: "1 h 5 min" });
    expect(first.durations.timeToMitigate).toBeNull();
  });

  it("names catalog entries next to their ids and gives absolute URLs", () => {
    const first = doc.postmortems[0]!;
    expect(first.services).toEqual([{ id: "checkout", name: "Checkout" }]);
    expect(first.causes[0]!.category).toEqual({ id: "configuration-change", name: "Configuration change" });
    expect(first.url).toBe("https://kb.example.com/postmortems/2024-03-01-b/");
    expect(first.actionItems[0]!.key).toBe("2024-03-01-b#A1");
  });

  it("includes backlinks in related", () => {
    expect(doc.postmortems.find((p) => p.id === "2024-01-01-a")!.related).toEqual(["2024-03-01-b"]);
  });

  it("survives a round trip through JSON unchanged", () => {
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });
});
