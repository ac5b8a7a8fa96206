// @ts-check
import mdx from "@astrojs/mdx";
import { defineConfig } from "astro/config";
import pagefind from "./src/integrations/pagefind.ts";
import validateContent from "./src/integrations/validate.ts";

export default defineConfig({
  site: process.env["HINDSIGHT_SITE"] ?? "https://hindsight.example.com",
  outDir: process.env["HINDSIGHT_OUT_DIR"] ?? "./dist",
  cacheDir: process.env["HINDSIGHT_CACHE_DIR"] ?? "./node_modules/.astro",
  trailingSlash: "always",
  // External stylesheets keep pages free of inline styles, so the Content-Security-Policy needs no unsafe-inline.
  build: { format: "directory", inlineStylesheets: "never" },
  integrations: [validateContent(), mdx(), pagefind()],
  devToolbar: { enabled: false },
});
