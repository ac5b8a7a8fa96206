import { describe, expect, it } from "vitest";
import { normaliseBasePath } from "../../src/lib/schema/site.ts";
import { loadSiteConfig, parseSiteConfig } from "../../src/lib/site/config.ts";
import { formatDiagnostic } from "../../src/lib/validate/diagnostic.ts";
import { createContent } from "../support/content-fixture.ts";

const messages = (text: string, env = {}) => parseSiteConfig(text, "content/site.yaml", env).diagnostics.map(formatDiagnostic);

describe("site configuration", () => {
  it("without a file, the site is called Hindsight and served at the root", () => {
    const content = createContent();
    try {
      const { config, diagnostics } = loadSiteConfig(content.dir, {});
      expect(diagnostics).toEqual([]);
      expect(config).toMatchObject({
        siteName: "Hindsight",
        base: "/",
        origin: "https://hindsight.example.com",
        timeZone: undefined,
      });
      expect(config.severities.map((s) => s.label)).toEqual(["Critical", "Major", "Minor", "Low"]);
    } finally {
      content.cleanup();
    }
  });

  it("names the site after the organisation when no site name is given", () => {
    expect(parseSiteConfig("organisation: Example Org\n", "site.yaml").config.siteName).toBe("Example Org postmortems");
  });

  it("takes the base path from the path of url, and HINDSIGHT_BASE over both", () => {
    const text = "url: https://org.github.io/postmortems\n";
    expect(parseSiteConfig(text, "site.yaml").config).toMatchObject({ origin: "https://org.github.io", base: "/postmortems/" });
    expect(parseSiteConfig(text, "site.yaml", { HINDSIGHT_BASE: "kb" }).config.base).toBe("/kb/");
    expect(parseSiteConfig(text, "site.yaml", { HINDSIGHT_SITE: "https://intranet.example.com/" }).config.origin).toBe(
      "https://intranet.example.com",
    );
  });

  it.each([
    ["", "/"],
    ["/", "/"],
    ["kb", "/kb/"],
    ["/kb", "/kb/"],
    ["/kb/", "/kb/"],
    ["/a/b/", "/a/b/"],
  ])("normalises the base path %j to %j", (input, expected) => {
    expect(normaliseBasePath(input)).toBe(expected);
  });

  it("overrides only the severity wording it names, keeping the ids", () => {
    const { config } = parseSiteConfig("severities:\n  SEV2:\n    label: High\n", "site.yaml");
    expect(config.severities.map((s) => `${s.id} ${s.label}`)).toEqual(["SEV1 Critical", "SEV2 High", "SEV3 Minor", "SEV4 Low"]);
  });

  it("gives footer links default wording and keeps their order", () => {
    const { config } = parseSiteConfig(
      "footer:\n  questions:\n    url: https://chat.example.com/incidents\n    text: 'Ask in #incidents'\n  incidentProcess:\n    url: https://wiki.example.com/ip\n",
      "site.yaml",
    );
    expect(config.footerLinks).toEqual([
      { url: "https://wiki.example.com/ip", text: "Incident process" },
      { url: "https://chat.example.com/incidents", text: "Ask in #incidents" },
    ]);
  });

  it("locates each problem with file, line, column, field and a fix", () => {
    expect(
      messages(`organisaton: X
base: "/a b/"
severities:
  SEV1: { lable: x }
footer:
  onCall: { url: "javascript:alert(1)" }
logo: { src: "https://cdn.example.com/logo.png" }
`),
    ).toEqual([
      'content/site.yaml:1:1  organisaton  unknown key "organisaton" — did you mean "organisation"?',
      'content/site.yaml:2:7  base  "/a b/" is not a base path — use "/" for the root of the domain, or a folder such as "/postmortems/" (letters, digits, "-", "_", "." and "~" between the slashes)',
      'content/site.yaml:4:11  severities.SEV1.lable  unknown key "lable" — did you mean "label"?',
      'content/site.yaml:6:18  footer.onCall.url  "javascript:alert(1)" is not a link readers can follow — use an http, https or mailto URL, or a path on this site starting with "/"',
      'content/site.yaml:7:14  logo.src  "https://cdn.example.com/logo.png" is not a path on this site — put the image in public/ and write its path, such as "/logo.svg" (images from other hosts are blocked by the Content-Security-Policy)',
    ]);
  });

  it("reports a base that disagrees with the path of url", () => {
    expect(messages("url: https://org.github.io/postmortems/\nbase: /kb/\n")).toEqual([
      'content/site.yaml:2:7  base  "/kb/" disagrees with the path of url (/postmortems/) — remove base (it defaults to the path of url) or make the two agree',
    ]);
  });

  it("reports a bad HINDSIGHT_BASE by the variable's name", () => {
    expect(messages("", { HINDSIGHT_BASE: "/a b" })[0]).toMatch(
      /^HINDSIGHT_BASE:1:1  \(environment\)  "\/a b" is not a base path/,
    );
  });
});
