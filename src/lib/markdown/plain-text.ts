/**
 * The plain text of a Markdown field (action-item titles, reasons, impact and cause text), for exports,
 * feeds and the terminal. Parsed with the same unified + remark-gfm pipeline as the HTML, then read back
 * with hast-util-to-text, so character references are decoded once (`AT&amp;T` → `AT&T`), blocks are
 * separated by a blank line, and nothing is stripped by pattern.
 * Text that looks like HTML (`List<String>`, `<b>`) is what the author typed, so it stays as text.
 * Fields that are plain text in the schema (a postmortem's title and summary) never go through here.
 */
import { toText } from "hast-util-to-text";
import type { Html, Root as MdastRoot, Text } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

/** Turns raw HTML in a Markdown field into literal text: exports show what was written, never drop it. */
function htmlAsText() {
  return (tree: MdastRoot) => {
    const visit = (node: { children?: unknown[] }) => {
      node.children?.forEach((child, index) => {
        const c = child as Html | { type: string; children?: unknown[] };
        if (c.type === "html") {
          const text: Text = { type: "text", value: (c as Html).value };
          node.children![index] = text;
        } else visit(c as { children?: unknown[] });
      });
    };
    visit(tree);
  };
}

const processor = unified().use(remarkParse).use(remarkGfm).use(htmlAsText).use(remarkRehype).freeze();

const cache = new Map<string, string>();

/** Characters after which Markdown can change the text; without them the field is its own plain text. */
const MARKDOWN_SYNTAX = /[*_`[\]<>&\\~!#|]|^\s*(?:[-+>]|\d+[.)])\s|\n/;

/** The plain text of a Markdown field: emphasis, links and code reduced to their words, entities decoded. */
export function plainText(markdown: string): string {
  if (!MARKDOWN_SYNTAX.test(markdown)) return markdown.trim();
  const cached = cache.get(markdown);
  if (cached !== undefined) return cached;
  const tree = processor.runSync(processor.parse(markdown));
  // "pre" keeps a line break the author typed inside a paragraph; blank lines between blocks collapse to one.
  const text = toText(tree, { whitespace: "pre" })
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  cache.set(markdown, text);
  return text;
}
