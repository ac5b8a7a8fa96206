import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { generateCorpus, writtenTime } from "../../scripts/bench/corpus.ts";
import { validateContent } from "../../src/lib/validate/validate-content.ts";
import { checkCatalogs, checkPostmortemReferences } from "../../src/lib/integrity/cross-file.ts";
import {
  causeCategorySchema,
  postmortemSchema,
  serviceSchema,
  teamSchema,
  POSTMORTEM_ID,
  type Postmortem,
} from "../../src/lib/schema/index.ts";

const FILES = { teams: "teams.yaml", services: "services.yaml", taxonomy: "taxonomy.yaml" };

function frontmatter(text: string): unknown {
  return parse(/^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? "");
}

describe("generateCorpus", () => {
  const files = generateCorpus({ count: 150, seed: 7 });
  const postmortems = [...files].filter(([path]) => path.startsWith("postmortems/"));
  const catalogs = {
    teams: teamSchema.array().parse(parse(files.get("teams.yaml") ?? "")),
    services: serviceSchema.array().parse(parse(files.get("services.yaml") ?? "")),
    categories: causeCategorySchema.array().parse(parse(files.get("taxonomy.yaml") ?? "")),
  };

  it("writes the three catalogs and the requested number of postmortems, each named by a valid, unique id", () => {
    expect(files.size).toBe(153);
    expect(postmortems).toHaveLength(150);
    for (const [path] of postmortems) expect(path).toMatch(/^postmortems\/.+\.mdx$/);
    for (const [path] of postmortems) expect(POSTMORTEM_ID.test(path.slice("postmortems/".length, -".mdx".length))).toBe(true);
  });

  it("writes postmortems that pass the schema and whose references all resolve against the catalogs", () => {
    const records = postmortems.map(([path, text]) => {
      const result = postmortemSchema.safeParse(frontmatter(text));
      expect(result.error?.message, path).toBeUndefined();
      return { id: path.slice("postmortems/".length, -".mdx".length), file: path, data: result.data as Postmortem };
    });
    expect(checkCatalogs(catalogs, FILES)).toEqual([]);
    expect(checkPostmortemReferences(records, catalogs, FILES)).toEqual([]);
  });

  it("gives the same files for the same seed and different files for another", () => {
    expect(generateCorpus({ count: 5, seed: 7 })).toEqual(generateCorpus({ count: 5, seed: 7 }));
    expect(generateCorpus({ count: 5, seed: 8 })).not.toEqual(generateCorpus({ count: 5, seed: 7 }));
  });

  it("spreads incidents over the years and severities and starts none after the given date", () => {
    const data = postmortems.map(([, text]) => postmortemSchema.parse(frontmatter(text)));
    expect(new Set(data.map((d) => d.severity))).toEqual(new Set(["SEV1", "SEV2", "SEV3", "SEV4"]));
    expect(new Set(data.map((d) => d.started.slice(0, 4))).size).toBeGreaterThan(10);
    expect(data.every((d) => d.started < "2026-10-31")).toBe(true);
  });

  it("writes a knowledge base the validator passes without a single error or warning", () => {
    const root = mkdtempSync(join(tmpdir(), "hindsight-corpus-"));
    try {
      for (const [path, text] of files) {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), text);
      }
      // A fixed day after the corpus's last completion date, so the machine's clock cannot matter.
      const result = validateContent({ contentDir: root, cwd: root, publicDir: join(root, "public"), today: "2026-11-30" });
      expect(result.diagnostics).toEqual([]);
      expect(result.postmortems).toBe(150);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("writes times as authors in the postmortem's zone do: with the zone's offset, or as local times", () => {
    const texts = postmortems.map(([, text]) => text);
    expect(texts.some((text) => /^started: "\d{4}-\d\d-\d\dT\d\d:\d\d:00[+-]\d\d:\d\d"$/m.test(text))).toBe(true);
    expect(texts.some((text) => /^started: "\d{4}-\d\d-\d\d \d\d:\d\d"$/m.test(text))).toBe(true);
    expect(texts.some((text) => /^timezone: "UTC"$/m.test(text) && /^started: ".*Z"$/m.test(text))).toBe(true);
  });

  it("writes an instant in the zone's wall-clock time, keeping the offset where a local time would name two instants", () => {
    const instant = Date.parse("2016-01-05T04:22:00Z");
    expect(writtenTime(instant, "America/Los_Angeles", false)).toBe("2016-01-04T20:22:00-08:00");
    expect(writtenTime(instant, "America/Los_Angeles", true)).toBe("2016-01-04 20:22");
    expect(writtenTime(instant, "UTC", false)).toBe("2016-01-05T04:22:00Z");
    expect(writtenTime(instant, "Europe/London", false)).toBe("2016-01-05T04:22:00+00:00");
    // 01:30 happened twice in New York on 3 November 2024; the first was at -04:00.
    expect(writtenTime(Date.parse("2024-11-03T05:30:00Z"), "America/New_York", true)).toBe("2024-11-03T01:30:00-04:00");
  });

  it("completes no action item after the corpus's last day", () => {
    const completed = postmortems.flatMap(([, text]) => [...text.matchAll(/completed: "(\d{4}-\d\d-\d\d)"/g)].map((m) => m[1]!));
    expect(completed.length).toBeGreaterThan(0);
    expect(completed.every((day) => day <= "2026-10-31")).toBe(true);
  });

  it("refuses a count that is not a whole number, saying what to pass", () => {
    expect(() => generateCorpus({ count: 1.5 })).toThrow(
      "count must be a whole number of postmortems, got 1.5 — pass --count 1000",
    );
  });
});
