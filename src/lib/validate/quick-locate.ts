/**
 * Positions of fields in YAML that the fast path has already read without a problem, for the warnings and
 * the rules across files that point into it. js-yaml reads the text once more, reporting where each node
 * starts (its `listener`); that costs a fraction of the positional parse (yaml-source.ts), which a file with
 * one warning would otherwise pay in full. Only an answer known to be the one the positional parse gives is
 * returned: a path through anchors, aliases, tags or merge keys, a value that is not written as it reads, or
 * anything unusual answers undefined, and the caller asks the positional parse.
 */
import { load } from "js-yaml";
import { LineIndex } from "./source.ts";
import { parseYamlSource, type YamlSource } from "./yaml-source.ts";

/** A 1-based line and column in the file. */
interface Position {
  line: number;
  column: number;
}

/** One node as js-yaml composed it: where it starts (before any separating space), ends, and what it made. */
interface Frame {
  start: number;
  end: number;
  kind: string | null;
  result: unknown;
  children: Frame[];
}

export interface QuickLocator {
  /** Where a field's value (or its key) is written, or undefined when the positional parse must answer. */
  locate: (path: readonly PropertyKey[], target?: "key" | "value") => Position | undefined;
  /** Where character `index` of a text field is, or undefined when the positional parse must answer. */
  locateInText: (path: readonly PropertyKey[], index: number) => Position | undefined;
}

/**
 * Locates fields of YAML text that starts at 0-based line `firstLine` of `file`: with js-yaml's positions
 * where they are certain, else with the positional parse (made once, on first need).
 */
export function locatorFor(text: string, file: string, firstLine: number): Pick<YamlSource, "locate" | "locateInText"> {
  let quick: QuickLocator | undefined;
  let full: YamlSource | undefined;
  const fast = () => (quick ??= quickLocator(text, firstLine));
  const slow = () => (full ??= parseYamlSource(text, file, firstLine));
  return {
    locate: (path, target) => fast().locate(path, target) ?? slow().locate(path, target),
    locateInText: (path, index) => fast().locateInText(path, index) ?? slow().locateInText(path, index),
  };
}

const NOWHERE: QuickLocator = { locate: () => undefined, locateInText: () => undefined };

/** A locator for YAML text that starts at 0-based line `firstLine` of its file. */
export function quickLocator(text: string, firstLine: number): QuickLocator {
  const root = composedTree(text);
  if (root === undefined) return NOWHERE;
  const lines = new LineIndex(text, firstLine);
  /** The first character of a node: after spaces, line breaks and comments. */
  const contentStart = (offset: number): number => {
    let i = offset;
    for (;;) {
      const c = text[i];
      if (c === " " || c === "\t" || c === "\n" || c === "\r") i++;
      else if (c === "#") {
        const eol = text.indexOf("\n", i);
        if (eol === -1) return i;
        i = eol;
      } else return i;
    }
  };
  /** The key and value nodes at a path, each checked against the data js-yaml made. */
  const find = (path: readonly PropertyKey[]): { key: number; value: Frame } | undefined => {
    let frame = root;
    let key = -1;
    for (const segment of path) {
      const data = frame.result;
      if (frame.kind === "mapping" && data !== null && typeof data === "object" && !Array.isArray(data)) {
        const pairs = frame.children;
        if (pairs.length % 2 !== 0 || pairs.length / 2 !== Object.keys(data).length) return undefined;
        let found: number | undefined;
        for (let i = 0; i < pairs.length; i += 2) {
          if (pairs[i]!.result === "<<") return undefined; // a merge: the positional parse reads it differently
          if (pairs[i]!.kind === "scalar" && String(pairs[i]!.result) === String(segment)) found = i;
        }
        if (found === undefined) return undefined;
        const value = pairs[found + 1]!;
        if (!Object.hasOwn(data, String(segment)) || value.result !== (data as Record<string, unknown>)[String(segment)])
          return undefined;
        key = contentStart(pairs[found]!.start);
        frame = value;
      } else if (frame.kind === "sequence" && Array.isArray(data) && typeof segment === "number") {
        const items = frame.children;
        if (items.length !== data.length || items[segment] === undefined || items[segment].result !== data[segment])
          return undefined;
        frame = items[segment];
        key = contentStart(frame.start);
      } else return undefined;
    }
    if (path.length === 0) return undefined;
    return { key, value: frame };
  };
  /** The value's first character, unless it is an anchor, alias or tag (the positional parse reads past those) or empty. */
  const valueStart = (frame: Frame): number | undefined => {
    if (frame.result === null || frame.result === undefined) return undefined;
    const start = contentStart(frame.start);
    return "&*!".includes(text[start] ?? "&") || start >= frame.end ? undefined : start;
  };
  const locate = (path: readonly PropertyKey[], target: "key" | "value" = "value"): Position | undefined => {
    const found = find(path);
    if (found === undefined) return undefined;
    if (target === "key") return "&*!".includes(text[found.key] ?? "&") ? undefined : lines.position(found.key);
    const start = valueStart(found.value);
    return start === undefined ? undefined : lines.position(start);
  };
  const locateInText = (path: readonly PropertyKey[], index: number): Position | undefined => {
    const found = find(path);
    const value = found?.value.result;
    if (found === undefined || typeof value !== "string") return undefined;
    const start = valueStart(found.value);
    if (start === undefined) return undefined;
    const quote = text[start];
    if (quote === "|" || quote === ">") return lines.position(start);
    const first = quote === '"' || quote === "'" ? start + 1 : start;
    // Written on one line exactly as it reads (no escape, no folding): offsets in the value are offsets in the text.
    const written = text.slice(first, first + value.length);
    const after = text[first + value.length];
    const closed = quote === '"' || quote === "'" ? after === quote : after === undefined || " \t\r\n#".includes(after);
    if (written !== value || !closed || written.includes("\n")) return undefined;
    // The positional parse points at the field itself for a plain text holding a backslash; so does this.
    if (written.includes("\\")) return lines.position(start);
    return lines.position(first + Math.min(index, value.length));
  };
  return { locate, locateInText };
}

/** The tree of nodes js-yaml composes, or undefined when the text does not load. */
function composedTree(text: string): Frame | undefined {
  const stack: Frame[] = [{ start: 0, end: 0, kind: null, result: undefined, children: [] }];
  try {
    load(text, {
      listener(event, state) {
        if (event === "open") stack.push({ start: state.position, end: -1, kind: null, result: undefined, children: [] });
        else {
          const frame = stack.pop()!;
          frame.end = state.position;
          frame.kind = state.kind;
          frame.result = state.result;
          stack.at(-1)?.children.push(frame);
        }
      },
    });
  } catch {
    return undefined;
  }
  const top = stack[0]!.children;
  return stack.length === 1 && top.length === 1 ? top[0] : undefined;
}
