/**
 * The importer over 30 real postmortems (DFDS, MIT License): every draft validates, every timeline row and
 * action-item line of the sources is recovered, and no sentence is lost. Rows and items are counted on the
 * raw source text, independently of the importer's parser.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { load } from "js-yaml";
import { afterAll, describe, expect, test } from "vitest";
import { planImport, type FileResult } from "../../src/lib/import/run.ts";
import { draftTexts, lostSentences, sourceTexts } from "../../src/lib/import/sentences.ts";
import { sourceTree } from "../../src/lib/import/source-tree.ts";
import { splitFrontmatter } from "../../src/lib/validate/source.ts";
import { validateContent } from "../../src/lib/validate/validate-content.ts";
import { createContent, pm } from "../support/content-fixture.ts";
import { dfdsPostmortems } from "../support/dfds-corpus.ts";

/** The lines of the section under the first heading matching `heading`, up to the next heading. */
function section(markdown: string, heading: RegExp): string[] {
  const lines = markdown.split(/\r?\n/);
  const start = lines.findIndex((l) => /^#{1,6}\s/.test(l) && heading.test(l));
  if (start < 0) return [];
  const end = lines.findIndex((l, i) => i > start && /^#{1,6}\s/.test(l));
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

/** Body rows of the Markdown tables in some lines (each table's header and delimiter rows are not rows). */
function tableRows(lines: readonly string[]): number {
  const pipes = lines.filter((l) => l.trim().startsWith("|"));
  const delimiters = pipes.filter((l) => /^\|?\s*:?-{3,}/.test(l.trim()));
  return pipes.length - 2 * delimiters.length;
}

const files = dfdsPostmortems();
const content = createContent();
afterAll(() => content.cleanup());

const sources = files.map((file) => {
  const text = readFileSync(file, "utf8");
  return {
    path: file,
    name: basename(file),
    format: "markdown" as const,
    text,
    sha256: createHash("sha256").update(text).digest("hex"),
  };
});
const results = planImport(sources, []);
for (const r of results) if (r.text && r.id) writeFileSync(join(content.dir, pm(r.id)), r.text);
const bySource = new Map(results.map((r) => [r.source, r]));

function written(r: FileResult) {
  const split = splitFrontmatter(content.read(pm(r.id!)));
  if (!split.ok) throw new Error(split.message);
  return { frontmatter: load(split.source.yaml) as { timeline: unknown[]; actionItems: unknown[] }, body: split.source.body };
}

describe("importing the 30 DFDS postmortems", () => {
  test("reads all 30 and creates one draft for each", () => {
    expect(files).toHaveLength(30);
    expect(results.map((r) => r.action)).toEqual(Array(30).fill("created"));
    expect(new Set(results.map((r) => r.id)).size).toBe(30);
  });

  test("every draft passes hindsight validate, with the rules across files", () => {
    const diagnostics = validateContent({ contentDir: content.dir }).diagnostics;
    expect(diagnostics.map((d) => `${d.file}:${d.line} ${d.path} ${d.message}`)).toEqual([]);
  });

  describe.each(sources.map((s) => [s.name, s] as const))("%s", (_name, source) => {
    const result = bySource.get(source.path)!;

    test("every timeline row is in the timeline or, without an exact time, in the body under Timeline", () => {
      const { frontmatter, body } = written(result);
      const inBody = tableRows(section(body, /timeline/i));
      expect(frontmatter.timeline.length + inBody).toBe(tableRows(section(source.text, /timeline/i)));
      expect(result.findings!.timelineRows).toEqual({
        inSource: frontmatter.timeline.length + inBody,
        recovered: frontmatter.timeline.length,
        keptInBody: inBody,
      });
    });

    test("every action-item line is an action item", () => {
      const lines = section(source.text, /action items/i).filter((l) => /^[-*+]\s+\S/.test(l));
      expect(written(result).frontmatter.actionItems).toHaveLength(lines.length);
    });

    test("no sentence is lost", () => {
      const { frontmatter, body } = written(result);
      expect(lostSentences(sourceTexts(sourceTree(source.text, "markdown")), draftTexts(frontmatter, body))).toEqual([]);
    });
  });
});
