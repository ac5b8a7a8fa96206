/** `/action-items.csv`: the ledger for spreadsheets (RFC 4180, UTF-8 with BOM). */
import type { APIRoute } from "astro";
import { getKnowledgeBase } from "../data/knowledge-base.ts";
import { getLedger } from "../data/ledger.ts";
import { ledgerCsv } from "../lib/action-items/exports.ts";
import { indexCatalogs } from "../lib/catalog-index.ts";
import { site as siteConfig } from "../data/site.ts";

export const GET: APIRoute = async ({ site }) => {
  const [kb, ledger] = await Promise.all([getKnowledgeBase(), getLedger()]);
  const body = ledgerCsv(ledger, {
    site: site ?? siteConfig.origin,
    siteName: siteConfig.siteName,
    generated: new Date().toISOString(),
    teamName: indexCatalogs(kb.catalogs).teamName,
  });
  return new Response(body, { headers: { "Content-Type": "text/csv; charset=utf-8" } });
};
