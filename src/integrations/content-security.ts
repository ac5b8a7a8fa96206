/**
 * After the build writes the pages: gives every HTML page exactly the Content-Security-Policy it needs
 * (src/lib/security/page-policy.ts) and fails the build when a page inlines a script or a style, which the
 * policy in `_headers` — one policy for every path — would block.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { withPagePolicy } from "../lib/security/page-policy.ts";

/** Rewrites the policy of every page under `dir`; returns the pages that inline code. */
export function applyPagePolicies(dir: string): string[] {
  const inlining: string[] = [];
  const pages = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith(".html"));
  for (const page of pages) {
    const file = join(page.parentPath, page.name);
    const before = readFileSync(file, "utf8");
    const { html, code } = withPagePolicy(before);
    if (html !== before) writeFileSync(file, html);
    if (code.scripts.length + code.styles.length > 0) inlining.push(`/${relative(dir, file).split(sep).join("/")}`);
  }
  return inlining;
}

export default function contentSecurity(): AstroIntegration {
  return {
    name: "hindsight:content-security",
    hooks: {
      "astro:build:done": ({ dir, logger }) => {
        const inlining = applyPagePolicies(fileURLToPath(dir));
        if (inlining.length > 0) {
          throw new Error(
            `${inlining.length} pages inline a <script> or <style> (${inlining.slice(0, 5).join(", ")}): the Content-Security-Policy in _headers allows none. ` +
              "Move the code into a module under src/browser or a stylesheet, as every other page does.",
          );
        }
        logger.info("Every page carries a Content-Security-Policy with no inline code allowed.");
      },
    },
  };
}
