/**
 * Emphasis left open in a Markdown field: `**bold` without its closing `**` is shown as literal asterisks.
 * The text is parsed with the same parser the page renders it with (remark + GFM); delimiters that
 * survive as text are the ones the author left open.
 */
import type * as RemarkGfm from "remark-gfm";
import type * as RemarkParse from "remark-parse";
import type * as Unified from "unified";
import { loadOnFirstUse } from "../load-on-first-use.ts";

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

const unifiedPackage = loadOnFirstUse<typeof Unified>("unified");
const remarkParse = loadOnFirstUse<typeof RemarkParse>("remark-parse");
const remarkGfm = loadOnFirstUse<typeof RemarkGfm>("remark-gfm");

/** The parser, built the first time a text has unpaired delimiters (most have none). */
let parser: { parse: (text: string) => unknown } | undefined;
function markdownParser(): { parse: (text: string) => unknown } {
  parser ??= unifiedPackage().unified().use(remarkParse().default).use(remarkGfm().default);
  return parser;
}

/** `**`, `__` and `~~` anywhere in text, or a `*` that opens a word: what the parser left as literal characters. */
const LEFT_OPEN = /\*\*|__|~~|(?<![\w*])\*(?=[^\s*])/g;

export interface OpenEmphasis {
  marker: string;
  /** Characters into the text. */
  index: number;
}

/** Counts of each delimiter run; all even means every one can be closed, the common case, which skips the parser. */
function allPaired(markdown: string): boolean {
  let doubled = 0;
  let single = 0;
  for (const match of markdown.matchAll(/\*+|_{2,}|~{2,}/g)) {
    const run = match[0];
    if (run[0] !== "*") doubled += Math.floor(run.length / 2);
    else {
      doubled += Math.floor(run.length / 2);
      single += run.length % 2;
    }
  }
  return doubled % 2 === 0 && single % 2 === 0;
}

/** Delimiters of emphasis that a Markdown text opens and never closes. */
export function unclosedEmphasis(markdown: string): OpenEmphasis[] {
  if (!/[*_~]/.test(markdown) || allPaired(markdown)) return [];
  const tree = markdownParser().parse(markdown) as MdNode;
  const found: OpenEmphasis[] = [];
  const visit = (node: MdNode) => {
    if (node.type === "text" && node.value !== undefined) {
      let cursor = node.position?.start.offset ?? 0;
      const end = node.position?.end.offset ?? markdown.length;
      for (const match of node.value.matchAll(LEFT_OPEN)) {
        // Backslash-escaped characters are meant literally: the text node shows them without the backslash,
        // so they are not found as written in the source.
        const source = markdown.indexOf(match[0], cursor);
        if (source < 0 || source >= end || markdown[source - 1] === "\\") continue;
        cursor = source + match[0].length;
        found.push({ marker: match[0], index: source });
      }
      return;
    }
    if (node.type === "inlineCode" || node.type === "code" || node.type === "html") return;
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return found;
}
