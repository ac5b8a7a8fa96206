import { readFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { RSS_LIMIT } from "../../src/lib/feeds/rss.ts";
import { computeDurations } from "../../src/lib/postmortem/durations.ts";
import type { PostmortemJson } from "../../src/lib/feeds/json.ts";
import { readPage } from "../support/html.ts";
import { SAMPLE_DIST } from "../support/paths.ts";
import { visibleSamples } from "../support/sample-records.ts";

const samples = visibleSamples();
const published = samples.filter((s) => s.data.status === "published");

interface RssItem {
  title: string;
  link: string;
  guid: string | { "#text": string };
  pubDate: string;
  description: string;
  category: string | string[];
}

describe("the RSS feed", () => {
  const xml = readFileSync(join(SAMPLE_DIST, "rss.xml"), "utf8");
  const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml) as {
    rss: { "@_version": string; channel: { title: string; item: RssItem | RssItem[] } };
  };
  const items = [parsed.rss.channel.item].flat();

  it("is RSS 2.0 that a real parser reads", () => {
    expect(parsed.rss["@_version"]).toBe("2.0");
    // The site name from content/site.yaml.
    expect(parsed.rss.channel.title).toBe("Lumen Analytics postmortems");
  });

  it("has one item per published postmortem, newest first, linking to absolute page URLs", () => {
    expect(items).toHaveLength(Math.min(RSS_LIMIT, published.length));
    expect(items.map((i) => new URL(i.link).pathname)).toEqual(published.slice(0, RSS_LIMIT).map((p) => `/postmortems/${p.id}/`));
    const dates = items.map((i) => Date.parse(i.pubDate));
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
  });

  it("leaves out postmortems still in review", () => {
    const inReview = samples.filter((s) => s.data.status === "in-review");
    for (const p of inReview) expect(xml).not.toContain(`/postmortems/${p.id}/`);
  });

  it("is advertised in the head of every page", () => {
    for (const path of ["/", "/insights/", `/postmortems/${samples[0]!.id}/`]) {
      expect(readPage(SAMPLE_DIST, path)).toMatch(
        /<link rel="alternate" type="application\/rss\+xml" title="[^"]+" href="\/rss\.xml"/,
      );
    }
  });
});

describe("the JSON export", () => {
  const doc = JSON.parse(readFileSync(join(SAMPLE_DIST, "postmortems.json"), "utf8")) as {
    format: string;
    version: number;
    count: number;
    postmortems: PostmortemJson[];
  };

  it("declares its format and version and holds every visible postmortem, newest first", () => {
    expect([doc.format, doc.version]).toEqual(["hindsight.postmortems", 1]);
    expect(doc.count).toBe(samples.length);
    expect(doc.postmortems.map((p) => p.id)).toEqual(samples.map((s) => s.id));
  });

  it("carries durations computed from the key times", () => {
    for (const p of doc.postmortems) {
      const sample = samples.find((s) => s.id === p.id)!;
      const d = computeDurations(sample.data);
      expect(p.durations.timeToDetect?.milliseconds, p.id).toBe(d.timeToDetect);
      expect(p.durations.timeToResolve?.milliseconds ?? null, p.id).toBe(d.timeToResolve);
    }
  });
});
