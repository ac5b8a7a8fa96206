/**
 * Gives every HTML page exactly the Content-Security-Policy it needs (src/lib/security/page-policy.ts) and
 * fails the build when a page inlines a script or a style, which the policy in `_headers` — one policy for
 * every path — would block. Pages are rewritten as they render (src/lib/build/rendered-pages.ts); the pages
 * Astro writes without rendering them (the redirects of renamed postmortems) are rewritten after the build.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { listenToRenderedPages, stopListening } from "../lib/build/rendered-pages.ts";
import { withPagePolicy } from "../lib/security/page-policy.ts";

/** The site path a built HTML file is served at, under `base`: `postmortems/a/index.html` → `/kb/postmortems/a/`. */
export function servedPath(file: string, base: string): string {
  const path = file.endsWith("index.html") ? file.slice(0, -"index.html".length) : file;
  return `${base.replace(/\/?$/, "/")}${path}`;
}

/**
 * Rewrites the policy of every page under `dir` except those in `done` (site paths, under `base`, already
 * given their policy while rendering); returns the pages that inline code.
 */
export function applyPagePolicies(dir: string, base = "/", done: ReadonlySet<string> = new Set()): string[] {
  const inlining: string[] = [];
  const pages = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith(".html"));
  for (const page of pages) {
    const file = join(page.parentPath, page.name);
    const served = servedPath(relative(dir, file).split(sep).join("/"), base);
    if (done.has(served)) continue;
    const before = readFileSync(file, "utf8");
    const { html, code } = withPagePolicy(before);
    if (html !== before) writeFileSync(file, html);
    if (code.scripts.length + code.styles.length > 0) inlining.push(served);
  }
  return inlining;
}

export default function contentSecurity(): AstroIntegration {
  let base = "/";
  // Site paths of the pages given their policy as they rendered, and those among them that inline code.
  const done = new Set<string>();
  const inlining: string[] = [];
  return {
    name: "hindsight:content-security",
    hooks: {
      "astro:config:done": ({ config }) => {
        base = config.base;
      },
      "astro:build:start": () => {
        done.clear();
        inlining.length = 0;
        listenToRenderedPages("page-policy", ({ pathname, html }) => {
          const rewritten = withPagePolicy(html);
          done.add(pathname);
          if (rewritten.code.scripts.length + rewritten.code.styles.length > 0) inlining.push(pathname);
          return rewritten.html;
        });
      },
      "astro:build:done": ({ dir, logger }) => {
        stopListening("page-policy");
        inlining.push(...applyPagePolicies(fileURLToPath(dir), base, done));
        if (inlining.length > 0) {
          throw new Error(
            `${inlining.length} pages inline a <script> or <style> (${inlining.slice(0, 5).join(", ")}): the Content-Security-Policy in _headers allows none. ` +
              "Move the code into a module under src/scripts or a stylesheet, as every other page does.",
          );
        }
        logger.info(
          `Every page carries a Content-Security-Policy with no inline code allowed (${done.size} set while rendering, the rest after).`,
        );
      },
    },
  };
}
