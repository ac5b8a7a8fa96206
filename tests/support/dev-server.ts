/** Starts `astro dev` on a free port over a content folder, as an author would run `npm run dev`. */
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
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

export async function startDevServer(contentDir: string, name: string): Promise<DevServer> {
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
  return { url, output: () => output, stop: () => dev.kill() };
}
