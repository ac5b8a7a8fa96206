/**
 * Measures what a browser fetches to show the first results of a search: opens
 * `/search/?q=<query>` on a built site in a fresh Chromium profile (empty cache) and sums every
 * response until the results are announced, grouped by what each file is for.
 *
 *   npm run measure-first-search -- --dist .bench/dist-1000 --query dynamodb
 *
 * Sizes are response bodies as sent by the local static server (no HTTP compression; pagefind's
 * index files are compressed by pagefind itself), plus headers. "gzip" adds what the text files
 * (HTML, CSS, JavaScript, JSON) weigh when a host compresses them, as nearly every host does.
 */
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { launchBrowser } from "../tests/support/browser.ts";
import { serveStatic } from "../tests/support/serve.ts";

interface Fetched {
  path: string;
  group: string;
  body: number;
  headers: number;
  gzip: number;
}

function groupOf(path: string): string {
  if (path.startsWith("/pagefind/fragment/")) return "result fragments";
  if (path.startsWith("/pagefind/filter/")) return "filter chunks (for the filter counts, fetched after the results)";
  if (path.startsWith("/pagefind/index/") || path.endsWith(".pf_meta")) return "index (meta and word chunks)";
  if (path.startsWith("/pagefind/")) return "pagefind runtime (JS, worker, WebAssembly, entry)";
  return "search page (HTML, CSS, JS)";
}

const USAGE = "usage: npm run measure-first-search -- --dist DIR --query WORDS";

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { dist: { type: "string" }, query: { type: "string" }, json: { type: "boolean" } } });
  if (values.dist === undefined || values.query === undefined) {
    console.error(`--dist and --query are required — ${USAGE}`);
    return 2;
  }
  const server = await serveStatic(values.dist);
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const pending: Promise<Fetched | undefined>[] = [];
    page.on("requestfinished", (request) => {
      pending.push(
        (async () => {
          const response = await request.response();
          if (!response) return undefined;
          const sizes = await request.sizes();
          const path = new URL(request.url()).pathname;
          const type = response.headers()["content-type"] ?? "";
          const body = await response.body();
          const text = /text|javascript|json/.test(type);
          const gzip = text ? gzipSync(body).length : body.length;
          // body.length, not sizes.responseBodySize: Chromium reports 0 for a worker script's body.
          return { path, group: groupOf(path), body: body.length, headers: sizes.responseHeadersSize, gzip };
        })(),
      );
    });
    await page.goto(`${server.url}/search/?q=${encodeURIComponent(values.query)}`);
    await page.waitForFunction(() => /match/.test(document.querySelector("[data-search-status]")?.textContent ?? ""));
    await page.locator('[data-search-filters][aria-busy="false"]').waitFor({ state: "attached" });
    const status = await page.locator("[data-search-status]").textContent();
    const shown = await page.locator(".result").count();
    const fetched = (await Promise.all(pending)).filter((f): f is Fetched => f !== undefined);

    const groups = new Map<string, { files: number; body: number; headers: number; gzip: number }>();
    for (const f of fetched) {
      const g = groups.get(f.group) ?? { files: 0, body: 0, headers: 0, gzip: 0 };
      g.files += 1;
      g.body += f.body;
      g.headers += f.headers;
      g.gzip += f.gzip;
      groups.set(f.group, g);
    }
    const total = [...groups.values()].reduce(
      (t, g) => ({ files: t.files + g.files, body: t.body + g.body, headers: t.headers + g.headers, gzip: t.gzip + g.gzip }),
      { files: 0, body: 0, headers: 0, gzip: 0 },
    );
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

    if (values.json) {
      console.log(
        JSON.stringify(
          { query: values.query, status, shown, groups: Object.fromEntries(groups), total, files: fetched },
          null,
          2,
        ),
      );
      return 0;
    }
    console.log(`Query "${values.query}": ${status} (${shown} shown)`);
    console.log("| What | Files | Bytes as served | + headers | With gzip on text files |");
    console.log("| --- | ---: | ---: | ---: | ---: |");
    for (const [name, g] of groups)
      console.log(`| ${name} | ${g.files} | ${kb(g.body)} | ${kb(g.body + g.headers)} | ${kb(g.gzip)} |`);
    console.log(`| **Total** | ${total.files} | ${kb(total.body)} | ${kb(total.body + total.headers)} | ${kb(total.gzip)} |`);
    const filters = [...groups].find(([name]) => name.startsWith("filter chunks"))?.[1];
    if (filters) {
      const first = {
        body: total.body - filters.body,
        headers: total.headers - filters.headers,
        gzip: total.gzip - filters.gzip,
      };
      console.log(
        `| To the first results (total without filter chunks) | ${total.files - filters.files} | ${kb(first.body)} | ${kb(first.body + first.headers)} | ${kb(first.gzip)} |`,
      );
    }
    return 0;
  } finally {
    await browser.close();
    await server.close();
  }
}

process.exitCode = await main();
