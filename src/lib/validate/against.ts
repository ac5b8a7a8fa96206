/**
 * `validate --against <git-ref>`: what may not disappear between a ref (usually the main branch) and the
 * working tree. Action items are retired with `status: wont-do` and a reason, never deleted; a
 * postmortem that readers could see (in review or published) keeps its URL, so if it is renamed its
 * old id goes into the new file's `aliases` (which redirects it). Drafts were never built, so they are free to change.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { parseDocument } from "yaml";
import { contentPaths } from "../content-paths.ts";
import type { Diagnostic } from "./diagnostic.ts";
import { splitFrontmatter } from "./source.ts";
import { parseYamlSource } from "./yaml-source.ts";

/** What the rules need from one postmortem, read leniently (validation reports the rest). */
export interface PostmortemOutline {
  id: string;
  file: string;
  status: string;
  aliases: string[];
  items: { id: string; title: string }[];
}

/** Reads the outline of a postmortem's text, or undefined if its frontmatter cannot be read. */
export function outlineOf(id: string, file: string, text: string): PostmortemOutline | undefined {
  const split = splitFrontmatter(text);
  if (!split.ok) return undefined;
  const doc = parseDocument(split.source.yaml, { schema: "core", uniqueKeys: false });
  const data: unknown = doc.errors.length > 0 ? undefined : doc.toJS();
  if (data === null || typeof data !== "object") return undefined;
  const record = data as Record<string, unknown>;
  const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
  return {
    id,
    file,
    status: typeof record["status"] === "string" ? record["status"] : "draft",
    aliases: list(record["aliases"]).filter((a): a is string => typeof a === "string"),
    items: list(record["actionItems"]).flatMap((item) => {
      const { id: itemId, title } = (item ?? {}) as { id?: unknown; title?: unknown };
      return typeof itemId === "string" ? [{ id: itemId, title: typeof title === "string" ? title : "" }] : [];
    }),
  };
}

function git(args: string[], cwd: string): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", maxBuffer: 512 * 1024 * 1024, stdio: ["ignore", "pipe", "pipe"] });
}

/** An error the command reports as a usage problem (exit code 2), not as content problems. */
export class AgainstError extends Error {}

/** The postmortems at a git ref, read with `git ls-tree` and one `git cat-file --batch`. */
export function postmortemsAtRef(ref: string, postmortemsDir: string): PostmortemOutline[] {
  const dir = resolve(postmortemsDir);
  let root: string;
  try {
    root = git(["rev-parse", "--show-toplevel"], existsSync(dir) ? dir : resolve(dir, "..")).trim();
  } catch {
    throw new AgainstError(
      `--against needs a git repository, and ${postmortemsDir} is not inside one — run it in a clone of the content repository`,
    );
  }
  try {
    git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], root);
  } catch {
    throw new AgainstError(
      `git ref "${ref}" does not exist — fetch it first (for example \`git fetch origin main\`) and pass a branch, tag or commit such as origin/main`,
    );
  }
  const prefix = relative(root, dir).split(sep).join("/");
  const names = git(["ls-tree", "-r", "--name-only", ref, "--", `${prefix}/`], root)
    .split("\n")
    .filter((path) => path.endsWith(".mdx") && !path.slice(prefix.length + 1).includes("/"));
  if (names.length === 0) return [];
  const batch = execFileSync("git", ["cat-file", "--batch"], {
    cwd: root,
    input: names.map((path) => `${ref}:${path}`).join("\n") + "\n",
    maxBuffer: 1024 * 1024 * 1024,
    stdio: ["pipe", "pipe", "pipe"],
  });
  const outlines: PostmortemOutline[] = [];
  let offset = 0;
  for (const path of names) {
    const headerEnd = batch.indexOf(10, offset);
    const size = Number(batch.subarray(offset, headerEnd).toString("utf8").split(" ")[2]);
    const text = batch.subarray(headerEnd + 1, headerEnd + 1 + size).toString("utf8");
    offset = headerEnd + 1 + size + 1;
    const name = path.slice(prefix.length + 1);
    const outline = outlineOf(name.slice(0, -".mdx".length), path, text);
    if (outline) outlines.push(outline);
  }
  return outlines;
}

/** The postmortems in the working tree. */
function currentPostmortems(postmortemsDir: string, display: (path: string) => string): PostmortemOutline[] {
  if (!existsSync(postmortemsDir)) return [];
  return readdirSync(postmortemsDir)
    .filter((name) => name.endsWith(".mdx"))
    .flatMap((name) => {
      const outline = outlineOf(
        name.slice(0, -".mdx".length),
        display(join(postmortemsDir, name)),
        readFileSync(join(postmortemsDir, name), "utf8"),
      );
      return outline ? [outline] : [];
    });
}

function quoteTitle(title: string): string {
  const short = title.length > 60 ? `${title.slice(0, 57)}…` : title;
  return short ? ` ("${short}")` : "";
}

/** Problems of things that existed at `ref` and are gone now. */
export function compareWithRef(ref: string, contentDir: string, cwd: string = process.cwd()): Diagnostic[] {
  const display = (path: string) => relative(cwd, path).split(sep).join("/");
  const { postmortems } = contentPaths(contentDir);
  const before = postmortemsAtRef(ref, postmortems);
  const now = currentPostmortems(postmortems, display);
  const byId = new Map(now.map((p) => [p.id, p]));
  const byAlias = new Map<string, PostmortemOutline>();
  for (const p of now) for (const alias of p.aliases) byAlias.set(alias, p);
  const diagnostics: Diagnostic[] = [];

  for (const old of before) {
    if (old.status === "draft") continue;
    const current = byId.get(old.id) ?? byAlias.get(old.id);
    if (!current) {
      diagnostics.push({
        file: display(join(postmortems, `${old.id}.mdx`)),
        line: 1,
        column: 1,
        path: "(file)",
        message: `postmortem "${old.id}" was ${old.status} at ${ref} and is gone, so its URL would break — restore the file, or if it was renamed add "${old.id}" to the aliases of the new file`,
      });
      continue;
    }
    const kept = new Set(current.items.map((item) => item.id));
    const missing = old.items.filter((item) => !kept.has(item.id));
    if (missing.length === 0) continue;
    const text = readFileSync(join(cwd, current.file), "utf8");
    const split = splitFrontmatter(text);
    const position = split.ok
      ? parseYamlSource(split.source.yaml, current.file, split.source.yamlLine).locate(["actionItems"], "key")
      : { line: 1, column: 1 };
    const where = current.id === old.id ? "" : ` in ${old.id}`;
    for (const item of missing) {
      diagnostics.push({
        file: current.file,
        ...position,
        path: "actionItems",
        message: `action item ${item.id}${quoteTitle(item.title)} existed${where} at ${ref} and has been deleted — put it back; to retire an item set status: wont-do and give a reason, never delete it`,
      });
    }
  }
  return diagnostics;
}
