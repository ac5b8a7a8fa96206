/**
 * `hindsight build` publishes only complete, checked sites: it builds into a staging folder, keeps the
 * previous site when a build fails or is killed, refuses a second build at once, and keeps one content cache
 * per content folder.
 */
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { cleanEnv } from "../support/clean-env.ts";
import { FIXTURES, ROOT } from "../support/paths.ts";

const work = mkdtempSync(join(tmpdir(), "hindsight-build-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const MINIMAL = join(FIXTURES, "content-minimal");
const DRAFT = "2024-06-01-draft-incident";

interface Run {
  code: number;
  output: string;
}

/** Starts `hindsight build` in its own process group; `done` resolves when it exits. */
function startBuild(content: string, out: string, cache: string) {
  const child = spawn(process.execPath, [join(ROOT, "bin", "hindsight.mjs"), "build", "--content", content, "--out", out], {
    cwd: ROOT,
    env: { ...cleanEnv(), HINDSIGHT_CACHE_DIR: cache, NO_COLOR: "1", FORCE_COLOR: "0", ASTRO_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const done = new Promise<Run>((resolve) =>
    child.on("close", (code, signal) => resolve({ code: code ?? (signal ? 137 : 1), output })),
  );
  return { child, done, output: () => output };
}

const build = (content: string, out: string, cache: string) => startBuild(content, out, cache).done;

/** Every file of a folder with its contents, to compare a site before and after. */
function snapshot(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(
    files.map((e) => [join(e.parentPath, e.name).slice(dir.length), readFileSync(join(e.parentPath, e.name), "latin1")]),
  );
}

function copyContent(name: string): string {
  const dir = join(work, name);
  cpSync(MINIMAL, dir, { recursive: true });
  return dir;
}

/** A published postmortem copied under a new id, with `change` applied to its text. */
function addPostmortem(content: string, id: string, change: (text: string) => string = (t) => t): void {
  const text = readFileSync(join(content, "postmortems", "2024-05-02-website-slow.mdx"), "utf8");
  writeFileSync(join(content, "postmortems", `${id}.mdx`), change(text.replace(/^title: .*$/m, `title: Copy ${id}`)));
}

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 1200; i += 1) {
    if (condition()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("hindsight build publishes only a complete site", () => {
  const out = join(work, "site", "dist");
  const cache = join(work, "cache");
  let first: Map<string, string>;

  test("a build publishes the site, with no draft and no Astro leftovers in it", async () => {
    const content = copyContent("good");
    const result = await build(content, out, cache);
    expect(result.code, result.output).toBe(0);
    expect(result.output).toContain("published the site to");
    first = snapshot(out);
    expect(first.has("/index.html")).toBe(true);
    expect([...first.keys()].filter((f) => f.includes(DRAFT) || f.startsWith("/.prerender"))).toEqual([]);
    expect(readdirSync(dirname(out))).toEqual(["dist"]);
  });

  test("a build killed midway leaves the previous complete site in dist/", async () => {
    const content = copyContent("killed");
    addPostmortem(content, "2024-07-01-new-incident");
    const running = startBuild(content, out, cache);
    // Killed once Astro has started writing pages into the staging folder.
    const staging = join(dirname(out), `.dist.staging-${running.child.pid}`);
    await waitFor(() => existsSync(staging) && readdirSync(staging).length > 0, "the build to write into its staging folder");
    process.kill(-running.child.pid!, "SIGKILL");
    await running.done;
    expect(snapshot(out)).toEqual(first);
  });

  test("a build that fails its own post-build checks leaves dist/ untouched (and takes over a dead build's lock)", async () => {
    const content = copyContent("broken-link");
    addPostmortem(content, "2024-07-02-broken-link", (t) => `${t}\nSee [the old page](/postmortems/2020-01-01-no-such-page/).\n`);
    const result = await build(content, out, cache);
    expect(result.code).toBe(1);
    expect(result.output).toContain("broken internal link");
    expect(result.output).toContain("still holds the previous site");
    expect(snapshot(out)).toEqual(first);
    expect(readdirSync(dirname(out)).filter((n) => n.includes("staging"))).toEqual([]);
  });

  test("a second build while one is running stops at once and says which process holds the lock", async () => {
    const lock = join(ROOT, ".astro", "hindsight-build.lock");
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: (await import("node:os")).hostname(), started: "now" }));
    try {
      const result = await build(copyContent("second"), out, cache);
      expect(result.code).toBe(3);
      expect(result.output).toContain(`another build of the site`);
      expect(result.output).toContain(`is running (process ${process.pid}`);
      expect(snapshot(out)).toEqual(first);
    } finally {
      rmSync(lock, { force: true });
    }
  });
});

describe("the content cache follows the content folder", () => {
  test("build with content A, delete A, build with content B: B builds and nothing of A is published", async () => {
    const out = join(work, "cache-site", "dist");
    const cache = join(work, "shared-cache");
    const a = copyContent("content-a");
    addPostmortem(a, "2024-08-01-only-in-a");
    expect((await build(a, out, cache)).code).toBe(0);
    expect(existsSync(join(out, "postmortems", "2024-08-01-only-in-a", "index.html"))).toBe(true);
    rmSync(a, { recursive: true, force: true });

    const b = copyContent("content-b");
    addPostmortem(b, "2024-08-02-only-in-b");
    const result = await build(b, out, cache);
    expect(result.code, result.output).toBe(0);
    const files = [...snapshot(out).entries()];
    expect(files.filter(([path, text]) => path.includes("only-in-a") || text.includes("only-in-a"))).toEqual([]);
    expect(existsSync(join(out, "postmortems", "2024-08-02-only-in-b", "index.html"))).toBe(true);

    rmSync(join(b, "postmortems", "2024-08-02-only-in-b.mdx"));
    expect((await build(b, out, cache)).code).toBe(0);
    expect(existsSync(join(out, "postmortems", "2024-08-02-only-in-b"))).toBe(false);
  });
});
