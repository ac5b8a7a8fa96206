/** Rules on the files in the postmortems folder, and the one safe way to read a content file. */
import { closeSync, fstatSync, lstatSync, openSync, readSync, realpathSync, statSync, constants } from "node:fs";
import { isUtf8 } from "node:buffer";
import { isAbsolute, join, relative, sep } from "node:path";
import { slugify } from "../scaffold/postmortem-template.ts";
import { MAX_ID_LENGTH, POSTMORTEM_ID } from "../schema/identifiers.ts";
import { isCalendarDate } from "../schema/time.ts";
import { formatBytes } from "../validate/limits.ts";
import type { Problem } from "./problem.ts";

/** A date written in a file name in any common shape (2016-1-4, 2016_01_04, 20160104), as YYYY-MM-DD. */
const NAME_DATE = /(\d{4})[-_. ]?(\d{1,2})[-_. ]?(\d{1,2})(?!\d)/;

/**
 * The file name a misnamed postmortem should have, from its own name: its date (or, failing that, the
 * start date written inside it) and its words as a slug. `startedOf` reads the file's `started` date.
 */
export function suggestedFileName(name: string, startedOf?: (name: string) => string | undefined): string {
  const stem = name.replace(/\.[^.]*$/, "");
  const m = NAME_DATE.exec(stem);
  const written = m ? `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}` : undefined;
  const date = written !== undefined && isCalendarDate(written) ? written : startedOf?.(name);
  const words = m ? stem.replace(m[0], " ") : stem;
  const slug = slugify(words);
  return `${date ?? "YYYY-MM-DD"}-${slug}.mdx`;
}

/** Problems with the names in `content/postmortems/` (given relative to `dir`). */
export function checkPostmortemFileNames(
  names: readonly string[],
  dir: string,
  startedOf?: (name: string) => string | undefined,
): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  const mdx = names.filter((n) => !n.startsWith(".") || n.endsWith(".mdx"));
  if (!mdx.some((n) => n.endsWith(".mdx"))) {
    problems.push({
      file: dir,
      path: [],
      message: "holds no postmortems — add one with `npm run new`, or point HINDSIGHT_CONTENT at your content folder",
    });
  }
  const mdxNames = new Set(mdx.filter((n) => n.endsWith(".mdx")));
  /** True for a file inside a folder named x.mdx (found by its parents, not by comparing every pair of names). */
  const insideMdxFolder = (name: string) => {
    for (let slash = name.indexOf("/"); slash !== -1; slash = name.indexOf("/", slash + 1))
      if (mdxNames.has(name.slice(0, slash))) return true;
    return false;
  };
  for (const name of mdx) {
    const file = `${dir}/${name}`;
    // The files inside a folder named x.mdx are reported with the folder itself (see fileKindProblem).
    if (insideMdxFolder(name)) continue;
    if (!name.endsWith(".mdx")) {
      const hint = name.endsWith(".md") ? `rename it to ${name.replace(/\.md$/, ".mdx")}` : "move it out of this folder";
      problems.push({ file, path: [], message: `only .mdx postmortems belong here — ${hint}` });
      continue;
    }
    const id = name.slice(0, -".mdx".length);
    if (id.includes("/")) {
      problems.push({
        file,
        path: [],
        message: "postmortems must sit directly in the postmortems folder — move it up, out of the subfolder",
      });
      continue;
    }
    if (!POSTMORTEM_ID.test(id) || !isCalendarDate(id.slice(0, 10))) {
      problems.push({
        file,
        path: [],
        message: `file name "${name}" is not YYYY-MM-DD-slug.mdx — name it after the incident's start date and a lower-case slug of ASCII letters, digits and hyphens: ${suggestedFileName(name, startedOf)}`,
      });
    } else if (id.length > MAX_ID_LENGTH) {
      problems.push({
        file,
        path: [],
        message: `file name is ${id.length} characters before .mdx; a postmortem id may have at most ${MAX_ID_LENGTH} — shorten the slug to a few words`,
      });
    }
    const other = seen.get(id.toLowerCase());
    if (other !== undefined)
      problems.push({
        file,
        path: [],
        message: `has the same id (and URL) as ${dir}/${other}, ignoring case — rename one of them`,
      });
    else seen.set(id.toLowerCase(), name);
  }
  return problems;
}

