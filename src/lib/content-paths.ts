/**
 * Where content lives. `HINDSIGHT_CONTENT` points the site, the CLI and the tests at another folder
 * (fixtures, a benchmark corpus); the default is `content/` at the project root.
 */
import { join } from "node:path";

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
