import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { contentCacheDir } from "../../src/lib/build/cache-dir.ts";
import { acquireLock, BuildLockedError } from "../../src/lib/build/lock.ts";
import { checkStagedSite, publishStaged, recoverAbandoned, stagingDir } from "../../src/lib/build/publish.ts";

const work = mkdtempSync(join(tmpdir(), "hindsight-publish-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The id of a process that has exited. */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ["-e", "console.log(process.pid)"], { encoding: "utf8" }).stdout.trim());
}

describe("the build lock", () => {
  it("is refused while a running process holds it, naming that process", () => {
    const path = join(work, "live.lock");
    writeFileSync(path, JSON.stringify({ pid: process.pid, host: hostname(), started: "2026-01-01T00:00:00Z" }));
    expect(() => acquireLock(path, "this checkout")).toThrow(BuildLockedError);
    expect(() => acquireLock(path, "this checkout")).toThrow(`process ${process.pid}`);
  });

  it("is taken over when the process that held it is gone, and released afterwards", () => {
    const path = join(work, "stale.lock");
    writeFileSync(path, JSON.stringify({ pid: deadPid(), host: hostname(), started: "2026-01-01T00:00:00Z" }));
    const release = acquireLock(path, "this checkout");
    expect(JSON.parse(readFileSync(path, "utf8"))).toMatchObject({ pid: process.pid });
    release();
    expect(existsSync(path)).toBe(false);
  });
});

describe("publishing a staged site", () => {
  it("refuses a site in which a draft's id appears", () => {
    const staging = join(work, "leaky");
    mkdirSync(join(staging, "postmortems", "2024-06-01-draft"), { recursive: true });
    writeFileSync(join(staging, "index.html"), "<!doctype html>");
    writeFileSync(join(staging, "postmortems", "2024-06-01-draft", "index.html"), "draft");
    expect(checkStagedSite(staging, ["2024-06-01-draft"])).toEqual([
      'draft "2024-06-01-draft" reached the output: postmortems/2024-06-01-draft, postmortems/2024-06-01-draft/index.html',
    ]);
  });

  it("replaces the output folder with the staged one", () => {
    const out = join(work, "site", "dist");
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, "old.html"), "old");
    const staging = stagingDir(out);
    mkdirSync(staging);
    writeFileSync(join(staging, "index.html"), "new");
    publishStaged(staging, out);
    expect(existsSync(join(out, "old.html"))).toBe(false);
    expect(readFileSync(join(out, "index.html"), "utf8")).toBe("new");
    expect(existsSync(staging)).toBe(false);
  });

  it("puts back a previous site that a killed build moved aside, and deletes abandoned staging folders", () => {
    const out = join(work, "recover", "dist");
    const previous = join(work, "recover", ".dist.previous-4242");
    mkdirSync(previous, { recursive: true });
    writeFileSync(join(previous, "index.html"), "previous");
    mkdirSync(join(work, "recover", ".dist.staging-4243"));
    recoverAbandoned(out);
    expect(readFileSync(join(out, "index.html"), "utf8")).toBe("previous");
    expect(existsSync(join(work, "recover", ".dist.staging-4243"))).toBe(false);
  });
});

describe("the content cache folder", () => {
  it("differs between content folders and stays the same for one folder", () => {
    const base = "node_modules/.astro";
    expect(contentCacheDir(base, "content")).toBe(contentCacheDir(base, "./content"));
    expect(contentCacheDir(base, "content")).not.toBe(contentCacheDir(base, "tests/fixtures/content-minimal"));
    expect(contentCacheDir(base, "content")).toMatch(/^node_modules\/\.astro\/content-content-[0-9a-f]{12}$/);
  });
});
