/** `/action-items.json`: the ledger, versioned (shape documented in docs/action-items.md). */
import type { APIRoute } from "astro";
import { getKnowledgeBase } from "../data/knowledge-base.ts";
import { getLedger } from "../data/ledger.ts";
import { ledgerJson } from "../lib/action-items/exports.ts";
import { indexCatalogs } from "../lib/catalog-index.ts";
import { site as siteConfig } from "../data/site.ts";

export const GET: APIRoute = async ({ site }) => {
  const [kb, ledger] = await Promise.all([getKnowledgeBase(), getLedger()]);
  const body = ledgerJson(ledger, {
    site: site ?? siteConfig.origin,
    siteName: siteConfig.siteName,
    generated: new Date().toISOString(),
    teamName: indexCatalogs(kb.catalogs).teamName,
  });
  return new Response(JSON.stringify(body, null, 1), { headers: { "Content-Type": "application/json; charset=utf-8" } });
};
