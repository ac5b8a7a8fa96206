/**
 * Sätteri hast plugins for postmortem bodies (Astro's default Markdown processor; see
 * docs/decisions/0001-markdown-processors.md).
 */
import type { HastPluginDefinition } from "satteri";
import { isSafeUrl } from "../schema/links.ts";

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

/** Every plugin, in order. */
export const bodyPlugins = [externalLinksPlugin, taskListLabelsPlugin];
