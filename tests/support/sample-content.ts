/** Reads the sample content's frontmatter directly, so tests can compute what the build should contain. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { ROOT } from "./paths.ts";

export interface SampleFile {
  id: string;
  data: Record<string, unknown> & { status: string; title: string };
}

export function readPostmortemFrontmatter(contentDir = join(ROOT, "content")): SampleFile[] {
  const dir = join(contentDir, "postmortems");
  return readdirSync(dir)
    .filter((name) => name.endsWith(".mdx"))
    .map((name) => {
      const text = readFileSync(join(dir, name), "utf8");
      const frontmatter = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? "";
      return { id: name.replace(/\.mdx$/, ""), data: parse(frontmatter) as SampleFile["data"] };
    });
}
