/** Starts Debian's Chromium through playwright-core (no browser download), and serves the sample site to it. */
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { SAMPLE_DIST } from "./paths.ts";
import { serveStatic, type StaticServer } from "./serve.ts";

export const CHROMIUM_PATH = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-quic",
      "--disable-sync",
    ],
  });
}

/** The built sample site, served, with one Chromium for a test file. */
export interface SampleSiteInBrowser {
  /** The served site's address (no trailing slash); available once the file's tests run. */
  readonly url: string;
  /** A new browser context; every one is closed when the file's tests end. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
}

/** Serves the built sample site and starts Chromium before the file's tests; closes both (and every context) after. */
export function sampleSiteInBrowser(): SampleSiteInBrowser {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    server = await serveStatic(SAMPLE_DIST);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined)
      throw new Error("The sample site is not served yet: use it inside a test, not at the top of the file.");
    return value;
  };
  return {
    get url() {
      return started(server).url;
    },
    async newContext(options) {
      const context = await started(browser).newContext(options);
      contexts.push(context);
      return context;
    },
  };
}
