import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { contentFixtures } from "../support/content-fixture.ts";
import { hindsight } from "./hindsight.ts";

const fixture = contentFixtures();

const FLAGS = [
  "--title",
  "Checkout failed for EU customers",
  "--severity",
  "SEV2",
  "--services",
  "api,website",
  "--started",
  "2026-11-20T14:05",
  "--timezone",
  "Europe/Berlin",
  "--author",
  "Ada",
];
const FILE = "content/postmortems/2026-11-20-checkout-failed-for-eu-customers.mdx";

describe("hindsight new", () => {
  test("writes a draft named after the start date and title, and prints the path and next steps", async () => {
    const f = fixture();
    const result = await hindsight(["new", "--content", "content", ...FLAGS], { cwd: f.root });
    expect(result.code).toBe(0);
    expect(result.lines[0]).toBe(`Created ${FILE}`);
    expect(result.stdout).toContain("Next steps:");
    expect(result.stdout).toContain("npm run validate");
    const text = readFileSync(join(f.root, FILE), "utf8");
    expect(text).toContain("status: draft");
    expect(text).toContain('started: "2026-11-20 14:05"'); // the short wall-clock form, read in timezone
    expect(text).toContain("teams: [platform, web]");
    expect(text).toContain("authors: [Ada]");
    for (const section of [
      "impact:",
      "detection:",
      "timeline:",
      "causes:",
      "lessons:",
      "actionItems:",
      "## What happened",
      "## Why it happened",
    ])
      expect(text).toContain(section);
  });

  test("its output passes validate", async () => {
    const f = fixture();
    await hindsight(["new", "--content", "content", ...FLAGS], { cwd: f.root });
    const result = await hindsight(["validate", "--content", "content"], { cwd: f.root });
    expect(result.stdout.trim()).toBe("✔ 3 postmortems and 3 catalogs are valid.");
    expect(result.code).toBe(0);
  });

  test("refuses to overwrite an existing postmortem", async () => {
    const f = fixture();
    await hindsight(["new", "--content", "content", ...FLAGS], { cwd: f.root });
    const before = readFileSync(join(f.root, FILE), "utf8");
    const result = await hindsight(["new", "--content", "content", ...FLAGS, "--author", "Someone Else"], { cwd: f.root });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${FILE} already exists — edit it`);
    expect(readFileSync(join(f.root, FILE), "utf8")).toBe(before);
  });

  test("refuses a start time the clocks skipped in the author's zone, offering both offsets, and writes nothing", async () => {
    const f = fixture();
    const flags = FLAGS.map((flag) => (flag === "2026-11-20T14:05" ? "2026-03-29T02:30" : flag));
    const result = await hindsight(["new", "--content", "content", ...flags], { cwd: f.root });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('"2026-03-29 02:30" never happened in Europe/Berlin');
    expect(result.stderr).toContain('"2026-03-29T02:30:00+01:00" or "2026-03-29T02:30:00+02:00"');
    expect(existsSync(join(f.root, "content/postmortems/2026-03-29-checkout-failed-for-eu-customers.mdx"))).toBe(false);
  });

  test('--author "Raman, Priya" is one author, and --author may be repeated', async () => {
    const f = fixture();
    const flags = FLAGS.filter((flag) => flag !== "--author" && flag !== "Ada");
    const result = await hindsight(["new", "--content", "content", ...flags, "--author", "Raman, Priya", "--author", "Lee"], {
      cwd: f.root,
    });
    expect(result.code).toBe(0);
    const yaml = /^---\n([\s\S]*?)\n---\n/.exec(readFileSync(join(f.root, FILE), "utf8"))![1]!;
    expect((parse(yaml) as { authors: string[] }).authors).toEqual(["Raman, Priya", "Lee"]);
    const validated = await hindsight(["validate", "--content", "content"], { cwd: f.root });
    expect(validated.code).toBe(0);
  });

  test("a line break in an author's name is refused, and no file is written", async () => {
    const f = fixture();
    const result = await hindsight(["new", "--content", "content", ...FLAGS, "--author", "Eve\n---\nstatus: published"], {
      cwd: f.root,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('author "Eve\\n---\\nstatus: published" is not one line of text — pass each author');
    expect(existsSync(join(f.root, FILE))).toBe(false);
  });

  test("without a terminal, a missing title is an error that says which flag to pass", async () => {
    const f = fixture();
    const result = await hindsight(["new", "--content", "content", "--severity", "SEV3", "--services", "api"], { cwd: f.root });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('a title is required — pass --title "');
  });

  test("an unknown service is refused with the known ones listed", async () => {
    const f = fixture();
    const result = await hindsight(
      ["new", "--content", "content", "--title", "X", "--severity", "SEV3", "--services", "billing"],
      { cwd: f.root },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("billing is not in content/services.yaml — use one of api, website");
    expect(existsSync(join(f.root, "content/postmortems/billing"))).toBe(false);
  });
});
