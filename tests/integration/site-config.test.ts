/**
 * A knowledge base of another organisation: a fixture content folder with its own `site.yaml`, built for
 * real. Its name, severity wording, footer and header links reach every surface, and neither "Hindsight" as
 * a site name nor the sample company appears anywhere in the site, its feeds or its exports.
 */
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_ERRORS, createContent, type ContentFixture } from "../support/content-fixture.ts";
import { buildSite, type BuildResult } from "../support/site.ts";

const SITE_YAML = `organisation: Example Org
siteName: Example Org incident reviews
logo:
  src: /favicon.svg
  alt: ""
url: https://reviews.example.org
locale: en-US
dateStyle: long
severities:
  SEV2:
    label: High
    description: Many customers notice; the incident commander pages the owning team.
footer:
  incidentProcess:
    url: https://wiki.example.org/incidents
  questions:
    url: https://chat.example.org/incidents
    text: "Ask in #incidents"
reportIncident:
  url: https://oncall.example.org/declare
  text: Declare an incident
`;

/** The sample company's name, which must never leak into another organisation's site. */
const SAMPLE_COMPANY = /Lumen/i;

let content: ContentFixture;
let build: BuildResult;
let files: { path: string; text: string }[];

beforeAll(async () => {
  content = createContent();
  content.write("site.yaml", SITE_YAML);
  build = await buildSite(`other-org-${process.pid}`, content.dir);
  if (build.code !== 0) throw new Error(`The fixture failed to build:\n${build.output}`);
  files = readdirSync(build.dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(html|xml|json|csv|ics|js|css|txt)$/.test(entry.name))
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { path: relative(build.dist, path).split(sep).join("/"), text: readFileSync(path, "utf8") };
    })
    .filter((file) => !file.path.startsWith("pagefind/"));
});

afterAll(() => {
  content.cleanup();
  rmSync(dirname(build.dist), { recursive: true, force: true });
});

const file = (path: string) => files.find((f) => f.path === path)!.text;

describe("a site built with another organisation's configuration", () => {
  it("names the site after the configuration in the header, titles and feeds", () => {
    const home = file("index.html");
    expect(home).toMatch(/<title>Example Org incident reviews<\/title>/);
    expect(home).toMatch(
      /<a class="brand[^"]*" href="\/"><img src="\/favicon.svg" alt[= ][^>]*>Example Org incident reviews<\/a>/,
    );
    expect(file(`postmortems/${API_ERRORS}/index.html`)).toContain(
      "<title>API returned errors after a deploy · Example Org incident reviews</title>",
    );
    expect(file("rss.xml")).toContain("<title>Example Org incident reviews</title>");
    expect(file("action-items.ics")).toContain("X-WR-CALNAME:Example Org incident reviews action items");
  });

  it("never calls the site Hindsight: the product is named only in the footer credit and the calendar's PRODID", () => {
    const mentions = files.flatMap((f) =>
      f.text
        .split("\n")
        .filter((line) => line.includes("Hindsight"))
        .map((line) =>
          line
            .replace(/<p class="credit[^"]*">Example Org incident reviews · built with Hindsight<\/p>/g, "")
            .replace(/^PRODID:-\/\/Hindsight\/\/Action items\/\/EN\r?$/, ""),
        )
        .filter((line) => line.includes("Hindsight"))
        .map((line) => `${f.path}: ${line.trim().slice(0, 160)}`),
    );
    expect(mentions).toEqual([]);
    // The credit is there, small and in the footer.
    expect(file("index.html")).toMatch(/<footer[\s\S]*built with Hindsight[\s\S]*<\/footer>/);
  });

  it("never mentions the sample company", () => {
    expect(files.filter((f) => SAMPLE_COMPANY.test(f.text)).map((f) => f.path)).toEqual([]);
  });

  it("shows the configured severity wording on badges, the severity pages and the guide", () => {
    expect(file(`postmortems/${API_ERRORS}/index.html`)).toMatch(
      /title="Many customers notice; the incident commander pages the owning team\."[^>]*>SEV2 · High</,
    );
    expect(file("severity/index.html")).toContain("High");
    expect(file("guide/index.html")).toMatch(/<code[^>]*>SEV2<\/code> High\s*<\/th>\s*<td[^>]*>Many customers notice/);
    // Levels the configuration leaves alone keep their default wording.
    expect(file("guide/index.html")).toMatch(/<code[^>]*>SEV3<\/code> Minor/);
  });

  it("puts the organisation's links in the footer and the report-an-incident link in the header", () => {
    const home = file("index.html");
    expect(home).toMatch(/<footer[\s\S]*<a href="https:\/\/wiki.example.org\/incidents"[^>]*>Incident process<\/a>/);
    expect(home).toMatch(/<footer[\s\S]*<a href="https:\/\/chat.example.org\/incidents"[^>]*>Ask in #incidents<\/a>/);
    expect(home).not.toContain("Who is on call");
    expect(home).toMatch(
      /<header[\s\S]*<a class="report[^"]*" href="https:\/\/oncall.example.org\/declare"[^>]*>\s*Declare an incident\s*<\/a>[\s\S]*<\/header>/,
    );
  });

  it("writes dates in the configured locale and style", () => {
    expect(file("index.html")).toMatch(/<time datetime="2024-03-01T10:00:00Z"[^>]*>March 1, 2024<\/time>/);
  });

  it("uses the configured public address in canonical links, feeds and exports", () => {
    const page = `https://reviews.example.org/postmortems/${API_ERRORS}/`;
    expect(file(`postmortems/${API_ERRORS}/index.html`)).toContain(`<link rel="canonical" href="${page}">`);
    expect(file("rss.xml")).toContain(`<link>${page}</link>`);
    expect(file("action-items.csv")).toContain(`${page}#item-A1`);
  });
});
