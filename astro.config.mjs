// @ts-check
import mdx from "@astrojs/mdx";
import { satteri } from "@astrojs/markdown-satteri";
import { defineConfig } from "astro/config";
import { contentCacheDir } from "./src/lib/build/cache-dir.ts";
import { contentDir } from "./src/lib/content-paths.ts";
import { basePathPlugin } from "./src/lib/markdown/base-path-plugin.ts";
import { bodyPlugins } from "./src/lib/markdown/body-plugins.ts";
import contentSecurity from "./src/integrations/content-security.ts";
import pagefind from "./src/integrations/pagefind.ts";
import siteChecks from "./src/integrations/site-checks.ts";
import validateContent from "./src/integrations/validate.ts";
import { siteConfigOrThrow } from "./src/lib/site/config.ts";

// content/site.yaml, with HINDSIGHT_SITE and HINDSIGHT_BASE applied: where the site is served.
const siteConfig = siteConfigOrThrow(contentDir());

export default defineConfig({
  site: siteConfig.origin,
  base: siteConfig.base,
  outDir: process.env["HINDSIGHT_OUT_DIR"] ?? "./dist",
  // One cache per content folder: a cache made from another folder would rebuild (or fail on) files that are gone.
  cacheDir: contentCacheDir(process.env["HINDSIGHT_CACHE_DIR"] ?? "./node_modules/.astro", contentDir()),
  trailingSlash: "always",
  // External stylesheets keep pages free of inline styles, so the Content-Security-Policy needs no unsafe-inline.
  // Two pages at a time: one renders while the other's file is written or its module loaded. At 1,000
  // postmortems on 2 cores that took the build from 29.1 s to 26.6 s (median of three alternating pairs);
  // four pages at a time measured the same as two.
  build: { format: "directory", inlineStylesheets: "never", concurrency: 2 },
  // Astro's default processor (Sätteri), plus plugins that harden links and label task lists in postmortem bodies.
  // Prism marks code with classes (styled in global.css); Shiki's inline styles would break the CSP.
  markdown: { processor: satteri({ hastPlugins: [...bodyPlugins, basePathPlugin(siteConfig.base)] }), syntaxHighlight: "prism" },
  // Scoped styles by class rather than a data attribute on every element: smaller pages, same scoping.
  scopedStyleStrategy: "class",
  // validateContent() also adds a redirect from each former id (`aliases`) to the renamed postmortem.
  // contentSecurity() gives every built page, redirects included, the Content-Security-Policy meta tag it needs
  // (public/_headers repeats the policy for hosts that send headers). Astro's own \`security.csp\` is off: it
  // hashed every script and style on every page for a policy rewritten afterwards anyway, and cost 7% of a
  // build of 1,000 postmortems (docs/decisions/0015-two-pages-render-at-a-time.md).
  integrations: [validateContent(), mdx(), contentSecurity(), pagefind(), siteChecks()],
  devToolbar: { enabled: false },
  vite: {
    // Dates read in the configuration's locale and style, on pages and in browser scripts (src/lib/format/date-format.ts).
    define: {
      "import.meta.env.HINDSIGHT_DATE_FORMAT": JSON.stringify({ locale: siteConfig.locale, dateStyle: siteConfig.dateStyle }),
    },
    build: {
      rollupOptions: {
        // Astro's MDX output starts with a "use astro:head-inject" directive that the bundler warns about
        // once per postmortem; the warning is about Astro's own output and drowns real messages.
        onwarn(warning, warn) {
          if (warning.code === "MODULE_LEVEL_DIRECTIVE" && warning.message.includes("astro:head-inject")) return;
          warn(warning);
        },
      },
    },
  },
});
