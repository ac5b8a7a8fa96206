/** Compiles a postmortem body exactly as the build does: Astro's Sätteri MDX renderer with the site's body plugins. */
import { join } from "node:path";
import { satteri } from "@astrojs/markdown-satteri";
import { bodyPlugins } from "../../src/lib/markdown/body-plugins.ts";
import { ROOT } from "./paths.ts";

type Renderer = { process: (content: string, file: string, frontmatter: Record<string, unknown>) => Promise<{ code: string }> };
let renderer: Renderer | undefined;

/** The compiled JavaScript of `body` as the file `content/postmortems/<name>`; throws what the build would throw. */
export async function compileLikeTheBuild(body: string, name = "2024-01-01-x.mdx"): Promise<string> {
  if (renderer === undefined) {
    const processor = satteri({ hastPlugins: bodyPlugins });
    if (!processor.createMdxRenderer) throw new Error("this version of @astrojs/markdown-satteri cannot compile MDX");
    renderer = await processor.createMdxRenderer(
      { syntaxHighlight: "prism", shikiConfig: {}, gfm: true, smartypants: true } as never,
      { optimize: false, srcDir: new URL(`file://${ROOT}/src/`), sourcemap: false },
    );
  }
  return (await renderer.process(body, join(ROOT, "content/postmortems", name), {})).code;
}
