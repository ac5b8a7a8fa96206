/** Runs the real `astro build` on a content folder, as a child process, and reports how it went. */
import { spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { BUILD_LOCK } from "../../src/cli/build.ts";
import { waitForLock } from "../../src/lib/build/lock.ts";
import { cleanEnv } from "./clean-env.ts";
import { ROOT, TEST_OUTPUT } from "./paths.ts";

export interface BuildResult {
  code: number;
  output: string;
  dist: string;
}

/**
 * Builds `contentDir` into `.test-output/<name>/dist`. Each build gets its own cache folder so that
 * builds of different content never share Astro's data store, and holds the build lock `hindsight build`
 * takes (waiting for it), because every build of the project writes the same generated modules into `.astro/`.
 */
export async function buildSite(name: string, contentDir: string, env: Record<string, string> = {}): Promise<BuildResult> {
  const base = join(TEST_OUTPUT, name);
  const dist = join(base, "dist");
  rmSync(base, { recursive: true, force: true });
  mkdirSync(base, { recursive: true });
  mkdirSync(dirname(BUILD_LOCK), { recursive: true });
  const release = await waitForLock(BUILD_LOCK, "the site");
  try {
    return await spawnBuild(contentDir, dist, base, env);
  } finally {
    release();
  }
}

function spawnBuild(contentDir: string, dist: string, base: string, env: Record<string, string>): Promise<BuildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, "node_modules/astro/bin/astro.mjs"), "build"], {
      cwd: ROOT,
      env: {
        ...cleanEnv(),
        HINDSIGHT_CONTENT: contentDir,
        HINDSIGHT_OUT_DIR: dist,
        HINDSIGHT_CACHE_DIR: join(base, "cache"),
        NODE_ENV: "production",
        NO_COLOR: "1",
        FORCE_COLOR: "0",
        ASTRO_TELEMETRY_DISABLED: "1",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, output, dist }));
  });
}
