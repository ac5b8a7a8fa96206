/**
 * Writes syntax trees back as Markdown that is safe in an MDX body or a frontmatter text field: GFM with the
 * MDX escapes, so a `{` or `<` from the source is shown literally and never read as code or markup.
 */
import type { Nodes, Paragraph, PhrasingContent, Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkGfm from "remark-gfm";
import remarkMdx from "remark-mdx";
import remarkStringify from "remark-stringify";
import { unified } from "unified";
import { visit } from "unist-util-visit";

/**
 * MDX reads a line starting with `import` or `export` as JavaScript: such a line's first letter is written as
 * a character reference (`&#x69;mport`), which every Markdown reader shows as the letter.
 */
const ESM_AT_LINE_START = [
  { atBreak: true, character: "i", after: String.raw`mport\b` },
  { atBreak: true, character: "e", after: String.raw`xport\b` },
];

const writer = unified().use(remarkGfm).use(remarkMdx).use(remarkStringify, {
  bullet: "-",
  emphasis: "_",
  strong: "*",
  rule: "-",
  fences: true,
  listItemIndent: "one",
  unsafe: ESM_AT_LINE_START,
});

/** Blocks as Markdown, without a trailing newline. */
export function blocksToMarkdown(nodes: readonly RootContent[]): string {
  if (nodes.length === 0) return "";
  const root: Root = { type: "root", children: structuredClone([...nodes]) };
  return writer.stringify(root).trimEnd();
}

/** Inline content as one line of Markdown (line breaks become spaces). */
export function inlineToMarkdown(nodes: readonly PhrasingContent[]): string {
  const paragraph: Paragraph = { type: "paragraph", children: structuredClone([...nodes]) };
  visit(paragraph, "break", (_node, index, parent) => {
    if (parent && index !== undefined) parent.children[index] = { type: "text", value: " " };
  });
  return blocksToMarkdown([paragraph])
    .replace(/\s*\n\s*/g, " ")
    .trim();
}

/** The plain text of a node, whitespace collapsed. */
export function plainText(node: Nodes | readonly Nodes[]): string {
  const list: readonly Nodes[] = Array.isArray(node) ? node : [node as Nodes];
  const text = list.map((n) => toString(n)).join(" ");
  return text.replace(/\s+/g, " ").trim();
}

/** The text of every leaf block (heading, paragraph, table cell, code), one per line: labels stay apart from values. */
export function blockLines(tree: Nodes): string {
  const lines: string[] = [];
  const walk = (node: Nodes) => {
    if (node.type === "heading" || node.type === "paragraph" || node.type === "tableCell" || node.type === "code")
      lines.push(plainText(node));
    else if ("children" in node) node.children.forEach(walk);
  };
  walk(tree);
  return lines.join("\n");
}
