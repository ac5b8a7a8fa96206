import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { createContent, pm, type ContentFixture } from "../support/content-fixture.ts";
import { FIXTURES } from "../support/paths.ts";
import { hindsight } from "./hindsight.ts";

const fixtures: ContentFixture[] = [];
function fixture(): ContentFixture {
  const f = createContent();
  cpSync(join(FIXTURES, "import"), join(f.root, "old"), { recursive: true });
  fixtures.push(f);
  return f;
}
afterEach(() => {
  for (const f of fixtures.splice(0)) f.cleanup();
});

const SRE = "2025-05-14-nightly-billing-run-charged-212-customers-twice";
const GENERIC = "2025-01-15-login-page-returned-500-for-eu-customers";
const drafts = (f: ContentFixture) => readdirSync(join(f.dir, "postmortems")).sort();
const importIn = (f: ContentFixture, ...args: string[]) =>
  hindsight(["import", ...args], { cwd: f.root, env: { HINDSIGHT_CONTENT: "content" } });

describe("hindsight import", () => {
  test("writes one draft per Markdown and HTML source in a folder, and the folder still validates", async () => {
    const f = fixture();
    const result = await importIn(f, "old");
    expect(result.code).toBe(0);
    expect(drafts(f)).toEqual(
      expect.arrayContaining([
        "2023-09-28-search-results-empty-after-an-index-rebuild.mdx",
        "2024-03-05-checkout-payments-failed-after-a-card-processor-certificate.mdx",
        `${GENERIC}.mdx`,
        `${SRE}.mdx`,
      ]),
    );
    expect(result.stdout).toContain("4 sources: 4 written, 0 unchanged, 0 refused, 0 failed.");
    const validate = await hindsight(["validate", "--content", "content"], { cwd: f.root });
    expect(validate.stdout).toContain("6 postmortems and 3 catalogs are valid");
    expect(validate.code).toBe(0);
  });

  test("reports per file and in total as a table: rows recovered, items, fields to fill and warnings", async () => {
    const f = fixture();
    const result = await importIn(f, "old/generic.md");
    const row = result.lines.find((l) => l.startsWith("old/generic.md"))!;
    expect(row.split(/\s{2,}/)).toEqual(["old/generic.md", GENERIC, "created", "4/4", "3", "20", "1"]);
    expect(result.stdout).toContain(
      'timeline rows out of order in the source ("2025-01-15 10:09", "2025-01-15 10:29"): sorted by time',
    );
    expect(result.stdout).toMatch(/to fill: authors, services, teams, .*causes\.\*\.category \(3\)/);
    expect(result.stdout).toContain("Timeline rows: 4 of 4 in the timeline, 0 without an exact time kept in the body.");
  });

  test("reports as JSON with --format json", async () => {
    const f = fixture();
    const result = await importIn(f, "old/confluence.html", "--format", "json");
    const report = JSON.parse(result.stdout) as {
      files: { id: string; todo: string[]; lost: string[]; problems: string[] }[];
      totals: Record<string, unknown>;
    };
    expect(report.totals).toMatchObject({
      files: 1,
      valid: 1,
      timelineRowsInSources: 5,
      timelineRowsRecovered: 4,
      timelineRowsKeptInBody: 1,
      actionItems: 2,
      lostSentences: 0,
    });
    expect(report.files[0]).toMatchObject({
      id: "2023-09-28-search-results-empty-after-an-index-rebuild",
      lost: [],
      problems: [],
    });
  });

  test("changes nothing when the same source is imported again, and rewrites it with --force", async () => {
    const f = fixture();
    await importIn(f, "old/sre-template.md");
    f.edit(pm(SRE), 'severity: "SEV3"', 'severity: "SEV2"');
    const again = await importIn(f, "old/sre-template.md");
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("1 source: 0 written, 1 unchanged");
    expect(f.read(pm(SRE))).toContain('severity: "SEV2"');
    const forced = await importIn(f, "old/sre-template.md", "--force");
    expect(forced.lines.find((l) => l.startsWith("old/"))).toContain("updated");
    expect(f.read(pm(SRE))).toContain('severity: "SEV3"');
  });

  test("refuses a source that changed since its import unless --force, naming the draft", async () => {
    const f = fixture();
    await importIn(f, "old/sre-template.md");
    const source = join(f.root, "old", "sre-template.md");
    writeFileSync(source, readFileSync(source, "utf8").replace("18,340 EUR", "18,430 EUR"));
    const refused = await importIn(f, "old/sre-template.md");
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(`changed since it was imported as ${SRE} — pass --force to replace that draft`);
    expect((await importIn(f, "old/sre-template.md", "--force")).code).toBe(0);
    expect(f.read(pm(SRE))).toContain("18,430 EUR");
  });

  test("gives a second source with the same date and title a -2 id, in the order of the source paths", async () => {
    const f = fixture();
    cpSync(join(f.root, "old", "generic.md"), join(f.root, "old", "generic-copy.md"));
    writeFileSync(
      join(f.root, "old", "generic-copy.md"),
      `${readFileSync(join(f.root, "old", "generic.md"), "utf8")}\nA second account.\n`,
    );
    const result = await importIn(f, "old/generic.md", "old/generic-copy.md");
    expect(result.code).toBe(0);
    expect(result.lines.find((l) => l.startsWith("old/generic-copy.md"))).toContain(GENERIC + " ");
    expect(result.lines.find((l) => l.startsWith("old/generic.md"))).toContain(`${GENERIC}-2`);
    expect(existsSync(join(f.dir, pm(`${GENERIC}-2`)))).toBe(true);
  });

  test("--dry-run reports what would be written and writes nothing", async () => {
    const f = fixture();
    const before = drafts(f);
    const result = await importIn(f, "old", "--dry-run");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("would create");
    expect(result.stdout).toContain("4 would be written (dry run: nothing written)");
    expect(drafts(f)).toEqual(before);
  });

  test("--timezone sets the zone of a document that states none", async () => {
    const f = fixture();
    writeFileSync(
      join(f.root, "old", "bare.md"),
      "# Disk full\n\n## Timeline\n\n| Time | Event |\n| --- | --- |\n| 2024-07-02 03:04 | Disk full. |\n",
    );
    await importIn(f, "old/bare.md", "--timezone", "America/New_York");
    const text = f.read(pm("2024-07-02-disk-full"));
    expect(text).toContain('timezone: "America/New_York"');
    expect(text).toContain('started: "2024-07-02T03:04:00-04:00"');
  });

  test("fails a source it cannot date with a fix, and refuses bad options with usage errors", async () => {
    const f = fixture();
    writeFileSync(join(f.root, "old", "notes.md"), "# Notes\n\nSomething broke.\n");
    const failed = await importIn(f, "old/notes.md");
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain("no date found");
    expect((await importIn(f, "old/notes.txt")).stderr).toContain("does not exist");
    expect((await importIn(f, "old", "--format", "xml")).code).toBe(2);
    const zone = await importIn(f, "old", "--timezone", "Mars/Olympus");
    expect(zone.code).toBe(2);
    expect(zone.stderr).toContain('"Mars/Olympus" is not an IANA time zone');
  });
});
