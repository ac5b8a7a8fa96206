import { chromium } from "playwright-core";
import { serveStatic } from "./tests/support/serve.ts";
const server = await serveStatic(process.argv[2]!, { base: process.argv[3] ?? "/" });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox"] });
for (const width of [1280, 375]) {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  await page.goto(`${server.url}${process.argv[3] ?? "/"}${process.argv[4] ?? ""}`);
  await page.screenshot({ path: `/tmp/bc-shot-${width}.png`, fullPage: width === 375 ? false : false });
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.screenshot({ path: `/tmp/bc-shot-${width}-bottom.png` });
}
await browser.close();
await server.close();
