/** The RSS feed of published postmortems, newest first. */
import rss from "@astrojs/rss";
import type { APIRoute } from "astro";
import { getKnowledgeBase } from "../data/knowledge-base.ts";
import { site as siteConfig, urls } from "../data/site.ts";
import { rssItems } from "../lib/feeds/rss.ts";

export const GET: APIRoute = async ({ site }) => {
  const kb = await getKnowledgeBase();
  return rss({
    title: siteConfig.siteName,
    description: "Published postmortems, newest first: what broke, why, and what we committed to do about it.",
    site: new URL(urls.home(), site ?? siteConfig.origin).href,
    items: rssItems(kb.postmortems),
    trailingSlash: true,
  });
};
