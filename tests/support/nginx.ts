/**
 * Runs Debian's nginx (NGINX_PATH, default /usr/sbin/nginx) in the foreground with the production server
 * block from src/lib/deploy/nginx.ts, in a temporary prefix and on a free port, as a child process.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { nginxServerBlock } from "../../src/lib/deploy/nginx.ts";

export const NGINX_PATH = process.env["NGINX_PATH"] ?? "/usr/sbin/nginx";

export interface RunningNginx {
  url: string;
  stop: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** The main configuration around the server block: foreground, one worker, everything inside `prefix`. */
function mainConfig(prefix: string): string {
  const mimeTypes = ["/etc/nginx/mime.types", "/usr/local/nginx/conf/mime.types"].find((f) => existsSync(f));
  return [
    "daemon off;",
    "worker_processes 1;",
    // As root, the worker would otherwise switch to "nobody", who may not read the test's folders.
    ...(process.getuid?.() === 0 ? ["user root;"] : []),
    `pid ${join(prefix, "nginx.pid")};`,
    `error_log ${join(prefix, "error.log")} warn;`,
    "events { worker_connections 64; }",
    "http {",
    mimeTypes
      ? `  include ${mimeTypes};`
      : "  types { text/html html; text/css css; application/javascript js; application/wasm wasm; }",
    "  default_type application/octet-stream;",
    "  access_log off;",
    ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((t) => `  ${t}_temp_path ${join(prefix, `${t}-temp`)};`),
    `  include ${join(prefix, "hindsight.conf")};`,
    "}",
    "",
  ].join("\n");
}

async function waitUntilServing(url: string, child: ChildProcess, log: () => string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`nginx exited with code ${child.exitCode}:\n${log()}`);
    try {
      await fetch(url, { method: "HEAD" });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`nginx did not answer at ${url}:\n${log()}`);
}

/** Starts nginx serving `root` (a built site; `base` is the path it was built for). */
export async function startNginx(root: string, base = "/"): Promise<RunningNginx> {
  const prefix = mkdtempSync(join(tmpdir(), "hindsight-nginx-"));
  mkdirSync(join(prefix, "logs"));
  const port = await freePort();
  writeFileSync(join(prefix, "hindsight.conf"), nginxServerBlock({ root, port, base }));
  writeFileSync(join(prefix, "nginx.conf"), mainConfig(prefix));
  let output = "";
  const child = spawn(NGINX_PATH, ["-p", prefix, "-c", join(prefix, "nginx.conf")], { stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const log = () => {
    const errorLog = join(prefix, "error.log");
    return `${output}${existsSync(errorLog) ? readFileSync(errorLog, "utf8") : ""}`;
  };
  const url = `http://127.0.0.1:${port}`;
  await waitUntilServing(`${url}/`, child, log);
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGQUIT");
        await exited;
      }
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}
