/** Every visible postmortem as structured data with computed durations (shape: docs/feeds.md). */
import type { APIRoute } from "astro";
import { getKnowledgeBase } from "../data/knowledge-base.ts";
import { indexCatalogs } from "../lib/catalog-index.ts";
import { postmortemsJson } from "../lib/feeds/json.ts";
import { site as siteConfig, urls } from "../data/site.ts";

export const GET: APIRoute = async ({ site }) => {
  const kb = await getKnowledgeBase();
  const body = postmortemsJson(kb.postmortems, indexCatalogs(kb.catalogs), new URL(urls.home(), site ?? siteConfig.origin));
  return new Response(JSON.stringify(body), { headers: { "Content-Type": "application/json; charset=utf-8" } });
};
