/** `npm run screenshots` draws the README's pictures from a built site (here the sample the global setup built). */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, SAMPLE_DIST } from "../support/paths.ts";

const out = mkdtempSync(join(tmpdir(), "hindsight-screenshots-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const run = (...args: string[]) =>
  spawnSync(process.execPath, ["scripts/screenshots.ts", ...args], { cwd: ROOT, encoding: "utf8" });

describe("the screenshots script", () => {
  it("writes one screen of a page at the asked width as a small palette PNG", async () => {
    const result = run("--dist", SAMPLE_DIST, "--out", out, "--path", "/action-items/", "--width", "375", "--name", "ledger");
    expect(result.status, result.stderr).toBe(0);
    const meta = await sharp(join(out, "ledger.png")).metadata();
    expect(meta).toMatchObject({ format: "png", width: 375, height: 800 });
    expect(statSync(join(out, "ledger.png")).size).toBeLessThan(150_000);
  });

  it("fails with a hint when the site has not been built", () => {
    const result = run("--dist", join(out, "no-site"), "--out", out, "--path", "/");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("build the site first (npm run build)");
  });
});
