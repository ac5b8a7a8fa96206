/**
 * The "nothing lost" check: every sentence of the source must appear in the draft, in a field or in the
 * body. Texts are compared after normalisation — Markdown syntax stripped, case and punctuation ignored,
 * whitespace collapsed, dates and clock times removed (a row's time moves into its `at` field) — so the
 * check is about words, not formatting.
 */
import type { Nodes, Paragraph, Root } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkGfm from "remark-gfm";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { roleOf } from "./sections.ts";
import { isZoneStatement } from "./times.ts";

/** Frontmatter text is Markdown; the body is MDX. */
const markdownParser = unified().use(remarkParse).use(remarkGfm);
const mdxParser = unified().use(remarkParse).use(remarkGfm).use(remarkMdx);

/** Lower case, letters and digits only, dates and times removed, whitespace collapsed. */
export function normalise(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\d{4,5}[-/.][\d?]{1,2}[-/.][\d?]{1,2}/g, " ")
    .replace(/\b\d{1,2}:[\d?]{2}(:\d{2})?\b/g, " ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Splits a text into sentences (at ., ! or ? followed by a space). */
export function sentencesOf(text: string): string[] {
  return text
    .replace(/\s+/g, " ")
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The texts of a source tree that must survive, one per leaf block: paragraphs, list-item paragraphs, table
 * body cells, code. Headings and table header cells are structure — the importer maps them to fields — and
 * a statement of the time zone ("All times in UTC.") is consumed by the `timezone` field.
 */
export function sourceTexts(tree: Root): string[] {
  const out: string[] = [];
  const walk = (node: Nodes, inHeaderRow: boolean) => {
    if (node.type === "heading" || inHeaderRow) return;
    if (node.type === "paragraph" || node.type === "tableCell" || node.type === "code") {
      const text = toString(node);
      if (!(node.type === "paragraph" && (isZoneStatement(text) || isLabel(node)))) out.push(text);
      return;
    }
    if (node.type === "table") {
      node.children.forEach((row, i) => walk(row, i === 0));
      return;
    }
    if ("children" in node) for (const child of node.children) walk(child, false);
  };
  walk(tree, false);
  return out;
}

/** A paragraph that is only a bold section label ("**What went well**"): structure, like a heading. */
function isLabel(node: Paragraph): boolean {
  return node.children.length === 1 && node.children[0]!.type === "strong" && roleOf(toString(node)) !== "other";
}

/** Sentences of `texts` whose words do not appear, in order, anywhere in `output`. */
export function lostSentences(texts: readonly string[], output: string): string[] {
  const haystack = ` ${normalise(output)} `;
  return texts.flatMap(sentencesOf).filter((sentence) => {
    const needle = normalise(sentence);
    return /\p{L}/u.test(needle) && !haystack.includes(` ${needle} `);
  });
}

/** Every text a written draft holds: its frontmatter's string values and its body, Markdown syntax stripped. */
export function draftTexts(frontmatter: unknown, body: string): string {
  const out: string[] = [];
  const values = (value: unknown): void => {
    if (typeof value === "string") walk(markdownParser.parse(value));
    else if (Array.isArray(value)) value.forEach(values);
    else if (value && typeof value === "object") Object.values(value).forEach(values);
  };
  function walk(node: Nodes): void {
    if ("value" in node && typeof node.value === "string") out.push(node.value);
    if ("alt" in node && typeof node.alt === "string") out.push(node.alt);
    if ("children" in node) node.children.forEach(walk);
  }
  values(frontmatter);
  walk(mdxParser.parse(body)); // throws on a body that is not valid MDX
  return out.join(" \n ");
}
