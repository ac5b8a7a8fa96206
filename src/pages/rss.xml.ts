/** The RSS feed of published postmortems, newest first. */
import rss from "@astrojs/rss";
import type { APIRoute } from "astro";
import { getKnowledgeBase } from "../data/knowledge-base.ts";
import { rssItems } from "../lib/feeds/rss.ts";

export const GET: APIRoute = async ({ site }) => {
  const kb = await getKnowledgeBase();
  return rss({
    title: "Hindsight postmortems",
    description: "Published postmortems, newest first: what broke, why, and what we committed to do about it.",
    site: site ?? "https://hindsight.example.com",
    items: rssItems(kb.postmortems),
    trailingSlash: true,
  });
};
