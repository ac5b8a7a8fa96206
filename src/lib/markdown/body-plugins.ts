/**
 * Sätteri hast plugins for postmortem bodies (Astro's default Markdown processor, which also compiles
 * MDX; see docs/decisions/0001-markdown-processors.md).
 */
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { fromHtml } from "hast-util-from-html";
import type { HastPluginDefinition } from "satteri";
import { isSafeUrl } from "../schema/links.ts";
import {
  elementProblems,
  htmlName,
  isCommentOnly,
  publicFileExists,
  type AllowlistContext,
  type BodyAttribute,
  type BodyElement,
} from "./body-allowlist.ts";

/**
 * External links get rel="noopener noreferrer", and a link whose URL is not http, https, mailto or
 * site-relative loses its href (the validator already rejects such links; this keeps one from ever reaching a reader).
 */
export const externalLinksPlugin: HastPluginDefinition = {
  name: "hindsight-external-links",
  element: {
    filter: ["a"],
    visit(node, ctx) {
      const href = node.properties["href"];
      if (typeof href !== "string") return;
      if (!isSafeUrl(href)) ctx.setProperty(node, "href", undefined);
      else if (/^https?:/i.test(href)) ctx.setProperty(node, "rel", ["noopener", "noreferrer"]);
    },
  },
};

/** GFM task-list checkboxes have no label; give them one, so assistive technology reads "Completed, checked". */
export const taskListLabelsPlugin: HastPluginDefinition = {
  name: "hindsight-task-list-labels",
  element: {
    filter: ["input"],
    visit(node, ctx) {
      if (node.properties["type"] === "checkbox" && node.properties["ariaLabel"] === undefined)
        ctx.setProperty(node, "ariaLabel", "Completed");
    },
  },
};

/** A node of the tree as the allowlist plugin reads it (hast with MDX nodes). */
interface TreeNode {
  type: string;
  tagName?: string;
  name?: string | null;
  value?: unknown;
  properties?: Record<string, unknown>;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: TreeNode[];
  position?: { start: { line: number; column: number } };
}

/** One problem the build found in a body, at a position in the file. */
export interface BuildBodyProblem {
  line: number;
  column: number;
  message: string;
}

/** Thrown by the build when a body breaks the allowlist: every problem, each as file:line:col. */
export class BodyAllowlistError extends Error {
  readonly file: string;
  readonly problems: BuildBodyProblem[];
  constructor(file: string, problems: BuildBodyProblem[]) {
    super(
      `${problems.length === 1 ? "A postmortem body uses" : `A postmortem body has ${problems.length} uses of`} markup postmortems may not use:\n${problems
        .map((p) => `${file}:${p.line}:${p.column}  body  ${p.message}`)
        .join("\n")}\nRun \`npm run validate\` for the same report.`,
    );
    this.name = "BodyAllowlistError";
    this.file = file;
    this.problems = problems;
  }
}

