/**
 * The text a reader sees on a built page, read with a real HTML parser and the innerText algorithm
 * (hast-util-to-text): block elements break lines, inline elements join exactly as written, and what
 * is never shown (scripts, styles, templates, `hidden` elements) is left out. Code is left out too:
 * identifiers and raw values are deliberate there.
 *
 * Pictures and controls speak too: `labelText` gives what screen readers and text extractors (search,
 * copy and paste) read from them — each SVG's text run as written (its `<title>`, `<desc>` and labels),
 * each `<title>`/`<desc>` alone, and every `aria-label`, `title` and `alt` attribute.
 */
import type { Element, Nodes, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toText } from "hast-util-to-text";

const NOT_READ = new Set(["script", "style", "template", "code", "pre", "kbd", "samp", "svg"]);

/** Removes the elements a reader never sees as prose, in place. */
function prune(node: Root | Element, notRead: ReadonlySet<string>): void {
  node.children = node.children.filter((child) => {
    if (child.type !== "element") return true;
    if (notRead.has(child.tagName)) return false;
    if (child.properties["hidden"] !== undefined && child.properties["hidden"] !== false) return false;
    return true;
  });
  for (const child of node.children) if (child.type === "element") prune(child, notRead);
}

/** The visible text of an HTML document, one line per block. */
export function visibleText(html: string): string {
  const tree = fromHtml(html);
  prune(tree, NOT_READ);
  const body = findBody(tree);
  return toText(body ?? tree);
}

/** Attributes whose values a reader meets as text: announced names, tooltips, image alternatives. */
const LABEL_ATTRIBUTES = ["ariaLabel", "title", "alt"] as const;
const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();
/** The DOM's `textContent`: every text node below, joined exactly as written. */
const textContent = (node: Nodes): string =>
  node.type === "text" ? node.value : "children" in node ? node.children.map(textContent).join("") : "";

/**
 * The text of a page's pictures and labels, one line each: every SVG's whole text as an extractor joins it
 * (so a `<desc>` glued to the first label shows), every SVG `<title>` and `<desc>` alone, and the values of
 * `aria-label`, `title` and `alt`. Code and hidden elements are left out, as in `visibleText`.
 */
export function labelText(html: string): string {
  const tree = fromHtml(html);
  prune(tree, new Set([...NOT_READ].filter((tag) => tag !== "svg")));
  const body = findBody(tree) ?? tree;
  const lines: string[] = [];
  const walk = (node: Nodes, inSvg: boolean): void => {
    if (node.type !== "element" && node.type !== "root") return;
    if (node.type === "element") {
      if (node.tagName === "svg" && !inSvg) lines.push(oneLine(textContent(node)));
      if (inSvg && (node.tagName === "title" || node.tagName === "desc")) lines.push(oneLine(textContent(node)));
      for (const name of LABEL_ATTRIBUTES) {
        const value = node.properties[name];
        if (typeof value === "string" && value.trim() !== "") lines.push(oneLine(value));
      }
    }
    for (const child of node.children) walk(child, inSvg || (node.type === "element" && node.tagName === "svg"));
  };
  walk(body, false);
  return lines.filter((line) => line !== "").join("\n");
}

function findBody(node: Nodes): Element | undefined {
  if (node.type === "element" && node.tagName === "body") return node;
  if ("children" in node)
    for (const child of node.children) {
      const found = findBody(child);
      if (found) return found;
    }
  return undefined;
}
