/**
 * Reads an old postmortem into a Markdown syntax tree (mdast): Markdown with GFM, or HTML as Google Docs and
 * Confluence export it, converted by rehype-remark. Raw HTML inside Markdown becomes literal text, so nothing
 * from a hostile document can reach a reader as markup.
 */
import type { Element, Root as HastRoot } from "hast";
import type { Parent, Root } from "mdast";
import { isSafeUrl } from "../schema/links.ts";
import rehypeParse from "rehype-parse";
import rehypeRemark from "rehype-remark";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";

/** The formats the importer reads, by file extension. */
export const SOURCE_FORMATS = { ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html" } as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[keyof typeof SOURCE_FORMATS];

/** The format of a file name, or undefined when the importer does not read it. */
export function formatOf(fileName: string): SourceFormat | undefined {
  const dot = fileName.lastIndexOf(".");
  if (dot < 0) return undefined;
  const ext = fileName.slice(dot).toLowerCase();
  return Object.hasOwn(SOURCE_FORMATS, ext) ? SOURCE_FORMATS[ext as keyof typeof SOURCE_FORMATS] : undefined;
}

/** The class names of an element (hast keeps them as a list). */
const classes = (node: Element): string[] => String(node.properties["className"] ?? "").split(/[\s,]+/);

/** The elements under a node, depth first. */
function elements(node: Element): Element[] {
  return node.children.flatMap((child) => (child.type === "element" ? [child, ...elements(child)] : []));
}

function headerFromFirstRow(table: Element): void {
  const inside = elements(table);
  const firstRow = inside.find((e) => e.tagName === "tr");
  if (!firstRow || inside.some((e) => e.tagName === "th" || e.tagName === "thead")) return;
  for (const cell of firstRow.children) if (cell.type === "element" && cell.tagName === "td") cell.tagName = "th";
}

/**
 * Google Docs writes its title as `<p class="title">` (and its subtitle as a plain `<p class="subtitle">`):
 * the title becomes the document's first-level heading.
 */
function googleDocsShapes() {
  return (tree: HastRoot) => {
    visit(tree, "element", (node) => {
      if (node.tagName === "p" && classes(node).includes("title")) node.tagName = "h1";
      // A table without header cells (Google Docs writes none) takes its first row as the header.
      if (node.tagName === "table") headerFromFirstRow(node);
      // Google Docs sends every link through a redirect: keep the address the author linked to.
      const href = node.properties["href"];
      if (node.tagName === "a" && typeof href === "string" && href.startsWith("https://www.google.com/url?")) {
        const target = new URL(href).searchParams.get("q");
        if (target) node.properties["href"] = target;
      }
    });
  };
}

/** Raw HTML in Markdown is kept as the literal text the author typed. */
function htmlAsText(tree: Root): Root {
  visit(tree, "html", (node, index, parent) => {
    if (parent && index !== undefined) parent.children[index] = { type: "text", value: node.value } as never;
  });
  return tree;
}

/**
 * Links a reader could not follow safely (relative links into the old wiki, javascript:, data:) keep their
 * text and lose their destination; their definitions are dropped. Each one is reported.
 */
function unsafeLinksAsText(tree: Root, warnings: string[]): Root {
  const unsafe = new Set<string>();
  visit(tree, "definition", (node) => {
    if (!isSafeUrl(node.url) || node.url.startsWith("/")) unsafe.add(node.identifier);
  });
  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined) return;
    const drop = (url: string) => {
      warnings.push(`link to "${url.slice(0, 80)}" kept as text: only http, https and mailto links are carried over`);
    };
    if (node.type === "definition" && unsafe.has(node.identifier)) {
      drop(node.url);
      parent.children.splice(index, 1);
      return index;
    }
    if (
      (node.type === "link" && (!isSafeUrl(node.url) || node.url.startsWith("/"))) ||
      (node.type === "linkReference" && unsafe.has(node.identifier))
    ) {
      if (node.type === "link") drop(node.url);
      parent.children.splice(index, 1, ...((node as Parent).children as never[]));
      return index;
    }
    if (node.type === "image" && (!isSafeUrl(node.url) || node.url.startsWith("/"))) {
      drop(node.url);
      parent.children.splice(index, 1, { type: "text", value: node.alt ?? "" } as never);
      return index;
    }
    return undefined;
  });
  return tree;
}

const markdownParser = unified().use(remarkParse).use(remarkGfm);
const htmlParser = unified().use(rehypeParse).use(googleDocsShapes).use(rehypeRemark);

/** The Markdown syntax tree of a source document; what had to be changed for safety is added to `warnings`. */
export function sourceTree(text: string, format: SourceFormat, warnings: string[] = []): Root {
  const tree = format === "markdown" ? markdownParser.parse(text) : htmlParser.runSync(htmlParser.parse(text));
  return unsafeLinksAsText(htmlAsText(tree), warnings);
}
