/** `/action-items.ics`: outstanding action items on their due dates, for calendar subscriptions. */
import type { APIRoute } from "astro";
import { getKnowledgeBase } from "../data/knowledge-base.ts";
import { getLedger } from "../data/ledger.ts";
import { ledgerIcs } from "../lib/action-items/exports.ts";
import { indexCatalogs } from "../lib/catalog-index.ts";
import { site as siteConfig } from "../data/site.ts";

export const GET: APIRoute = async ({ site }) => {
  const [kb, ledger] = await Promise.all([getKnowledgeBase(), getLedger()]);
  const body = ledgerIcs(ledger, {
    site: site ?? siteConfig.origin,
    siteName: siteConfig.siteName,
    generated: new Date().toISOString(),
    teamName: indexCatalogs(kb.catalogs).teamName,
  });
  return new Response(body, { headers: { "Content-Type": "text/calendar; charset=utf-8" } });
};