/**
 * Why a path in the content folder must not be read, or undefined for a regular file inside the folder.
 * Only regular files are read: a folder, a FIFO (whose read would block forever), a socket or a device is
 * refused, and so is a symbolic link that leads out of the content folder (a pull request could otherwise
 * publish any file the build machine can read).
 */
export function fileKindProblem(absolute: string, root: string): string | undefined {
  let link;
  try {
    link = lstatSync(absolute);
  } catch (error) {
    return `cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"}) — check that the file exists and is readable`;
  }
  if (link.isSymbolicLink()) {
    let target: string;
    try {
      target = realpathSync(absolute);
    } catch {
      return "is a symbolic link to a file that does not exist — remove the link, or put the postmortem itself here";
    }
    if (!isInside(target, realpathSync(root)))
      return "is a symbolic link to a file outside the content folder — copy the postmortem into the folder instead of linking to it";
  }
  const stats = link.isSymbolicLink() ? statSync(absolute) : link;
  if (stats.isFile()) return undefined;
  const kind = stats.isDirectory()
    ? "a folder"
    : stats.isFIFO()
      ? "a named pipe (FIFO)"
      : stats.isSocket()
        ? "a socket"
        : "a device";
  return `is ${kind}, not a file — only regular .mdx files belong here; remove it or rename it so that its name does not end in .mdx`;
}

/**
 * Problems with the kind of each postmortem file in `dir` (names relative to it): for loaders that read
 * files themselves, such as Astro's glob loader, which would follow a link out of the content folder.
 */
export function checkPostmortemFileKinds(names: readonly string[], dir: string, root: string): Problem[] {
  const problems: Problem[] = [];
  for (const name of names) {
    if (!name.endsWith(".mdx") || name.includes("/") || name.includes("\\")) continue;
    const message = fileKindProblem(join(dir, name), root);
    if (message !== undefined) problems.push({ file: `${dir}/${name}`, path: [], message });
  }
  return problems;
}

function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel !== "" && !rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel);
}

/** A content file's text, or why it cannot be used, at a line and column of the file. */
export type ReadResult = { ok: true; text: string } | { ok: false; line: number; column: number; message: string };

/**
 * Reads a content file safely: only a regular file inside `root`, at most `maxBytes` long (checked before
 * reading, so a huge file costs nothing), and only valid UTF-8 — the first invalid byte is reported with its
 * offset, line and column.
 */
export function readContentFile(absolute: string, root: string, maxBytes: number): ReadResult {
  const kind = fileKindProblem(absolute, root);
  if (kind !== undefined) return { ok: false, line: 1, column: 1, message: kind };
  // O_NONBLOCK: should the file have been swapped for a FIFO since the check above, opening it cannot hang.
  const fd = openSync(absolute, constants.O_RDONLY | constants.O_NONBLOCK);
  let bytes: Buffer;
  try {
    const stats = fstatSync(fd);
    const size = stats.size;
    if (!stats.isFile())
      return { ok: false, line: 1, column: 1, message: "is not a regular file — only regular .mdx files belong here" };
    if (size > maxBytes)
      return {
        ok: false,
        line: 1,
        column: 1,
        message: `is ${formatBytes(size)}; a content file may be at most ${formatBytes(maxBytes)} — split it, or move logs and data dumps to a linked file`,
      };
    bytes = Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, bytes, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    bytes = bytes.subarray(0, read);
  } finally {
    closeSync(fd);
  }
  if (!isUtf8(bytes)) {
    const offset = firstInvalidUtf8(bytes);
    const before = bytes.subarray(0, offset).toString("utf8");
    const lines = before.split("\n");
    return {
      ok: false,
      line: lines.length,
      column: lines.at(-1)!.length + 1,
      message: `is not valid UTF-8: byte 0x${bytes[offset]!.toString(16).toUpperCase().padStart(2, "0")} at byte offset ${offset} — save the file as UTF-8 (text pasted from another encoding, such as Latin-1 or Windows-1252, often causes this)`,
    };
  }
  return { ok: true, text: bytes.toString("utf8") };
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    if (need === 0) {
      i++;
      continue;
    }
    // The second byte's range excludes overlong forms, surrogates and code points above U+10FFFF.
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}
