/**
 * A small static server for built sites, as a host would serve them: `/x/` serves `/x/index.html`,
 * unknown paths get `/404.html` with status 404, and headers from `public/_headers` (Netlify/Cloudflare
 * syntax) are applied, so browser tests see the real Content-Security-Policy. A site built under a base
 * path is mounted there (`{ base: "/kb/" }`): the build's files answer under `/kb/`, everything else is 404.
 */
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { pathWithoutBase } from "../../src/lib/site/paths.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".ics": "text/calendar; charset=utf-8",
  ".wasm": "application/wasm",
  ".pf_meta": "application/octet-stream",
  ".pf_fragment": "application/octet-stream",
  ".pf_index": "application/octet-stream",
  ".pf_filter": "application/octet-stream",
};

interface HeaderRule {
  pattern: RegExp;
  headers: [string, string][];
}

/** Parses a `_headers` file: a path pattern line, then indented `Name: value` lines. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "" || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      const source = line
        .trim()
        .replace(/[.+?^${}()|[\]\\]/g, "\\$&")
        .replace(/\*/g, ".*");
      rules.push({ pattern: new RegExp(`^${source}$`), headers: [] });
    } else {
      const index = line.indexOf(":");
      rules.at(-1)?.headers.push([line.slice(0, index).trim(), line.slice(index + 1).trim()]);
    }
  }
  return rules;
}

export interface StaticServer {
  /** The server's origin, `http://127.0.0.1:PORT`. */
  url: string;
  /** The base path the site is mounted at, `/` or `/kb/`. */
  base: string;
  close: () => Promise<void>;
}

export async function serveStatic(root: string, options: { base?: string } = {}): Promise<StaticServer> {
  const base = options.base ?? "/";
  const headersFile = join(root, "_headers");
  const rules = existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, "utf8")) : [];
  const server: Server = createServer((req, res) => {
    const requested = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    const path = pathWithoutBase(requested, base);
    let file = path === undefined ? join(root, "404.html") : normalize(join(root, path));
    if (!file.startsWith(root)) file = join(root, "404.html");
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    let status = 200;
    if (!existsSync(file)) {
      status = 404;
      file = join(root, "404.html");
    }
    for (const rule of rules)
      if (rule.pattern.test(requested)) for (const [name, value] of rule.headers) res.setHeader(name, value);
    res.writeHead(status, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    base,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
