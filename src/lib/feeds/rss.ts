/** The RSS feed's items: published postmortems, newest first. Pure, so the feed is testable without a build. */
import { urls } from "../site/urls.ts";
import type { Postmortem } from "../schema/index.ts";

/** How many postmortems the feed carries; older ones stay in /postmortems.json and the archive. */
export const RSS_LIMIT = 50;

export interface FeedSource {
  id: string;
  data: Postmortem;
}

export interface RssItem {
  title: string;
  link: string;
  pubDate: Date;
  description: string;
  categories: string[];
}

/**
 * Items for @astrojs/rss. Only published postmortems (not those in review), newest first by start of
 * impact, at most RSS_LIMIT. The date is when the incident started: postmortems carry no publication date.
 */
export function rssItems(postmortems: readonly FeedSource[], limit = RSS_LIMIT): RssItem[] {
  return postmortems
    .filter((p) => p.data.status === "published")
    .sort((a, b) => Date.parse(b.data.started) - Date.parse(a.data.started) || a.id.localeCompare(b.id))
    .slice(0, limit)
    .map((p) => ({
      // Title and summary are plain text in the schema (not Markdown): passed as written, escaped by the feed writer.
      title: `[${p.data.severity}] ${p.data.title}`,
      link: urls.postmortem(p.id),
      pubDate: new Date(Date.parse(p.data.started)),
      description: p.data.summary,
      categories: [p.data.severity, ...p.data.services, ...p.data.tags],
    }));
}
