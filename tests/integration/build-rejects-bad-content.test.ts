import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES } from "../support/paths.ts";
import { buildSite } from "../support/site.ts";

const GOOD = "2024-03-01-api-errors.mdx";

/** A copy of the minimal valid content folder, changed by `edit`. */
function contentWith(edit: (postmortemsDir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), "hindsight-bad-build-"));
  cpSync(join(FIXTURES, "content-minimal"), dir, { recursive: true });
  edit(join(dir, "postmortems"));
  return dir;
}

function rewrite(file: string, from: string | RegExp, to: string): void {
  writeFileSync(file, readFileSync(file, "utf8").replace(from, to));
}

describe("a build over invalid content", () => {
  it("fails and names a plain .md file in the postmortems folder", async () => {
    const content = contentWith((dir) => writeFileSync(join(dir, "2024-07-01-plain-markdown.md"), "---\ntitle: x\n---\n"));
    const result = await buildSite("bad-md", content);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain("2024-07-01-plain-markdown.md");
    expect(result.output).toContain("rename it to 2024-07-01-plain-markdown.mdx");
  });

  it("fails and names the file and field of a timestamp without an offset", async () => {
    const content = contentWith((dir) =>
      rewrite(join(dir, GOOD), 'detected: "2024-03-01T10:05:00Z"', 'detected: "2024-03-01T10:05:00"'),
    );
    const result = await buildSite("bad-naive-time", content);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain(GOOD);
    expect(result.output).toMatch(/detected/);
    expect(result.output).toContain("has no UTC offset");
  });

  it("fails and names the file of an unknown key", async () => {
    const content = contentWith((dir) => rewrite(join(dir, GOOD), "severity: SEV2", "severity: SEV2\nseverty: SEV1"));
    const result = await buildSite("bad-unknown-key", content);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain(GOOD);
    expect(result.output).toContain('unknown key "severty" — did you mean "severity"?');
  });

  it("succeeds on the unchanged minimal content", async () => {
    const result = await buildSite(
      "minimal",
      contentWith(() => undefined),
    );
    expect(result.code, result.output).toBe(0);
    expect(result.output).not.toContain("[ERROR]");
  });

  it("leaves drafts out of a production build even when the environment says DEV", async () => {
    const result = await buildSite(
      "drafts-with-dev-env",
      contentWith(() => undefined),
      { DEV: "true", MODE: "development" },
    );
    expect(result.code, result.output).toBe(0);
    expect(existsSync(join(result.dist, "postmortems", "2024-06-01-draft-incident", "index.html"))).toBe(false);
    expect(existsSync(join(result.dist, "postmortems", "2024-03-01-api-errors", "index.html"))).toBe(true);
  });
});
