/** Starts `astro dev` on a free port over a content folder, as an author would run `npm run dev`. */
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { BUILD_LOCK } from "../../src/cli/build.ts";
import { waitForLock } from "../../src/lib/build/lock.ts";
import { cleanEnv } from "./clean-env.ts";
import { ROOT, TEST_OUTPUT } from "./paths.ts";

export interface DevServer {
  url: string;
  /** Everything the server printed so far. */
  output: () => string;
  stop: () => void;
}

/** A TCP port on the loopback address that nothing listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts the dev server once no build or other dev server of this checkout runs: every one of them writes the
 * same generated modules into `.astro/`, so two at once can serve each other's content. The build lock is held
 * until stop().
 */
export async function startDevServer(contentDir: string, name: string): Promise<DevServer> {
  mkdirSync(dirname(BUILD_LOCK), { recursive: true });
  const release = await waitForLock(BUILD_LOCK, "the site");
  try {
    return await spawnDevServer(contentDir, name, release);
  } catch (error) {
    release();
    throw error;
  }
}

async function spawnDevServer(contentDir: string, name: string, release: () => void): Promise<DevServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dev = spawn(
    process.execPath,
    // --ignore-lock: run beside any other dev server in this checkout without replacing or registering with it.
    [join(ROOT, "node_modules/astro/bin/astro.mjs"), "dev", "--ignore-lock", "--host", "127.0.0.1", "--port", String(port)],
    {
      cwd: ROOT,
      env: {
        ...cleanEnv(),
        HINDSIGHT_CONTENT: contentDir,
        HINDSIGHT_CACHE_DIR: join(TEST_OUTPUT, `${name}-${process.pid}`, "cache"),
        ASTRO_TELEMETRY_DISABLED: "1",
        NO_COLOR: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const onData = (data: Buffer) => {
      output += data.toString();
      if (output.includes(url)) resolve();
    };
    dev.stdout.on("data", onData);
    dev.stderr.on("data", onData);
    dev.on("exit", (code) => reject(new Error(`astro dev exited with code ${code}:\n${output}`)));
  });
  return {
    url,
    output: () => output,
    stop: () => {
      dev.kill();
      release();
    },
  };
}
