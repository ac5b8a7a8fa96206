/**
 * YAML with source positions. Frontmatter and catalogs are parsed with the `yaml` package (core schema,
 * unique keys) so that every value keeps its range, then turned into plain data the way Astro's loader
 * (js-yaml, YAML 1.1) would see it: an unquoted timestamp with a time becomes a Date, so the schema can
 * say "quote it". Unquoted dates without a time stay strings, so an impossible `2016-02-30` is reported.
 */
import type * as Yaml from "yaml";
import type { Document, Node } from "yaml";
import { loadOnFirstUse } from "../load-on-first-use.ts";
import { UnquotedTimestamp } from "../schema/time.ts";
import type { Diagnostic } from "./diagnostic.ts";
import { MAX_ALIAS_EXPANSION } from "./limits.ts";

/** js-yaml's YAML 1.1 timestamp with a time part (date-only values excluded on purpose). */
const YAML11_TIMESTAMP =
  /^(\d{4})-(\d\d?)-(\d\d?)(?:[Tt]|[ \t]+)(\d\d?):(\d\d):(\d\d)(?:\.(\d*))?(?:[ \t]*(Z|[-+]\d\d?(?::?\d\d)?))?$/;

/** The Date js-yaml makes of an unquoted timestamp (its being a Date matters to the schema, and the text written to the hint). */
function yaml11Date(value: string): Date | undefined {
  const m = YAML11_TIMESTAMP.exec(value);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
  return Number.isNaN(ms) ? undefined : new UnquotedTimestamp(ms, value);
}

/** Loaded for the first file with a problem to locate: content without problems never needs it. */
const yaml = loadOnFirstUse<typeof Yaml>("yaml");

export interface YamlSource {
  doc: Document.Parsed;
  /** The plain data the schema validates. */
  data: unknown;
  /** Problems of YAML syntax and duplicate keys, already located. */
  syntax: Diagnostic[];
  /** Where a field path sits in the file. */
  locate: (path: readonly PropertyKey[], target?: "key" | "value") => { line: number; column: number };
  /** Where the character `index` of a text field sits, when the text is written on one line; else the field. */
  locateInText: (path: readonly PropertyKey[], index: number) => { line: number; column: number };
}

const SYNTAX_HINTS: Record<string, string> = {
  DUPLICATE_KEY: "",
  BAD_INDENT: "check the indentation: nested fields are indented by the same number of spaces, and lists are closed with ]",
  MISSING_CHAR: "add the missing character (a closing quote or bracket)",
  MULTILINE_IMPLICIT_KEY:
    "a key and its colon must be on one line; if this line continues the text above, indent it or quote the text",
  BLOCK_AS_IMPLICIT_KEY: "a key and its colon must be on one line; quote text that contains a colon",
  TAB_AS_INDENT: "indent with spaces, not tabs",
  UNEXPECTED_TOKEN: "check the line for a stray character; quote text that starts with @, `, %, | or >",
};

