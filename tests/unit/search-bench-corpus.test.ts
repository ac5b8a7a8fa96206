import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { generateCorpus } from "../../scripts/bench/corpus.ts";
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

  it("refuses a count that is not a whole number, saying what to pass", () => {
    expect(() => generateCorpus({ count: 1.5 })).toThrow(
      "count must be a whole number of postmortems, got 1.5 — pass --count 1000",
    );
  });
});
