/**
 * `validate --against <git-ref>`: what may not disappear between a ref (usually the main branch) and the
 * working tree. Action items are retired with `status: wont-do` and a reason, never deleted, renumbered or
 * reused; a postmortem that readers could see (in review, published or withdrawn) keeps its URL and may not
 * go back to a draft (nor from published to review) — the reviewable way back is `status: withdrawn` with a
 * `withdrawnReason`; if it is renamed, git must see the rename (the same file, moved) and its old id goes
 * into the new file's `aliases` (which redirects it). Drafts were never built, so they are free to change.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve, sep } from "node:path";
import type * as Yaml from "yaml";
import { contentPaths } from "../content-paths.ts";
import type { Diagnostic } from "./diagnostic.ts";
import { loadOnFirstUse } from "../load-on-first-use.ts";
import { splitFrontmatter } from "./source.ts";
import { parseYamlSource } from "./yaml-source.ts";

/** Loaded only for `--against`. */
const yaml = loadOnFirstUse<typeof Yaml>("yaml");

/** What the rules need from one postmortem, read leniently (validation reports the rest). */
export interface PostmortemOutline {
  id: string;
  file: string;
  status: string;
  aliases: string[];
  items: { id: string; title: string }[];
  /** False when the frontmatter could not be read (validation reports why); only the id is known then. */
  readable: boolean;
}

/** Reads the outline of a postmortem's text; `readable: false` if its frontmatter cannot be read. */
export function outlineOf(id: string, file: string, text: string): PostmortemOutline {
  const unreadable = { id, file, status: "unknown", aliases: [], items: [], readable: false };
  const split = splitFrontmatter(text);
  if (!split.ok) return unreadable;
  const doc = yaml().parseDocument(split.source.yaml, { schema: "core", uniqueKeys: false });
  let data: unknown;
  try {
    // toJS refuses YAML whose aliases expand too far (a ReferenceError); validation reports that file itself.
    data = doc.errors.length > 0 ? undefined : doc.toJS();
  } catch {
    data = undefined;
  }
  if (data === null || typeof data !== "object") return unreadable;
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
    readable: true,
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
    outlines.push(outlineOf(name.slice(0, -".mdx".length), path, text));
  }
  return outlines;
}

/** The postmortems in the working tree: regular files only (validation reports anything else). */
function currentPostmortems(postmortemsDir: string, display: (path: string) => string): PostmortemOutline[] {
  if (!existsSync(postmortemsDir)) return [];
  return readdirSync(postmortemsDir, { withFileTypes: true })
    .filter((entry) => entry.name.endsWith(".mdx") && entry.isFile())
    .map(({ name }) =>
      outlineOf(
        name.slice(0, -".mdx".length),
        display(join(postmortemsDir, name)),
        readFileSync(join(postmortemsDir, name), "utf8"),
      ),
    );
}

