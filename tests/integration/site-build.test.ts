import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SAMPLE_DIST } from "../support/paths.ts";
import { readPostmortemFrontmatter } from "../support/sample-content.ts";

const SEV1 = "2016-01-04-dashboard-outage-deleted-metadata-tables";
const samples = readPostmortemFrontmatter();
const page = (id: string) => join(SAMPLE_DIST, "postmortems", id, "index.html");
const html = (id: string) => readFileSync(page(id), "utf8");

describe("the built sample knowledge base", () => {
  it("has one page for every postmortem that is not a draft, and none for drafts", () => {
    const drafts = samples.filter((s) => s.data.status === "draft");
    const visible = samples.filter((s) => s.data.status !== "draft");
    expect(drafts.length).toBeGreaterThan(0);
    for (const s of visible) expect(existsSync(page(s.id)), s.id).toBe(true);
    for (const s of drafts) expect(existsSync(page(s.id)), s.id).toBe(false);
    const built = readdirSync(join(SAMPLE_DIST, "postmortems"), { withFileTypes: true }).filter(
      (d) => existsSync(page(d.name)) && !readFileSync(page(d.name), "utf8").includes('http-equiv="refresh"'),
    );
    expect(built.map((d) => d.name).sort()).toEqual(visible.map((s) => s.id).sort());
  });

  it("lists every visible postmortem on the home page, newest first", () => {
    const home = readFileSync(join(SAMPLE_DIST, "index.html"), "utf8");
    const linked = [...home.matchAll(/<h2 class="title[^"]*"[^>]*><a href="\/postmortems\/([^/]+)\/"/g)].map((m) => m[1]);
    const expected = samples
      .filter((s) => s.data.status !== "draft")
      .sort((a, b) => Date.parse(String(b.data["started"])) - Date.parse(String(a.data["started"])))
      .map((s) => s.id);
    expect(linked).toEqual(expected);
  });

  it("shows the SEV1 timeline in Pacific time with machine-readable instants", () => {
    const out = html(SEV1);
    expect(out).toContain('<time datetime="2016-01-04T20:22:00-08:00" title="2016-01-05 04:22 UTC"');
    expect(out).toMatch(/<li class="event kind-trigger[^"]*"[^>]*><time datetime="2016-01-04T20:22:00-08:00"[^>]*>20:22<\/time>/);
    expect(out).toMatch(/4 Jan 2016, 20:22 PST<span class="offset[^"]*"> \(UTC−08:00\)<\/span>/);
    expect(out).toContain("11 Jan 2016, 15:23 PST");
  });

  it("shows the SEV1's computed durations: impact to mitigation and time to resolve", () => {
    const out = html(SEV1);
    expect(out).toMatch(/>Impact<\/a>\s*<\/dt>\s*<dd[^>]*>\s*<time datetime="PT3H15M"[^>]*>3 h 15 min<\/time>/);
    expect(out).toMatch(/>Time to resolve<\/a>\s*<\/dt>\s*<dd[^>]*>\s*<time datetime="P6DT19H1M"[^>]*>6 d 19 h<\/time>/);
  });

  it("shows the SEV1's action items with owner links and due dates", () => {
    const out = html(SEV1);
    const sev1 = samples.find((s) => s.id === SEV1)!;
    const items = sev1.data["actionItems"] as { id: string; owner: string }[];
    expect(items.length).toBeGreaterThan(3);
    for (const item of items) {
      expect(out).toContain(`data-action-key="${SEV1}#${item.id}"`);
      expect(out).toContain(`href="/teams/${item.owner}/"`);
    }
  });

  it("renders GFM in the body: table, task list, footnotes, strikethrough and autolinks", () => {
    const out = html(SEV1);
    expect(out).toContain("<table>");
    expect(out).toMatch(/<input[^>]*type="checkbox"[^>]*checked/);
    expect(out).toContain("data-footnote-ref");
    expect(out).toContain("data-footnotes");
    expect(out).toMatch(/<del>[^<]+<\/del>/);
    expect(out).toMatch(/<a href="https:\/\/amplitude\.com\/[^"]*"[^>]*>https:\/\/amplitude\.com/);
  });

  it("marks in-review postmortems with a banner", () => {
    const review = samples.find((s) => s.data.status === "in-review");
    expect(review).toBeDefined();
    expect(html(review!.id)).toMatch(/<strong[^>]*>In review.<\/strong>/);
  });

  it("loads at most one external enhancement script on a postmortem page, and no inline script", () => {
    const scripts = [...html(SEV1).matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeLessThanOrEqual(1);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/type="module" src="\/_astro\/[^"]+\.js"/);
      expect(body).toBe("");
    }
  });
});

describe("renamed postmortems", () => {
  it("redirect from every former id to the current page", () => {
    const renamed = samples.filter((s) => Array.isArray(s.data["aliases"]) && s.data.status !== "draft");
    expect(renamed.length).toBeGreaterThan(0);
    for (const s of renamed) {
      for (const alias of s.data["aliases"] as string[]) {
        const redirect = readFileSync(page(alias), "utf8");
        expect(redirect).toContain(`<meta http-equiv="refresh" content="0;url=/postmortems/${s.id}/">`);
      }
    }
  });
});
