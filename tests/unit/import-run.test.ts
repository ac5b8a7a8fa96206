import { createHash } from "node:crypto";
import { describe, expect, test } from "vitest";
import { importedFields, planImport, type SourceFile } from "../../src/lib/import/run.ts";

function source(path: string, title: string, day = "2024-01-02"): SourceFile {
  const text = `# ${title}\n\n## Timeline\n\nAll times in UTC.\n\n| Time | Event |\n| --- | --- |\n| ${day} 03:04 | It broke. |\n`;
  return {
    path,
    name: path.split("/").pop()!,
    format: "markdown",
    text,
    sha256: createHash("sha256").update(text).digest("hex"),
  };
}

describe("planning an import", () => {
  test("a source already imported (same checksum) is unchanged, and rewritten in place with force", () => {
    const a = source("old/a.md", "Disk full");
    expect(planImport([a], [{ id: "2024-01-02-disk-full-2", sha256: a.sha256, source: "a.md" }])[0]).toMatchObject({
      action: "unchanged",
      id: "2024-01-02-disk-full-2",
    });
    expect(
      planImport([a], [{ id: "2024-01-02-disk-full-2", sha256: a.sha256, source: "a.md" }], { force: true })[0],
    ).toMatchObject({
      action: "updated",
      id: "2024-01-02-disk-full-2",
    });
  });

  test("a changed source is refused only when its file name, date and title match an earlier import", () => {
    const changed = source("old/a.md", "Disk full");
    const existing = [{ id: "2024-01-02-disk-full", sha256: "f".repeat(64), source: "a.md" }];
    expect(planImport([changed], existing)[0]).toMatchObject({ action: "refused", id: "2024-01-02-disk-full" });
    const other = source("elsewhere/a.md", "Queue stuck");
    expect(planImport([other], existing)[0]).toMatchObject({ action: "created", id: "2024-01-02-queue-stuck" });
  });

  test("sources with the same date and title get -2, -3 in path order, around ids already taken", () => {
    const results = planImport(
      [source("z/c.md", "Disk full"), source("a/b.md", "Disk full"), source("m/x.md", "Disk full")],
      [{ id: "2024-01-02-disk-full" }],
    );
    expect(results.map((r) => [r.source, r.id])).toEqual([
      ["a/b.md", "2024-01-02-disk-full-2"],
      ["m/x.md", "2024-01-02-disk-full-3"],
      ["z/c.md", "2024-01-02-disk-full-4"],
    ]);
  });

  test("reads the source and checksum back from a written draft, and nothing from a hand-written one", () => {
    const [result] = planImport([source("old/a b.md", "Disk full")], []);
    expect(importedFields(result!.text!)).toEqual({ source: "a b.md", sha256: source("old/a b.md", "Disk full").sha256 });
    expect(importedFields("---\ntitle: x\nsource: y\n---\n")).toEqual({});
  });
});
