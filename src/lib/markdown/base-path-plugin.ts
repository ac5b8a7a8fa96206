/**
 * Site paths written in postmortem bodies — `[the ledger](/action-items/)`, `![graph](/images/x.png)`,
 * `<a href="/guide/">` — are paths from the root of the site; under a base path (`/kb/`) they get it, so
 * the same content works wherever the site is served. Runs after the allowlist, which checks them as written.
 */
import type { HastPluginDefinition } from "satteri";
import { pathWithBase } from "../site/paths.ts";

const ATTRIBUTES = ["href", "src"] as const;

type JsxNode = Readonly<{ attributes: { type: string; name?: string; value?: unknown }[] }>;

/** The plugin for one base path. */
export function basePathPlugin(base: string): HastPluginDefinition {
  const withBase = (value: unknown) =>
    typeof value === "string" && value.startsWith("/") && !value.startsWith("//") ? pathWithBase(value, base) : value;
  const jsx = (node: JsxNode) => {
    if (!node.attributes.some((a) => a.type === "mdxJsxAttribute" && (ATTRIBUTES as readonly string[]).includes(a.name ?? "")))
      return undefined;
    return {
      ...node,
      attributes: node.attributes.map((a) =>
        a.type === "mdxJsxAttribute" && (ATTRIBUTES as readonly string[]).includes(a.name ?? "")
          ? { ...a, value: withBase(a.value) }
          : a,
      ),
    } as never;
  };
  return {
    name: "hindsight-base-path",
    element: {
      filter: ["a", "img"],
      visit(node, ctx) {
        for (const name of ATTRIBUTES) {
          const value = node.properties[name];
          const moved = withBase(value);
          if (moved !== value) ctx.setProperty(node, name, moved);
        }
      },
    },
    mdxJsxFlowElement: { filter: ["a", "img"], visit: jsx },
    mdxJsxTextElement: { filter: ["a", "img"], visit: jsx },
  };
}
