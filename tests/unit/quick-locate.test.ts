import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { generateCorpus } from "../../scripts/bench/corpus.ts";
import { quickLocator } from "../../src/lib/validate/quick-locate.ts";
import { splitFrontmatter } from "../../src/lib/validate/source.ts";
import { parseYamlSource } from "../../src/lib/validate/yaml-source.ts";
import { ROOT } from "../support/paths.ts";

/** Every path in some data, parents first. */
function paths(data: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(data)) return data.flatMap((item, i) => [[...prefix, i], ...paths(item, [...prefix, i])]);
  if (data !== null && typeof data === "object" && !(data instanceof Date))
    return Object.entries(data).flatMap(([key, value]) => [[...prefix, key], ...paths(value, [...prefix, key])]);
  return [];
}

/** Checks that every answer the quick locator gives is the positional parse's; returns how many it gave. */
function agreeEverywhere(text: string, firstLine = 1): { asked: number; answered: number } {
  const full = parseYamlSource(text, "f", firstLine);
  const quick = quickLocator(text, firstLine);
  let asked = 0;
  let answered = 0;
  for (const path of paths(full.data)) {
    for (const target of ["value", "key"] as const) {
      asked++;
      const found = quick.locate(path, target);
      if (found === undefined) continue;
      answered++;
      expect(found, `${path.join(".")} (${target})`).toEqual(full.locate(path, target));
    }
    for (const index of [0, 3, 1000]) {
      const found = quick.locateInText(path, index);
      if (found !== undefined) expect(found, `${path.join(".")}[${index}]`).toEqual(full.locateInText(path, index));
    }
  }
  return { asked, answered };
}

describe("locating fields without the positional parse", () => {
  test("agrees with the positional parse on every field of every sample postmortem, and answers nearly all", () => {
    const dir = join(ROOT, "content", "postmortems");
    let asked = 0;
    let answered = 0;
    for (const name of readdirSync(dir).filter((n) => n.endsWith(".mdx"))) {
      const split = splitFrontmatter(readFileSync(join(dir, name), "utf8"));
      if (!split.ok) throw new Error(`${name} has no frontmatter`);
      const counts = agreeEverywhere(split.source.yaml, split.source.yamlLine);
      asked += counts.asked;
      answered += counts.answered;
    }
    expect(answered / asked).toBeGreaterThan(0.95);
  });

  test("agrees on every field of generated postmortems, and answers all of them", () => {
    for (const [path, text] of generateCorpus({ count: 20, seed: 3 })) {
      if (!path.startsWith("postmortems/")) continue;
      const split = splitFrontmatter(text);
      if (!split.ok) throw new Error(`${path} has no frontmatter`);
      const { asked, answered } = agreeEverywhere(split.source.yaml, split.source.yamlLine);
      expect(answered, path).toBe(asked);
    }
  });

  test("agrees on flow collections, quoted and block texts, comments and escapes", () => {
    const text = [
      "# a comment",
      'title: "Quoted \\"text\\" with escapes"',
      "plain: some words # and a comment",
      "single: 'it''s'",
      "tags: [a, b, 'c d']",
      "map: {x: 1, y: [2, 3]}",
      "block: |",
      "  line one",
      "  line two",
      "folded: >-",
      "  folded",
      "  text",
      "multi: first line",
      "  continued",
      '"quoted key": value',
      "list:",
      "  # between",
      "  - at: '2016-01-04T20:22:00-08:00'",
      "    text: The **first** event.",
      '  -   at: "2016-01-04T20:30:00-08:00"',
      "      text: back\\slash",
      "empty:",
      "nested:",
      "  deeper:",
      "    deepest: true",
    ].join("\n");
    expect(agreeEverywhere(text).answered).toBeGreaterThan(0);
  });

  test("leaves anchors, aliases and merge keys to the positional parse", () => {
    const text = "base: &b\n  a: 1\ncopy: *b\nmerged:\n  <<: *b\n  c: 2\n";
    agreeEverywhere(text);
    const quick = quickLocator(text, 0);
    expect(quick.locate(["base"])).toBeUndefined();
    expect(quick.locate(["copy"])).toBeUndefined();
    expect(quick.locate(["merged", "c"])).toBeUndefined();
    expect(quick.locate(["base", "a"])).toEqual({ line: 2, column: 6 });
  });

  test("answers nothing for YAML that does not load", () => {
    expect(quickLocator("a: [1\n", 0).locate(["a"])).toBeUndefined();
    expect(quickLocator("a: 1\na: 2\n", 0).locate(["a"])).toBeUndefined();
  });
});
