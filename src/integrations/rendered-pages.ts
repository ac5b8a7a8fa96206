/**
 * Adds the build-time middleware that hands each rendered page to the build's listeners
 * (src/lib/build/rendered-pages.ts): the search index and the page policies take pages as they render.
 */
import type { AstroIntegration } from "astro";

export default function renderedPages(): AstroIntegration {
  return {
    name: "hindsight:rendered-pages",
    hooks: {
      "astro:config:setup": ({ command, addMiddleware }) => {
        if (command === "build")
          addMiddleware({ order: "post", entrypoint: new URL("./rendered-pages-middleware.ts", import.meta.url) });
      },
    },
  };
}
