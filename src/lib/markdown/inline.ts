/**
 * Renders the Markdown fields of frontmatter (impact, timeline and cause text, lessons, action titles)
 * to HTML with unified + remark-gfm. Pages use Astro's own processor for the MDX body; this is only
 * for short fields (see docs/decisions/0001-markdown-processors.md).
 */
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import type { Element, Root } from "hast";
import { isSafeUrl } from "../schema/links.ts";

/** Schema for sanitising: GFM output, with only safe URL schemes. */
const sanitizeSchema = {
  ...defaultSchema,
  protocols: { ...defaultSchema.protocols, href: ["http", "https", "mailto"], src: ["http", "https"] },
};

/** Adds rel="noopener noreferrer" to external links and drops any link whose URL is unsafe. */
function hardenLinks() {
  return (tree: Root) => {
    const visit = (node: Root | Element) => {
      for (const child of node.children) {
        if (child.type !== "element") continue;
        if (child.tagName === "a") {
          const raw = child.properties["href"];
          const href = typeof raw === "string" ? raw : "";
          if (!isSafeUrl(href)) delete child.properties["href"];
          else if (/^https?:/i.test(href)) child.properties["rel"] = ["noopener", "noreferrer"];
        }
        visit(child);
      }
    };
    visit(tree);
  };
}

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(rehypeSanitize, sanitizeSchema)
  .use(hardenLinks)
  .use(rehypeStringify)
  .freeze();

/** Characters that can start Markdown syntax or an autolink; text without them needs no parser. */
const MARKDOWN_SYNTAX = /[*_`[\]<>&\\~!#|]|https?:|www\.|@|^\s*(?:[-+]|\d+[.)])\s|\n/;

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const cache = new Map<string, string>();

/** Renders Markdown to HTML, keeping paragraphs (for multi-paragraph fields). */
export function renderMarkdown(markdown: string): string {
  const cached = cache.get(markdown);
  if (cached !== undefined) return cached;
  const html = MARKDOWN_SYNTAX.test(markdown)
    ? String(processor.processSync(markdown)).trim()
    : `<p>${escapeHtml(markdown.trim())}</p>`;
  cache.set(markdown, html);
  return html;
}

/** Renders one line of Markdown to inline HTML (no wrapping paragraph). */
export function renderInline(markdown: string): string {
  const html = renderMarkdown(markdown);
  const single = /^<p>([\s\S]*)<\/p>$/.exec(html);
  return single && !single[1]!.includes("<p>") ? single[1]! : html;
}

/** Kept here for existing imports; the conversion lives in plain-text.ts. */
export { plainText } from "./plain-text.ts";