/** A node's or attribute's text, or "" when it has none. */
function textOf(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/** A hast property value as attribute text. */
function propertyText(value: unknown): string {
  if (Array.isArray(value)) return value.map(propertyText).join(" ");
  return typeof value === "string" || typeof value === "number" ? String(value) : JSON.stringify(value);
}

/** hast properties as attributes: class lists joined, false and null left out. */
function propertiesAsAttributes(properties: Record<string, unknown> = {}): BodyAttribute[] {
  const attributes: BodyAttribute[] = [];
  for (const [name, value] of Object.entries(properties)) {
    if (value === undefined || value === null || value === false) continue;
    attributes.push({
      name: htmlName(name),
      value: value === true ? true : propertyText(value),
    });
  }
  return attributes;
}

/** MDX JSX attributes as written: text, a bare name, an expression or a spread. */
function jsxAttributes(attributes: TreeNode["attributes"] = []): BodyAttribute[] {
  return attributes.map((attribute) => {
    if (attribute.type !== "mdxJsxAttribute") return { name: "", value: { spread: textOf(attribute.value) } };
    const value = attribute.value;
    if (value === null || value === undefined) return { name: attribute.name ?? "", value: true };
    if (typeof value === "string") return { name: attribute.name ?? "", value };
    return { name: attribute.name ?? "", value: { expression: textOf((value as { value?: unknown }).value) } };
  });
}

/** Every problem in a tree, for the allowlist and the MDX subset; raw HTML is parsed and judged the same way. */
export function treeProblems(root: TreeNode, context: AllowlistContext): BuildBodyProblem[] {
  const problems: BuildBodyProblem[] = [];
  const visit = (node: TreeNode, fallback: { line: number; column: number }, inRaw = false) => {
    const at = (inRaw ? undefined : node.position?.start) ?? fallback;
    const add = (message: string) => problems.push({ line: at.line, column: at.column, message });
    let element: BodyElement | undefined;
    switch (node.type) {
      case "element":
        element = { name: node.tagName ?? "", attributes: propertiesAsAttributes(node.properties) };
        break;
      case "mdxJsxFlowElement":
      case "mdxJsxTextElement":
        element = { name: node.name ?? null, attributes: jsxAttributes(node.attributes) };
        break;
      case "mdxFlowExpression":
      case "mdxTextExpression":
        if (!isCommentOnly(textOf(node.value)))
          add(
            'JavaScript expressions are not allowed in postmortems — write "\\{" for a literal brace, or {/* … */} for a comment',
          );
        return;
      case "mdxjsEsm":
        add("import and export are not allowed in postmortems — remove the line");
        return;
      case "raw":
        // Positions inside the parsed HTML count from its own start; the raw node's position is the author's.
        visit(fromHtml(textOf(node.value), { fragment: true }) as unknown as TreeNode, at, true);
        return;
      default:
        break;
    }
    if (element) for (const problem of elementProblems(element, context)) add(problem.message);
    for (const child of node.children ?? []) visit(child, at, inRaw);
  };
  visit(root, { line: 1, column: 1 });
  return problems;
}

/**
 * The body allowlist inside the build: the rule `hindsight validate` applies, run on the tree the build
 * actually renders, so no route (a skipped validation, a parser that reads the text differently) lets a
 * forbidden element, attribute or URL reach a page. A violation fails the build with file:line:col.
 */
export function allowlistPlugin(publicDir = join(process.cwd(), "public")): HastPluginDefinition {
  const context: AllowlistContext = { imageExists: publicFileExists(publicDir) };
  return {
    name: "hindsight-body-allowlist",
    options: { position: true },
    before(root, ctx) {
      const problems = treeProblems(root as unknown as TreeNode, context);
      if (problems.length === 0) return;
      const path = ctx.fileURL ? fileURLToPath(ctx.fileURL) : "(body)";
      throw new BodyAllowlistError(relative(process.cwd(), path).split(sep).join("/") || path, problems);
    },
  };
}

/** External links written as JSX (`<a href="https://…">`) get the same rel as Markdown links. */
export const externalJsxLinksPlugin: HastPluginDefinition = {
  name: "hindsight-external-jsx-links",
  mdxJsxFlowElement: { filter: ["a"], visit: addJsxRel },
  mdxJsxTextElement: { filter: ["a"], visit: addJsxRel },
};

function addJsxRel(node: Readonly<{ attributes: { type: string; name?: string; value?: unknown }[] }>) {
  const href = node.attributes.find((a) => a.type === "mdxJsxAttribute" && a.name === "href")?.value;
  if (typeof href !== "string" || !/^https?:/i.test(href.trim())) return undefined;
  const attributes = node.attributes.filter((a) => !(a.type === "mdxJsxAttribute" && a.name === "rel"));
  return {
    ...node,
    attributes: [...attributes, { type: "mdxJsxAttribute", name: "rel", value: "noopener noreferrer" }],
  } as never;
}

/** `right` for the inline style `text-align: right` of a table cell (the only style a body may use). */
function cellAlignment(style: unknown): string | undefined {
  return typeof style === "string" ? /^\s*text-align:\s*(left|right|center)\s*;?\s*$/.exec(style)?.[1] : undefined;
}

/**
 * Table cells aligned in GFM (`|--:|`) or with `style="text-align: right"` get the class `align-right`
 * instead of the inline style: the Content-Security-Policy (`style-src 'self'`, no 'unsafe-inline') makes
 * browsers ignore style attributes, so the alignment would silently be lost. global.css styles the classes.
 */
export const tableAlignmentPlugin: HastPluginDefinition = {
  name: "hindsight-table-alignment",
  element: {
    filter: ["th", "td"],
    visit(node, ctx) {
      const align = cellAlignment(node.properties["style"]);
      if (align === undefined) return;
      const classes = node.properties["className"];
      ctx.setProperty(node, "style", undefined);
      ctx.setProperty(node, "className", [...(Array.isArray(classes) ? classes : []), `align-${align}`]);
    },
  },
  mdxJsxFlowElement: { filter: ["th", "td"], visit: alignJsxCell },
  mdxJsxTextElement: { filter: ["th", "td"], visit: alignJsxCell },
};

function alignJsxCell(node: Readonly<{ attributes: { type: string; name?: string; value?: unknown }[] }>) {
  const isStyle = (a: { type: string; name?: string }) => a.type === "mdxJsxAttribute" && a.name === "style";
  const align = cellAlignment(node.attributes.find(isStyle)?.value);
  if (align === undefined) return undefined;
  const isClass = (a: { type: string; name?: string }) => a.type === "mdxJsxAttribute" && a.name === "class";
  const existing = node.attributes.find(isClass)?.value;
  const className = [typeof existing === "string" ? existing : "", `align-${align}`].filter(Boolean).join(" ");
  return {
    ...node,
    attributes: [
      ...node.attributes.filter((a) => !isStyle(a) && !isClass(a)),
      { type: "mdxJsxAttribute", name: "class", value: className },
    ],
  } as never;
}

/** Every plugin, in order: the allowlist first, so nothing else works on a tree it refuses. */
export const bodyPlugins = [
  allowlistPlugin(),
  externalLinksPlugin,
  externalJsxLinksPlugin,
  taskListLabelsPlugin,
  tableAlignmentPlugin,
];
