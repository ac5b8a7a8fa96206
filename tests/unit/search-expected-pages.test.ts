import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { countBuiltPostmortems, frontmatterStatus } from "../../src/lib/search/expected-pages.ts";
import { FIXTURES } from "../support/paths.ts";

describe("frontmatterStatus", () => {
  it("reads the document status from a postmortem's frontmatter", () => {
    expect(frontmatterStatus("---\ntitle: X\nstatus: in-review\n---\n\nBody with status: draft\n")).toBe("in-review");
    expect(frontmatterStatus("---\r\nstatus: draft\r\n---\r\n")).toBe("draft");
  });

  it("gives up on files without frontmatter, with broken YAML or with an unknown status", () => {
    expect(frontmatterStatus("status: draft\n")).toBeUndefined();
    expect(frontmatterStatus("---\nstatus: [draft\n---\n")).toBeUndefined();
    expect(frontmatterStatus("---\nstatus: archived\n---\n")).toBeUndefined();
  });
});

describe("countBuiltPostmortems", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("counts published and in-review postmortems and leaves drafts out", () => {
    expect(countBuiltPostmortems(join(FIXTURES, "content-minimal", "postmortems"))).toBe(2);
  });

  it("counts only .mdx files, and counts a file whose status cannot be read so that the index check fails loudly", () => {
    dir = mkdtempSync(join(tmpdir(), "hindsight-count-"));
    writeFileSync(join(dir, "2024-01-01-a.mdx"), "---\nstatus: published\n---\n");
    writeFileSync(join(dir, "2024-01-02-b.mdx"), "---\nstatus: draft\n---\n");
    writeFileSync(join(dir, "2024-01-03-c.mdx"), "no frontmatter");
    writeFileSync(join(dir, "notes.md"), "---\nstatus: published\n---\n");
    expect(countBuiltPostmortems(dir)).toBe(2);
  });
});
