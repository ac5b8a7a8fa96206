/**
 * A Sätteri hast plugin for postmortem bodies: external links get rel="noopener noreferrer", and a link
 * whose URL is not http, https, mailto or site-relative loses its href (the validator already rejects such
 * links; this keeps one from ever reaching a reader).
 */
import type { HastPluginDefinition } from "satteri";
import { isSafeUrl } from "../schema/links.ts";

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