/** Where git sees `<dir>/<old>.mdx` renamed between `ref` and the working tree (untracked files included). */
export function renamesSinceRef(ref: string, postmortemsDir: string): Map<string, string> {
  const dir = resolve(postmortemsDir);
  const root = git(["rev-parse", "--show-toplevel"], dir).trim();
  const prefix = relative(root, dir).split(sep).join("/");
  // A scratch index holding the ref's tree plus the working tree's postmortems, so git's own rename
  // detection sees new files that are not yet added, without touching the author's index.
  const scratch = mkdtempSync(join(tmpdir(), "hindsight-against-"));
  const env = { ...process.env, GIT_INDEX_FILE: join(scratch, "index") };
  const run = (args: string[]) =>
    execFileSync("git", args, {
      cwd: root,
      env,
      encoding: "utf8",
      maxBuffer: 512 * 1024 * 1024,
      stdio: ["ignore", "pipe", "pipe"],
    });
  try {
    run(["read-tree", ref]);
    run(["add", "--all", "--", `${prefix}/`]);
    const fields = run(["diff", "--cached", "--find-renames", "--name-status", "-z", ref, "--", `${prefix}/`]).split("\0");
    const renames = new Map<string, string>();
    const idOf = (path: string) => {
      const name = path.slice(prefix.length + 1);
      return name.endsWith(".mdx") && !name.includes("/") ? name.slice(0, -".mdx".length) : undefined;
    };
    for (let i = 0; i < fields.length && fields[i] !== "";) {
      const status = fields[i]!;
      if (status.startsWith("R")) {
        const from = idOf(fields[i + 1]!);
        const to = idOf(fields[i + 2]!);
        if (from !== undefined && to !== undefined) renames.set(from, to);
        i += 3;
      } else i += status.startsWith("C") ? 3 : 2;
    }
    return renames;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function quoteTitle(title: string): string {
  const short = title.length > 60 ? `${title.slice(0, 57)}…` : title;
  return short ? ` ("${short}")` : "";
}

/** Statuses a build gives a page; one of them at the ref means readers may hold the URL. */
const SHOWN = new Set(["in-review", "published", "withdrawn"]);

/** Words that say what an item is about (lower case, without short filler words). */
function words(title: string): Set<string> {
  return new Set(title.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []);
}

/**
 * True when two titles share almost no words, so an id that kept its number now names another commitment.
 * Rewording keeps most words; at most a third shared (over the shorter title) counts as a different item.
 */
export function isDifferentItem(before: string, after: string): boolean {
  const a = words(before);
  const b = words(after);
  if (a.size === 0 || b.size === 0) return false;
  const shared = [...a].filter((w) => b.has(w)).length;
  return shared / Math.min(a.size, b.size) < 1 / 3;
}

const normalise = (title: string) => title.toLowerCase().replace(/\s+/g, " ").trim();

/** Problems of the action items of one postmortem between the ref and now, matched by their full key. */
function compareItems(old: PostmortemOutline, current: PostmortemOutline, ref: string, cwd: string): Diagnostic[] {
  const problems: { index: number | undefined; message: string }[] = [];
  const now = new Map(current.items.map((item, index) => [item.id, { ...item, index }]));
  const where = current.id === old.id ? "" : ` in ${old.id}`;
  const oldIds = new Set(old.items.map((item) => item.id));
  for (const item of old.items) {
    const oldKey = `${old.id}#${item.id}`;
    const same = now.get(item.id);
    const moved = current.items.findIndex(
      (n) => n.id !== item.id && normalise(n.title) === normalise(item.title) && normalise(item.title) !== "",
    );
    if (moved >= 0 && (!same || normalise(same.title) !== normalise(item.title))) {
      const to = current.items[moved]!.id;
      problems.push({
        index: moved,
        message: `action item ${oldKey}${quoteTitle(item.title)} has been renumbered to ${to} since ${ref} — item ids are permanent (links, tickets and priorActionItems use them): give it back the id ${item.id}`,
      });
      continue;
    }
    if (!same) {
      problems.push({
        index: undefined,
        message: `action item ${item.id}${quoteTitle(item.title)} existed${where} at ${ref} and has been deleted — put it back; to retire an item set status: wont-do and give a reason, never delete it`,
      });
      continue;
    }
    if (isDifferentItem(item.title, same.title)) {
      const used = new Set([...oldIds, ...now.keys()]);
      const letters = item.id.replace(/\d+$/, "");
      let n = 1;
      while (used.has(`${letters}${n}`)) n += 1;
      problems.push({
        index: same.index,
        message: `action item ${oldKey} was${quoteTitle(item.title)} at ${ref} and is now${quoteTitle(same.title)} — an id names one commitment forever: give the new item its own id (${letters}${n} is free) and keep ${item.id} as it was (retire it with status: wont-do and a reason if it is dropped)`,
      });
    }
  }
  if (problems.length === 0) return [];
  const text = readFileSync(join(cwd, current.file), "utf8");
  const split = splitFrontmatter(text);
  const yaml = split.ok ? parseYamlSource(split.source.yaml, current.file, split.source.yamlLine) : undefined;
  return problems.map(({ index, message }) => ({
    file: current.file,
    ...(yaml
      ? index === undefined
        ? yaml.locate(["actionItems"], "key")
        : yaml.locate(["actionItems", index, "id"], "value")
      : { line: 1, column: 1 }),
    path: index === undefined ? "actionItems" : `actionItems.${index}.id`,
    message,
  }));
}

/** Where a field of a current file is, for messages about it. */
function locateIn(current: PostmortemOutline, path: PropertyKey[], cwd: string): { line: number; column: number } {
  const split = splitFrontmatter(readFileSync(join(cwd, current.file), "utf8"));
  return split.ok
    ? parseYamlSource(split.source.yaml, current.file, split.source.yamlLine).locate(path, "key")
    : { line: 1, column: 1 };
}

/** Problems of things that existed at `ref` and are gone now. */
export function compareWithRef(ref: string, contentDir: string, cwd: string = process.cwd()): Diagnostic[] {
  const display = (path: string) => relative(cwd, path).split(sep).join("/");
  const { postmortems } = contentPaths(contentDir);
  const before = postmortemsAtRef(ref, postmortems);
  const now = currentPostmortems(postmortems, display);
  const byId = new Map(now.map((p) => [p.id, p]));
  const claimants = new Map<string, PostmortemOutline>();
  for (const p of now) for (const alias of p.aliases) claimants.set(alias, p);
  const shownBefore = before.filter((old) => old.readable && SHOWN.has(old.status));
  const renames = shownBefore.some((old) => !byId.has(old.id)) ? renamesSinceRef(ref, postmortems) : new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  const gone = (old: PostmortemOutline, message: string) =>
    diagnostics.push({ file: display(join(postmortems, `${old.id}.mdx`)), line: 1, column: 1, path: "(file)", message });

  for (const old of shownBefore) {
    let current = byId.get(old.id);
    if (!current) {
      const renamedTo = renames.get(old.id);
      const target = renamedTo === undefined ? undefined : byId.get(renamedTo);
      const claimant = claimants.get(old.id);
      if (target && claimant === target) {
        current = target;
      } else if (target) {
        gone(
          old,
          `postmortem "${old.id}" was ${old.status} at ${ref} and git shows it renamed to ${target.id} — add "${old.id}" to the aliases of ${target.file} so its URL redirects there`,
        );
        continue;
      } else if (claimant) {
        diagnostics.push({
          file: claimant.file,
          ...locateIn(claimant, ["aliases"], cwd),
          path: "aliases",
          message: `claims "${old.id}", which was ${old.status} at ${ref}, but git does not show ${old.id}.mdx renamed to this file — an alias belongs only to the renamed file: restore ${old.id}.mdx, or rename it with \`git mv\` (keeping most of its text) and take over its aliases there`,
        });
        continue;
      } else {
        gone(
          old,
          `postmortem "${old.id}" was ${old.status} at ${ref} and is gone, so its URL would break — restore the file, or if it was renamed add "${old.id}" to the aliases of the new file`,
        );
        continue;
      }
    }
    if (!current.readable) continue;
    const demoted = current.status === "draft" || (old.status !== "in-review" && current.status === "in-review");
    if (demoted) {
      diagnostics.push({
        file: current.file,
        ...locateIn(current, ["status"], cwd),
        path: "status",
        message: `postmortem "${old.id}" was ${old.status} at ${ref} and is now ${current.status}, which would take its page, redirects and action items off the site — set status back to ${old.status}; to take a postmortem back, set status: withdrawn and say why in withdrawnReason, which keeps its page with a notice`,
      });
    }
    diagnostics.push(...compareItems(old, current, ref, cwd));
  }
  return diagnostics;
}