function syntaxMessage(code: string, message: string, source: string, offset: number): string {
  if (code === "DUPLICATE_KEY") {
    const key =
      /^[^:\n]*/
        .exec(source.slice(offset))?.[0]
        .trim()
        .replace(/^["']|["']$/g, "") ?? "";
    return `key "${key}" appears twice in the same block — YAML would silently keep only one of them; merge the two into one (for lists, move all items under the first "${key}:")`;
  }
  const what = message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
  const hint = SYNTAX_HINTS[code] ?? "check the quoting and indentation on this line";
  return `YAML syntax error: ${what} — ${hint}`;
}

/** Parses YAML text that starts at 0-based line `firstLine` of `file`. */
export function parseYamlSource(text: string, file: string, firstLine: number): YamlSource {
  const lineCounter = new (yaml().LineCounter)();
  const doc = yaml().parseDocument(text, { lineCounter, schema: "core", uniqueKeys: true, prettyErrors: false, strict: true });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(Math.min(offset, Math.max(text.length, 0)));
    return { line: line + firstLine, column: col };
  };
  const syntax = syntaxDiagnostics(doc, text, file, at);
  if (syntax.length === 0) {
    const aliases = aliasProblem(doc);
    if (aliases) syntax.push({ file, ...at(aliases.offset), path: "frontmatter", message: aliases.message });
  }
  const data = syntax.length > 0 ? undefined : toData(doc.contents, doc);
  const locate = (path: readonly PropertyKey[], target: "key" | "value" = "value") => {
    const found = nodeAt(doc, path, target);
    return found === undefined ? { line: firstLine, column: 1 } : at(found);
  };
  const locateInText = (path: readonly PropertyKey[], index: number) => {
    const node = nodeAtPath(doc, path);
    if (!yaml().isScalar(node) || !node.range || typeof node.value !== "string") return locate(path);
    const quoted = node.type === yaml().Scalar.QUOTE_DOUBLE || node.type === yaml().Scalar.QUOTE_SINGLE;
    const start = node.range[0] + (quoted ? 1 : 0);
    const written = text.slice(start, node.range[1]);
    // Only where the source shows the value as it is (one line, no escapes) do offsets match.
    if (
      node.type === yaml().Scalar.BLOCK_FOLDED ||
      node.type === yaml().Scalar.BLOCK_LITERAL ||
      written.includes("\n") ||
      written.includes("\\")
    )
      return locate(path);
    return at(start + Math.min(index, node.value.length));
  };
  return { doc, data, syntax, locate, locateInText };
}

/** A line's leading whitespace holds a tab. */
const TAB_INDENT = /^[ ]*\t/;

/**
 * Located syntax errors. A tab in the indentation makes the parser report several errors that never say
 * "tab"; such a line is reported once, as a tab. Other lines keep their first error.
 */
function syntaxDiagnostics(
  doc: Document.Parsed,
  text: string,
  file: string,
  at: (offset: number) => { line: number; column: number },
): Diagnostic[] {
  const lines = text.split("\n");
  const tabLines = lines.flatMap((line, index) => (TAB_INDENT.test(line) ? [index] : []));
  if (doc.errors.length > 0 && tabLines.length > 0) {
    const firstLine = at(0).line;
    return tabLines.map((index) => ({
      file,
      line: firstLine + index,
      column: lines[index]!.indexOf("\t") + 1,
      path: "frontmatter",
      message:
        "YAML syntax error: this line is indented with a tab — YAML allows only spaces for indentation; replace the tab with spaces",
    }));
  }
  const seen = new Set<number>();
  const out: Diagnostic[] = [];
  for (const error of doc.errors) {
    const position = at(error.pos[0]);
    if (seen.has(position.line)) continue;
    seen.add(position.line);
    out.push({ file, ...position, path: "frontmatter", message: syntaxMessage(error.code, error.message, text, error.pos[0]) });
  }
  return out;
}

/** The node at a path, or undefined. */
function nodeAtPath(doc: Document.Parsed, path: readonly PropertyKey[]): unknown {
  let node: unknown = doc.contents;
  for (const segment of path) {
    if (yaml().isAlias(node)) node = node.resolve(doc);
    if (yaml().isMap(node))
      node = node.items.find((p) => yaml().isPair(p) && yaml().isScalar(p.key) && String(p.key.value) === String(segment))?.value;
    else if (yaml().isSeq(node) && typeof segment === "number") node = node.items[segment];
    else return undefined;
  }
  return node;
}

/**
 * An alias (`*name`) that repeats too much, or refers to the block it sits in. Computed on the tree
 * without expanding anything: each anchored node's size is counted once, so a "billion laughs" of nested
 * aliases costs as little as it weighs in bytes. Anchors are resolved here in one pass, in document order
 * (the `yaml` package's own `Alias.resolve` searches the whole document for every alias).
 */
function aliasProblem(doc: Document.Parsed): { offset: number; message: string } | undefined {
  const anchors = new Map<string, Node>();
  const sizes = new Map<Node, number>();
  const open = new Set<Node>();
  let expanded = 0;
  let problem: { offset: number; message: string } | undefined;
  const size = (node: unknown): number => {
    if (problem || node === null || typeof node !== "object") return 1;
    if (yaml().isAlias(node)) {
      const target = anchors.get(node.source);
      if (target === undefined) return 1; // the parser has already reported an unknown alias
      const offset = node.range?.[0] ?? 0;
      if (open.has(target)) {
        problem = {
          offset,
          message: `alias *${node.source} refers to the block it sits in, which would repeat it forever — write the values out instead`,
        };
        return 1;
      }
      const repeated = sizes.get(target) ?? 1;
      expanded += repeated;
      if (expanded > MAX_ALIAS_EXPANSION)
        problem = {
          offset,
          message: `aliases repeat more than ${MAX_ALIAS_EXPANSION.toLocaleString("en")} values (this one, *${node.source}, alone repeats ${repeated.toLocaleString("en")}) — a postmortem needs no anchors or aliases (&name, *name); write the values out`,
        };
      return repeated;
    }
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) anchors.set(anchor, node as Node);
    open.add(node as Node);
    let total = 1;
    if (yaml().isMap(node)) for (const pair of node.items) total += size(pair.key) + size(pair.value);
    else if (yaml().isSeq(node)) for (const item of node.items) total += size(item);
    open.delete(node as Node);
    sizes.set(node as Node, total);
    return total;
  };
  size(doc.contents);
  return problem;
}

/** Plain data from the YAML tree, with js-yaml's timestamps. */
function toData(node: unknown, doc: Document.Parsed): unknown {
  if (yaml().isAlias(node)) return toData(node.resolve(doc), doc);
  if (yaml().isScalar(node)) {
    if (node.type === yaml().Scalar.PLAIN && typeof node.value === "string") return yaml11Date(node.value) ?? node.value;
    return node.value;
  }
  if (yaml().isMap(node)) {
    const object: Record<string, unknown> = {};
    for (const pair of node.items) {
      const key = yaml().isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      Object.defineProperty(object, key, {
        value: toData(pair.value, doc),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return object;
  }
  if (yaml().isSeq(node)) return node.items.map((item) => toData(item, doc));
  return node === null || node === undefined ? null : node;
}

/**
 * The source offset of the node at `path`: the value, or its key when `target` is "key".
 * A path that does not exist (a missing field) resolves to the key of the closest existing parent.
 */
function nodeAt(doc: Document.Parsed, path: readonly PropertyKey[], target: "key" | "value"): number | undefined {
  let node: unknown = doc.contents;
  let keyOffset: number | undefined;
  let fallback: number | undefined = (doc.contents as Node | null)?.range?.[0];
  for (const segment of path) {
    if (yaml().isAlias(node)) node = node.resolve(doc);
    if (yaml().isMap(node)) {
      const pair = node.items.find((p) => yaml().isPair(p) && yaml().isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) return keyOffset ?? fallback;
      keyOffset = (pair.key as Node).range?.[0];
      fallback = keyOffset;
      node = pair.value;
    } else if (yaml().isSeq(node) && typeof segment === "number") {
      const item = node.items[segment] as Node | undefined;
      if (!item) return keyOffset ?? fallback;
      keyOffset = item.range?.[0];
      fallback = keyOffset;
      node = item;
    } else {
      return keyOffset ?? fallback;
    }
  }
  if (target === "key") return keyOffset ?? fallback;
  const value = (node as Node | null)?.range?.[0];
  return value ?? keyOffset ?? fallback;
}
