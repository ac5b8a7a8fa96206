/**
 * Checks on the MDX body: syntax (remark-parse + remark-mdx, the parser @mdx-js/mdx compiles with, so the
 * build would agree; loading all of @mdx-js/mdx to parse only would cost half a second), and the
 * subset of MDX authors may use — Markdown, the provided components, no code.
 *
 * Speed: the MDX parser costs about 0.7 ms per KB of text. A body with no `<`, `{`, `}` and no line
 * starting with import/export cannot hold MDX syntax (and so cannot fail to parse), so such bodies skip
 * the parser; their links are found with the same scanner the frontmatter uses.
 */
import { gfmFootnoteFromMarkdown } from "mdast-util-gfm-footnote";
import { gfmFootnote } from "micromark-extension-gfm-footnote";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { AUTHORING_COMPONENTS } from "../authoring-components.ts";
import { isSafeUrl, linkDestinations, unsafeLinkMessage } from "../schema/links.ts";
import { LineIndex } from "./source.ts";

export interface BodyProblem {
  line: number;
  column: number;
  message: string;
}

const MDX_SYNTAX = /[<{}]|^(?:import|export)\b/m;

/** Elements that run code, embed other pages or change the document: never allowed in a body. */
const FORBIDDEN_ELEMENTS: Record<string, string> = {
  script: "scripts are not allowed in postmortems — remove the <script> element",
  iframe: "embedded pages are not allowed in postmortems — remove the <iframe> and link to the page instead",
  frame: "frames are not allowed — link to the page instead",
  frameset: "frames are not allowed — link to the page instead",
  object: "embedded objects are not allowed — link to the file instead",
  embed: "embedded content is not allowed — link to the file instead",
  style: "style elements are not allowed — the site's styles apply to every postmortem",
  link: "<link> elements are not allowed — write a Markdown link [text](https://…) instead",
  meta: "<meta> elements are not allowed — remove it",
  base: "<base> elements are not allowed — remove it",
  form: "forms are not allowed — link to the form instead",
};

const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "poster", "xlink:href", "cite", "background"]);

/**
 * GFM footnotes, so that `[^1]: text` is a footnote (as in the build) and not a link to "text". The rest
 * of GFM is left out for speed: tables and strikethrough cannot fail, and autolink literals are always
 * http(s) or mailto.
 */
function footnotes(this: { data: (key?: string) => unknown }): void {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(gfmFootnote());
  (data.fromMarkdownExtensions ??= []).push(gfmFootnoteFromMarkdown());
}

const processor = unified().use(remarkParse).use(remarkMdx).use(footnotes);

interface Point {
  line: number;
  column: number;
}
interface MdxNode {
  type: string;
  name?: string | null;
  url?: string;
  value?: unknown;
  attributes?: MdxNode[];
  children?: MdxNode[];
  position?: { start: Point };
  data?: { estree?: { body: { type: string; expression?: { type: string } }[] } | null };
}

const COMPONENT_LIST = AUTHORING_COMPONENTS.join(" and ");

/** Problems in a body that starts at 0-based line `firstLine` of its file. */
export function checkBody(body: string, firstLine: number): BodyProblem[] {
  if (!MDX_SYNTAX.test(body)) return plainMarkdownLinks(body, firstLine);
  let tree: MdxNode;
  try {
    tree = processor.parse(body) as unknown as MdxNode;
  } catch (error) {
    const e = error as { line?: number; column?: number; reason?: string; message?: string };
    const reason = e.reason ?? e.message ?? "unknown error";
    const at = syntaxErrorPosition(body, reason, { line: e.line ?? 1, column: e.column ?? 1 });
    return [{ line: firstLine + at.line, column: at.column, message: syntaxMessage(reason) }];
  }
  const problems: BodyProblem[] = [];
  const add = (node: MdxNode, message: string) => {
    const start = node.position?.start ?? { line: 1, column: 1 };
    problems.push({ line: firstLine + start.line, column: start.column, message });
  };
  walk(tree, (node) => checkNode(node, add));
  return problems;
}

