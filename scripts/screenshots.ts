/**
 * Regenerates the README's pictures from a built site: the home page, a postmortem, the action-item
 * ledger and the insights, each at 1280 px and 375 px wide, one viewport high, as palette PNGs.
 *
 *   npm run build && npm run screenshots
 *   npm run screenshots -- --dist dist --out docs/screenshots
 *   npm run screenshots -- --path /search/?q=restore --width 375 --name search-375   (one ad-hoc picture)
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import sharp from "sharp";
import { launchBrowser } from "../tests/support/browser.ts";
import { serveStatic } from "../tests/support/serve.ts";

/** The postmortem the README shows: the sample's SEV1, the page with the most to say. */
const POSTMORTEM = "/postmortems/2016-01-04-dashboard-outage-deleted-metadata-tables/";

const PAGES = [
  { name: "home", path: "/" },
  { name: "postmortem", path: POSTMORTEM },
  { name: "ledger", path: "/action-items/" },
  { name: "insights", path: "/insights/#per-quarter" },
];
const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 375, height: 812 },
];

const USAGE = "usage: npm run screenshots -- [--dist DIR] [--out DIR] [--path /page/ --width PX --name FILE]";

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      dist: { type: "string", default: "dist" },
      out: { type: "string", default: "docs/screenshots" },
      path: { type: "string" },
      width: { type: "string" },
      height: { type: "string" },
      name: { type: "string" },
      "full-page": { type: "boolean", default: false },
    },
  });
  const shots =
    values.path === undefined
      ? PAGES.flatMap((p) => VIEWPORTS.map((v) => ({ ...p, ...v, name: `${p.name}-${v.width}` })))
      : [
          {
            path: values.path,
            width: Number(values.width ?? 1280),
            height: Number(values.height ?? 800),
            name: values.name ?? "page",
          },
        ];
  if (shots.some((s) => !Number.isInteger(s.width) || !Number.isInteger(s.height) || s.width < 200)) {
    console.error(`--width and --height are whole numbers of pixels, at least 200 — ${USAGE}`);
    return 2;
  }
  if (!existsSync(join(values.dist, "index.html"))) {
    console.error(`${values.dist} holds no built site — build the site first (npm run build) or pass --dist`);
    return 1;
  }
  mkdirSync(values.out, { recursive: true });
  const server = await serveStatic(resolve(values.dist));
  const browser = await launchBrowser();
  try {
    for (const shot of shots) {
      const context = await browser.newContext({ viewport: { width: shot.width, height: shot.height }, colorScheme: "light" });
      const page = await context.newPage();
      const response = await page.goto(`${server.url}${shot.path}`, { waitUntil: "networkidle" });
      if (!response?.ok()) {
        console.error(
          `${shot.path} answered ${response?.status() ?? "nothing"} — build the site first (npm run build) or pass --dist`,
        );
        return 1;
      }
      const png = await page.screenshot({ fullPage: values["full-page"] });
      await context.close();
      // A 256-colour palette keeps a page picture to a few dozen kilobytes with no visible loss.
      const small = await sharp(png).png({ palette: true, colours: 256, compressionLevel: 9, effort: 10 }).toBuffer();
      const file = join(values.out, `${shot.name}.png`);
      writeFileSync(file, small);
      console.log(`${file}  ${shot.width}×${shot.height}  ${Math.round(small.length / 1024)} KB`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return 0;
}

process.exitCode = await main();
