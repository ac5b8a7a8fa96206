/**
 * Measures what a browser fetches for a first search, in two steps as a reader meets them: opens
 * `/search/?q=<query>` on a built site in a fresh Chromium profile (empty cache) and sums every
 * response until the results are announced and the network is quiet ("to the first results"); then
 * opens the filters and sums what that adds until their counts are shown ("with the filter counts").
 * Files are grouped by what each is for.
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
  if (path.startsWith("/pagefind/filter/")) return "filter chunks (for the filter counts)";
  if (path.startsWith("/pagefind/index/") || path.endsWith(".pf_meta")) return "index (meta and word chunks)";
  if (path.startsWith("/pagefind/")) return "pagefind runtime (JS, worker, WebAssembly, entry)";
  return "search page (HTML, CSS, JS)";
}

interface Sizes {
  files: number;
  body: number;
  headers: number;
  gzip: number;
}
const NONE: Sizes = { files: 0, body: 0, headers: 0, gzip: 0 };
const add = (t: Sizes, f: Fetched | Sizes): Sizes => ({
  files: t.files + ("files" in f ? f.files : 1),
  body: t.body + f.body,
  headers: t.headers + f.headers,
  gzip: t.gzip + f.gzip,
});
/** The responses recorded so far, in the order they finished. */
const settled = (all: (Fetched | undefined)[]): Fetched[] => all.filter((f): f is Fetched => f !== undefined);

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
    // Anything the page fetches on its own after announcing the results still counts towards them.
    await page.waitForLoadState("networkidle");
    const status = await page.locator("[data-search-status]").textContent();
    const shown = await page.locator(".result").count();
    const firstCount = pending.length;

    const panel = page.locator("[data-search-filter-panel]");
    if (!(await panel.evaluate((details) => (details as HTMLDetailsElement).open))) await panel.locator("summary").click();
    await page.locator("[data-search-filters] input[type=checkbox]").first().waitFor({ state: "attached" });
    await page.locator('[data-search-filters][aria-busy="false"]').waitFor({ state: "attached" });
    await page.waitForLoadState("networkidle");
    const all = await Promise.all(pending);
    const firstResults = settled(all.slice(0, firstCount));
    const filterCounts = settled(all.slice(firstCount));
    const fetched = [...firstResults, ...filterCounts];

    const groups = new Map<string, Sizes>();
    for (const f of fetched) groups.set(f.group, add(groups.get(f.group) ?? NONE, f));
    const toResults = firstResults.reduce(add, NONE);
    const total = fetched.reduce(add, NONE);
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

    if (values.json) {
      console.log(
        JSON.stringify(
          {
            query: values.query,
            status,
            shown,
            groups: Object.fromEntries(groups),
            toResults,
            filterCounts: filterCounts.reduce(add, NONE),
            total,
            files: fetched.map((f, i) => ({ ...f, step: i < firstResults.length ? "first results" : "filter counts" })),
          },
          null,
          2,
        ),
      );
      return 0;
    }
    const row = (name: string, g: Sizes) =>
      console.log(`| ${name} | ${g.files} | ${kb(g.body)} | ${kb(g.body + g.headers)} | ${kb(g.gzip)} |`);
    console.log(`Query "${values.query}": ${status} (${shown} shown)`);
    console.log("| What | Files | Bytes as served | + headers | With gzip on text files |");
    console.log("| --- | ---: | ---: | ---: | ---: |");
    for (const [name, g] of groups) row(name, g);
    row("**To the first results**", toResults);
    row("**With the filter counts** (after opening the filters)", total);
    return 0;
  } finally {
    await browser.close();
    await server.close();
  }
}

process.exitCode = await main();
