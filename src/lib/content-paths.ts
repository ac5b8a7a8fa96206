/**
 * Where content lives. `HINDSIGHT_CONTENT` points the site, the CLI and the tests at another folder
 * (fixtures, a benchmark corpus); the default is `content/` at the project root.
 */
import { readdirSync } from "node:fs";
import { join, sep } from "node:path";

export function contentDir(env: Record<string, string | undefined> = process.env): string {
  return env["HINDSIGHT_CONTENT"] ?? "content";
}

/** The paths of every content file, relative to the project root. */
export function contentPaths(dir: string = contentDir()) {
  return {
    dir,
    postmortems: join(dir, "postmortems"),
    teams: join(dir, "teams.yaml"),
    services: join(dir, "services.yaml"),
    taxonomy: join(dir, "taxonomy.yaml"),
    site: join(dir, "site.yaml"),
  };
}

/** Every file under the postmortems folder, nested ones included, as sorted names written with "/". */
export function listPostmortemFolder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: "utf8" })
    .map((name) => name.split(sep).join("/"))
    .sort();
}

/** True for a name in that listing that is a postmortem checked on its own: an .mdx file directly in the folder (nested files are reported by name only). */
export function isPostmortemFileName(name: string): boolean {
  return name.endsWith(".mdx") && !name.includes("/");
}
