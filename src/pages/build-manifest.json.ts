/**
 * What the content collection loaded, for the post-build reconciliation (src/integrations/site-checks.ts),
 * which reads this file and removes it from the output.
 */
import type { APIRoute } from "astro";
import { getKnowledgeBase } from "../data/knowledge-base.ts";

export const GET: APIRoute = async () => {
  const kb = await getKnowledgeBase();
  const entries = [...kb.all.values()];
  return Response.json({
    entries: entries.length,
    drafts: entries.filter((r) => r.data.status === "draft").length,
    withdrawn: kb.withdrawn.length,
    visible: kb.postmortems.map((r) => r.id),
  });
};
