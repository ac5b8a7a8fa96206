/**
 * The Content-Security-Policy each built page carries in its `<meta>` tag, computed from that page: after the
 * build, every page gets a policy with the hashes of exactly the inline `<script>` and `<style>` elements it
 * contains (none, on this site). The tag goes first in the page's `<head>`, before anything it governs; a page
 * without a head (the redirects of renamed postmortems) gets it right after the doctype. A tag already there
 * is rewritten in place.
 */
import { createHash } from "node:crypto";
import type { Element, Root, RootContent } from "hast";
import { fromHtml } from "hast-util-from-html";
import { CSP_DIRECTIVES, SCRIPT_SOURCES, STYLE_SOURCES } from "./policy.ts";

/** The CSP meta tag Astro writes, and the one written here. */
const CSP_META = /<meta http-equiv="content-security-policy" content="[^"]*">/gi;

export interface InlineCode {
  /** `'sha256-…'` sources for inline scripts (classic or module, without `src`). */
  scripts: string[];
  /** `'sha256-…'` sources for `<style>` elements. */
  styles: string[];
}

const hash = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/** Only pages that could contain inline code are parsed; the rest (almost all) are skipped quickly. */
const MAY_INLINE = /<style[\s>]|<script(?![^>]*\ssrc=)[^>]*>/i;

/** The hashes of the inline scripts and styles of a page. */
export function inlineCode(html: string): InlineCode {
  const found: InlineCode = { scripts: [], styles: [] };
  if (!MAY_INLINE.test(html)) return found;
  const visit = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type !== "element") continue;
      const el: Element = node;
      const text = el.children.map((c) => (c.type === "text" ? c.value : "")).join("");
      if (el.tagName === "script" && el.properties["src"] === undefined && text !== "") found.scripts.push(hash(text));
      else if (el.tagName === "style" && text !== "") found.styles.push(hash(text));
      else visit(el.tagName === "template" && el.content ? el.content.children : el.children);
    }
  };
  const tree: Root = fromHtml(html);
  visit(tree.children);
  return { scripts: [...new Set(found.scripts)], styles: [...new Set(found.styles)] };
}

/** The policy for a page's meta tag (frame-ancestors is ignored in a meta tag, so it lives in `_headers` only). */
export function metaPolicy(code: InlineCode): string {
  return [
    ...CSP_DIRECTIVES,
    `script-src ${[...SCRIPT_SOURCES, ...code.scripts].join(" ")}`,
    `style-src ${[...STYLE_SOURCES, ...code.styles].join(" ")}`,
  ].join("; ");
}

const metaTag = (policy: string) => `<meta http-equiv="content-security-policy" content="${policy.replace(/"/g, "&quot;")}">`;

/** The opening `<head>` tag, when the page has one. */
const HEAD_START = /<head(?:\s[^>]*)?>/i;

/**
 * The page with exactly one CSP meta tag carrying the policy it needs: a tag already there rewritten in
 * place, or a new one first thing in the `<head>` (or, in a page without one, right after the doctype).
 */
export function withPagePolicy(html: string): { html: string; code: InlineCode } {
  const code = inlineCode(html);
  const tag = metaTag(metaPolicy(code));
  if (html.search(CSP_META) >= 0) {
    let count = 0;
    return { html: html.replace(CSP_META, () => (count++ === 0 ? tag : "")), code };
  }
  const head = HEAD_START.exec(html);
  if (head) {
    const at = head.index + head[0].length;
    return { html: `${html.slice(0, at)}${tag}${html.slice(at)}`, code };
  }
  const doctype = /^\s*<!doctype html>\s*/i.exec(html);
  const at = doctype ? doctype[0].length : 0;
  return { html: `${html.slice(0, at)}${tag}\n${html.slice(at)}`, code };
}
