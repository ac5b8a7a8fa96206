/** The guide lists every authoring component's props as the schemas the validator uses define them. */
import { fromHtml } from "hast-util-from-html";
import { toText } from "hast-util-to-text";
import type { Element, Root } from "hast";
import { describe, expect, it } from "vitest";
import { AUTHORING_COMPONENTS, propReference } from "../../src/lib/schema/components.ts";
import { readPage } from "../support/html.ts";
import { SAMPLE_DIST } from "../support/paths.ts";

const guide = fromHtml(readPage(SAMPLE_DIST, "/guide/"));

/** Every element below node (node included) that matches. */
function findAll(node: Root | Element, match: (e: Element) => boolean): Element[] {
  const found: Element[] = node.type === "element" && match(node) ? [node] : [];
  for (const child of node.children) if (child.type === "element") found.push(...findAll(child, match));
  return found;
}

describe("the guide's component reference", () => {
  for (const component of AUTHORING_COMPONENTS) {
    it(`gives every prop of <${component}> with whether it is required, what it is and its allowed values`, () => {
      const [table] = findAll(guide, (e) => e.properties["id"] === `component-${component.toLowerCase()}`);
      expect(table, component).toBeDefined();
      const [body] = findAll(table!, (e) => e.tagName === "tbody");
      const rows = findAll(body!, (e) => e.tagName === "tr").map((row) =>
        findAll(row, (e) => e.tagName === "th" || e.tagName === "td").map((cell) => toText(cell).replace(/\s+/g, " ").trim()),
      );
      const props = propReference(component);
      expect(rows.map((r) => r[0])).toEqual(props.map((p) => p.name));
      for (const [i, prop] of props.entries()) {
        expect(rows[i]![1]).toBe(prop.required ? "yes" : "no");
        expect(rows[i]![2]).toContain(prop.description.trim());
        for (const value of prop.values ?? []) expect(rows[i]![2]).toContain(value);
      }
    });
  }
});
