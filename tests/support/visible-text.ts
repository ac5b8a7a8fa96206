/**
 * The text a reader sees on a built page, read with a real HTML parser and the innerText algorithm
 * (hast-util-to-text): block elements break lines, inline elements join exactly as written, and what
 * is never shown (scripts, styles, templates, `hidden` elements) is left out. Code is left out too:
 * identifiers and raw values are deliberate there.
 */
import type { Element, Nodes, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toText } from "hast-util-to-text";

const NOT_READ = new Set(["script", "style", "template", "code", "pre", "kbd", "samp", "svg"]);

/** Removes the elements a reader never sees as prose, in place. */
function prune(node: Root | Element): void {
  node.children = node.children.filter((child) => {
    if (child.type !== "element") return true;
    if (NOT_READ.has(child.tagName)) return false;
    if (child.properties["hidden"] !== undefined && child.properties["hidden"] !== false) return false;
    return true;
  });
  for (const child of node.children) if (child.type === "element") prune(child);
}

/** The visible text of an HTML document, one line per block. */
export function visibleText(html: string): string {
  const tree = fromHtml(html);
  prune(tree);
  const body = findBody(tree);
  return toText(body ?? tree);
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
