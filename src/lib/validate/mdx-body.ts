/**
 * Checks on the MDX body: syntax (remark-parse + remark-mdx, the parser @mdx-js/mdx compiles with, so the
 * build would agree; loading all of @mdx-js/mdx to parse only would cost half a second), and the
 * subset of MDX authors may use — Markdown, the provided components, no code.
 *
 * Elements and their attributes are judged by the body allowlist (src/lib/markdown/body-allowlist.ts),
 * the rule the build applies too; Markdown images by the same image rule.
 *
 * Speed: the MDX parser costs about 0.7 ms per KB of text. A body with no `<`, `{`, `}`, no line starting
 * with import/export, and none of the Markdown the tree is needed for (a level-one heading, a footnote, an
 * image, a code fence with an unusual language) skips the parser; its links are found with the same scanner
 * the frontmatter uses.
 */
import type * as MdastGfmFootnote from "mdast-util-gfm-footnote";
import type * as MicromarkGfmFootnote from "micromark-extension-gfm-footnote";
import type * as RemarkMdx from "remark-mdx";
import type * as RemarkParse from "remark-parse";
import type * as Unified from "unified";
import { AUTHORING_COMPONENTS } from "../authoring-components.ts";
import { loadOnFirstUse } from "../load-on-first-use.ts";
import { elementProblems, type AllowlistContext, type BodyAttribute, type BodyElement } from "../markdown/body-allowlist.ts";
import { isSafeUrl, linkDestinations, mayHaveLinks, unsafeLinkMessage } from "../schema/links.ts";
import { LineIndex } from "./source.ts";

export interface BodyProblem {
  line: number;
  column: number;
  message: string;
}

const MDX_SYNTAX = /[<{}]|^(?:import|export)\b/m;

/** Markdown whose rules need the tree: level-one headings (ATX or setext), footnotes, images, code fence languages. */
const NEEDS_TREE = /^ {0,3}#(?!#)|^ {0,3}=+[ \t]*$|\[\^|!\[|^ {0,3}(?:`{3,}|~{3,}).*["'&=]/m;

/** A code block's language as the build writes it into an attribute: letters, digits and + # . _ - only. */
const CODE_LANGUAGE = /^[\w+#.-]+$/;

/** `[^label]` left as text: a footnote reference whose definition is missing (GFM makes defined ones footnotes). */
const UNDEFINED_FOOTNOTE = /\[\^([^\]\s]+)\](?!:)/g;

/**
 * GFM footnotes, so that `[^1]: text` is a footnote (as in the build) and not a link to "text". The rest
 * of GFM is left out for speed: tables and strikethrough cannot fail, and autolink literals are always
 * http(s) or mailto.
 */
function footnotes(this: { data: (key?: string) => unknown }): void {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(micromarkGfmFootnote().gfmFootnote());
  (data.fromMarkdownExtensions ??= []).push(mdastGfmFootnote().gfmFootnoteFromMarkdown());
}

const unifiedPackage = loadOnFirstUse<typeof Unified>("unified");
const remarkParse = loadOnFirstUse<typeof RemarkParse>("remark-parse");
const remarkMdx = loadOnFirstUse<typeof RemarkMdx>("remark-mdx");
const micromarkGfmFootnote = loadOnFirstUse<typeof MicromarkGfmFootnote>("micromark-extension-gfm-footnote");
const mdastGfmFootnote = loadOnFirstUse<typeof MdastGfmFootnote>("mdast-util-gfm-footnote");

/** The parser, built when the first body that needs a tree is checked (most bodies do not). */
let processor: { parse: (text: string) => unknown } | undefined;
function mdxProcessor(): { parse: (text: string) => unknown } {
  processor ??= unifiedPackage().unified().use(remarkParse().default).use(remarkMdx().default).use(footnotes);
  return processor;
}

interface Point {
  line: number;
  column: number;
}
interface MdxNode {
  type: string;
  name?: string | null;
  url?: string;
  alt?: string | null;
  depth?: number;
  lang?: string | null;
  identifier?: string;
  value?: unknown;
  attributes?: MdxNode[];
  children?: MdxNode[];
  position?: { start: Point & { offset?: number }; end?: Point & { offset?: number } };
  data?: { estree?: { body: { type: string; expression?: { type: string } }[] } | null };
}

const COMPONENT_LIST = AUTHORING_COMPONENTS.join(" and ");

/**
 * Problems in a body that starts at 0-based line `firstLine` of its file. `context` says how to check that
 * a local image exists (unchecked without it).
 */
