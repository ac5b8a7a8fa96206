/**
 * Astro's content cache (its data store and the modules compiled from content) is only valid for the
 * content folder it was made from: entries of another folder would be built again, or break the build when
 * their files are gone. So each content folder gets its own cache folder, named after its absolute path.
 */
import { createHash } from "node:crypto";
import { basename, join, resolve } from "node:path";

/** The cache folder for `contentDir` under `base` (`node_modules/.astro/content-<name>-<hash>`). */
export function contentCacheDir(base: string, contentDir: string): string {
  const absolute = resolve(contentDir);
  const hash = createHash("sha256").update(absolute).digest("hex").slice(0, 12);
  const name =
    basename(absolute)
      .replace(/[^A-Za-z0-9_-]/g, "_")
      .slice(0, 40) || "root";
  return join(base, `content-${name}-${hash}`);
}
