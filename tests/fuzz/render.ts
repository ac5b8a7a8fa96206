/**
 * Compiles a postmortem body the way the build does (Sätteri's MDX renderer for Astro, with the site's
 * body plugins), and renders it to HTML with a small JSX runtime, so that a real HTML parser can check
 * what a reader's browser would get. Callout and Figure are stood in for by plain elements carrying their
 * props as text, so every byte of output must pass the allowlist.
 */
import { join } from "node:path";
import { compileLikeTheBuild as compileBody } from "../support/mdx-build.ts";
import { fromHtml } from "hast-util-from-html";
import { toHtml } from "hast-util-to-html";
import type { Element, Nodes, Root } from "hast";
import { evaluate } from "satteri";
import { bodyPlugins } from "../../src/lib/markdown/body-plugins.ts";
import { elementProblems, publicFileExists } from "../../src/lib/markdown/body-allowlist.ts";
import { ROOT } from "../support/paths.ts";

/** Astro's own MDX compile step; throws what the build would throw. */
export async function compileLikeTheBuild(body: string): Promise<void> {
  await compileBody(body, "2024-01-01-fuzz.mdx");
}

const textOf = (value: unknown): string => (typeof value === "string" ? value : "");

type Child = Nodes | string | number | boolean | null | undefined | Child[];

function children(value: Child): Nodes[] {
  if (value === null || value === undefined || typeof value === "boolean") return [];
  if (Array.isArray(value)) return value.flatMap(children);
  if (typeof value === "string" || typeof value === "number") return [{ type: "text", value: String(value) }];
  return value.type === "root" ? value.children : [value];
}

function jsx(type: unknown, props: Record<string, unknown>): Nodes {
  const { children: kids, ...rest } = props;
  if (typeof type === "function") return (type as (p: Record<string, unknown>) => Nodes)(props);
  if (typeof type !== "string") return { type: "root", children: children(kids as Child) as Root["children"] };
  const properties: Record<string, string | boolean | number | string[]> = {};
  for (const [name, value] of Object.entries(rest)) {
    if (value === undefined || value === null) continue;
    // The compiler hands style over as an object (GFM table alignment); Astro writes it as CSS text.
    properties[name] =
      name === "style" && typeof value === "object"
        ? Object.entries(value as Record<string, string>)
            .map(([key, css]) => `${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${css}`)
            .join("; ")
        : (value as string | boolean | number | string[]);
  }
  return { type: "element", tagName: type, properties, children: children(kids as Child) as Element["children"] };
}

const standIns = {
  Callout: (props: Record<string, unknown>) =>
    jsx("div", { children: [jsx("p", { children: textOf(props["title"] ?? props["type"] ?? "Note") }), props["children"]] }),
  Figure: (props: Record<string, unknown>) =>
    jsx("div", {
      children: [jsx("img", { src: props["src"], alt: props["alt"] }), jsx("p", { children: textOf(props["caption"]) })],
    }),
};

/** The body rendered to an HTML string, through the build's plugins. */
export async function renderBody(body: string): Promise<string> {
  const module = await evaluate(body, {
    jsx,
    jsxs: jsx,
    Fragment: (props: { children?: Child }) => ({ type: "root", children: children(props.children ?? null) }),
    hastPlugins: bodyPlugins,
    features: { gfm: true },
    // As Astro compiles MDX: HTML attribute names, so that style and class reach the HTML as written.
    elementAttributeNameCase: "html",
  } as never);
  const Content = module["default"] as (props: { components: typeof standIns }) => Nodes;
  return toHtml(Content({ components: standIns }));
}

/** Every element of the parsed HTML outside the allowlist, as "<tag>: message". */
export function htmlOutsideAllowlist(html: string): string[] {
  const found: string[] = [];
  const imageExists = publicFileExists(join(ROOT, "public"));
  const visit = (node: Nodes) => {
    if (node.type === "element") {
      const attributes = Object.entries(node.properties).flatMap(([name, value]) =>
        value === undefined || value === null || value === false
          ? []
          : [{ name, value: value === true ? (true as const) : Array.isArray(value) ? value.join(" ") : String(value) }],
      );
      for (const problem of elementProblems({ name: node.tagName, attributes }, { imageExists }))
        found.push(`<${node.tagName}>: ${problem.message}`);
    }
    if ("children" in node) for (const child of node.children) visit(child);
  };
  visit(fromHtml(html, { fragment: true }));
  return found;
}