function walk(node: MdxNode, visit: (node: MdxNode) => void): void {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

/**
 * Where to point for a syntax error: the parser reports where it gave up (often the end of the file);
 * the author needs the tag or brace that was left open.
 */
function syntaxErrorPosition(body: string, reason: string, reported: Point): Point {
  const tag = /\((\d+):(\d+)-\d+:\d+\)/.exec(reason);
  if (tag) return { line: Number(tag[1]), column: Number(tag[2]) };
  if (/closing brace for `\{`/.test(reason)) {
    const index = new LineIndex(body);
    const lines = body.split("\n");
    let offset = lines.slice(0, reported.line - 1).reduce((sum, l) => sum + l.length + 1, 0) + reported.column - 1;
    let depth = 0;
    for (offset = Math.min(offset, body.length) - 1; offset >= 0; offset--) {
      if (body[offset] === "}") depth++;
      else if (body[offset] === "{" && depth-- === 0) return index.position(offset);
    }
  }
  return reported;
}

function syntaxMessage(reason: string): string {
  const clean = reason.replace(/\s*\(\d+:\d+(?:-\d+:\d+)?\)/g, "").replace(/\.$/, "");
  let hint = 'write "\\{" or "&lt;" for a literal brace or angle bracket, or put code in `backticks`';
  if (/closing tag|end tag|opening tag/i.test(clean))
    hint = "close the component (for example </Callout>) or make it self-closing (<Figure … />)";
  else if (/html comment|`!`/i.test(clean)) hint = "MDX has no HTML comments — use {/* a comment */} or remove it";
  else if (/autolink|before name|after `<`/i.test(clean)) hint = 'write a link as [text](https://…) and a literal "<" as "&lt;"';
  return `MDX syntax error: ${clean} — ${hint}`;
}

function checkNode(node: MdxNode, add: (node: MdxNode, message: string) => void): void {
  switch (node.type) {
    case "mdxjsEsm":
      add(
        node,
        `import and export are not allowed in postmortems — remove the line; ${COMPONENT_LIST} are available without importing`,
      );
      return;
    case "mdxFlowExpression":
    case "mdxTextExpression":
      if (!isComment(node))
        add(
          node,
          'JavaScript expressions are not allowed in postmortems — write "\\{" for a literal brace, or {/* … */} for a comment',
        );
      return;
    case "mdxJsxFlowElement":
    case "mdxJsxTextElement":
      checkElement(node, add);
      return;
    case "link":
    case "image":
    case "definition":
      if (typeof node.url === "string" && !isSafeUrl(node.url)) add(node, unsafeLinkMessage(node.url));
      return;
    default:
      return;
  }
}

function isComment(node: MdxNode): boolean {
  return node.data?.estree?.body.length === 0;
}

function checkElement(node: MdxNode, add: (node: MdxNode, message: string) => void): void {
  const name = node.name;
  if (!name) {
    add(node, `fragments (<>…</>) are not allowed — remove the empty tags`);
  } else if (FORBIDDEN_ELEMENTS[name.toLowerCase()]) {
    add(node, FORBIDDEN_ELEMENTS[name.toLowerCase()]!);
  } else if (/^[A-Z]|[.:]/.test(name) && !(AUTHORING_COMPONENTS as readonly string[]).includes(name)) {
    add(node, `component <${name}> is not available — use ${COMPONENT_LIST}, or plain Markdown`);
  }
  for (const attribute of node.attributes ?? []) {
    if (attribute.type === "mdxJsxExpressionAttribute") {
      add(
        attribute.position ? attribute : node,
        'spread attributes ({...x}) are not allowed — write each attribute as name="value"',
      );
      continue;
    }
    const attrName = attribute.name ?? "";
    const at = attribute.position ? attribute : node;
    if (/^on/i.test(attrName)) {
      add(at, `event handler attribute "${attrName}" is not allowed — postmortems run no scripts; remove it`);
      continue;
    }
    const value = attribute.value;
    if (typeof value === "string") {
      if (URL_ATTRIBUTES.has(attrName.toLowerCase()) && !isSafeUrl(value)) add(at, unsafeLinkMessage(value));
    } else if (value && typeof value === "object" && !isLiteralExpression(value as MdxNode)) {
      add(at, `attribute "${attrName}" uses a JavaScript expression — write a plain value in quotes, ${attrName}="…"`);
    }
  }
}

function isLiteralExpression(value: MdxNode): boolean {
  const body = value.data?.estree?.body ?? [];
  return body.length === 1 && body[0]?.type === "ExpressionStatement" && body[0].expression?.type === "Literal";
}

/** Unsafe links in a body without MDX syntax, skipping fenced and inline code; found line by line for their position. */
function plainMarkdownLinks(body: string, firstLine: number): BodyProblem[] {
  const prose = maskCode(body);
  if (linkDestinations(prose).every(isSafeUrl)) return [];
  const problems: BodyProblem[] = [];
  prose.split("\n").forEach((line, index) => {
    for (const url of linkDestinations(line)) {
      if (isSafeUrl(url)) continue;
      // Point at the link's "[" as the parser does for links and definitions.
      const column = Math.max(line.lastIndexOf("[", Math.max(line.indexOf(url), 0)), 0) + 1;
      problems.push({ line: firstLine + index + 1, column, message: unsafeLinkMessage(url) });
    }
  });
  return problems;
}

/** Replaces code (fences and `spans`) with spaces, keeping offsets. */
function maskCode(text: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, " ");
  return text
    .replace(/^ {0,3}\[\^[^\]\n]+\]:/gm, blank) // footnote definitions are not links
    .replace(/^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^ {0,3}\1[^\n]*$|(?![\s\S]))/gm, blank)
    .replace(/(`+)[^`\n][\s\S]*?\1/g, blank);
}