export function checkBody(body: string, firstLine: number, context: AllowlistContext = {}): BodyProblem[] {
  if (!MDX_SYNTAX.test(body) && !NEEDS_TREE.test(body)) return plainMarkdownLinks(body, firstLine);
  let tree: MdxNode;
  try {
    tree = mdxProcessor().parse(body) as MdxNode;
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
  const definitions = new Map<string, string>();
  walk(tree, (node) => {
    if (node.type === "definition" && node.identifier !== undefined && typeof node.url === "string")
      definitions.set(node.identifier, node.url);
  });
  const index = new LineIndex(body);
  walk(tree, (node) => checkNode(node, add, { context, definitions, body, index }));
  return problems;
}

interface CheckState {
  context: AllowlistContext;
  /** Link reference definitions by identifier, for images written as ![alt][ref]. */
  definitions: Map<string, string>;
  body: string;
  index: LineIndex;
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

function checkNode(node: MdxNode, add: (node: MdxNode, message: string) => void, state: CheckState): void {
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
      checkElement(node, add, state.context);
      return;
    case "link":
    case "definition":
      if (typeof node.url === "string" && !isSafeUrl(node.url)) add(node, unsafeLinkMessage(node.url));
      return;
    case "image":
    case "imageReference": {
      const url = node.type === "image" ? node.url : state.definitions.get(node.identifier ?? "");
      if (typeof url !== "string") return;
      const image: BodyElement = {
        name: "img",
        attributes: [
          { name: "src", value: url },
          { name: "alt", value: node.alt ?? "" },
        ],
      };
      for (const problem of elementProblems(image, state.context)) add(node, problem.message);
      return;
    }
    case "heading":
      if (node.depth === 1)
        add(
          node,
          "a level-one heading is the page's title, which the page already shows (the frontmatter's title) — make this a section heading with ## (h2)",
        );
      return;
    case "code":
      if (node.lang && !CODE_LANGUAGE.test(node.lang))
        add(
          node,
          `code block language "${node.lang}" may hold only letters, digits and + # . _ - — write the language's name, such as \`\`\`sql`,
        );
      return;
    case "text":
      undefinedFootnotes(node, add, state);
      return;
    default:
      return;
  }
}

/** Reports each `[^label]` left as text, at its own position. */
function undefinedFootnotes(node: MdxNode, add: (node: MdxNode, message: string) => void, state: CheckState): void {
  const value = typeof node.value === "string" ? node.value : "";
  if (!value.includes("[^")) return;
  const start = node.position?.start.offset;
  const end = node.position?.end?.offset;
  const source = start !== undefined && end !== undefined ? state.body.slice(start, end) : value;
  for (const match of source.matchAll(UNDEFINED_FOOTNOTE)) {
    const at = start !== undefined ? state.index.position(start + match.index) : node.position?.start;
    const label = match[1]!;
    add(
      { type: "text", ...(at ? { position: { start: at } } : {}) },
      `footnote [^${label}] has no definition, so readers would see the brackets — add a line "[^${label}]: the note" at the end of the body, or remove the reference`,
    );
  }
}

function isComment(node: MdxNode): boolean {
  return node.data?.estree?.body.length === 0;
}

function checkElement(node: MdxNode, add: (node: MdxNode, message: string) => void, context: AllowlistContext): void {
  const attributes = node.attributes ?? [];
  const element: BodyElement = { name: node.name ?? null, attributes: attributes.map(asBodyAttribute) };
  for (const problem of elementProblems(element, context)) {
    const attribute = problem.attribute === undefined ? undefined : attributes[problem.attribute];
    add(attribute?.position ? attribute : node, problem.message);
  }
}

/** An MDX JSX attribute as the allowlist reads it. */
function asBodyAttribute(attribute: MdxNode): BodyAttribute {
  if (attribute.type === "mdxJsxExpressionAttribute")
    return { name: "", value: { spread: typeof attribute.value === "string" ? attribute.value : "" } };
  const value = attribute.value;
  const name = attribute.name ?? "";
  if (value === null || value === undefined) return { name, value: true };
  if (typeof value === "string") return { name, value };
  const expression = (value as MdxNode).value;
  return { name, value: { expression: typeof expression === "string" ? expression : "" } };
}

/** Unsafe links in a body without MDX syntax, skipping fenced and inline code; found line by line for their position. */
function plainMarkdownLinks(body: string, firstLine: number): BodyProblem[] {
  // Masking code only blanks characters, so a body without a link's characters has none after it either.
  if (!mayHaveLinks(body)) return [];
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
