/** The npm scripts the README documents run the real command (the package's own bin is not on npm's PATH). */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../support/paths.ts";

function npmRun(...args: string[]) {
  return spawnSync("npm", ["run", "--silent", ...args], { cwd: ROOT, encoding: "utf8", shell: false });
}

describe("the npm scripts", () => {
  it("npm run validate checks the sample content and exits 0", () => {
    const result = npmRun("validate");
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/postmortems and 3 catalogs are valid/);
  });

  it("npm run actions lists the ledger from the content folder", () => {
    const result = npmRun("actions", "--", "--format", "json", "--today", "2026-11-26");
    expect(result.status, result.stderr).toBe(0);
    expect((JSON.parse(result.stdout) as { items: unknown[] }).items.length).toBeGreaterThan(0);
  });

  it("npm run schema -- --check finds the committed JSON Schemas up to date", () => {
    const result = npmRun("schema", "--", "--check");
    expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
  });

  it("npm run init -- <dir> creates a knowledge base where the user asked for it", () => {
    const scratch = mkdtempSync(join(tmpdir(), "hindsight-npm-init-"));
    try {
      // Typed in another folder, with --prefix pointing at Hindsight: npm passes that folder on as INIT_CWD.
      const result = spawnSync(
        "npm",
        ["--prefix", ROOT, "run", "--silent", "init", "--", "kb", "--name", "Example Org", "--yes"],
        {
          cwd: scratch,
          encoding: "utf8",
        },
      );
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toContain("Created a knowledge base for Example Org in kb/");
      expect(existsSync(join(scratch, "kb", "content", "site.yaml"))).toBe(true);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
