/**
 * The one module that queries content collections. It checks the rules that span files, filters
 * drafts (kept in `npm run dev`), sorts newest first and hands plain data to pages.
 */
import { getCollection, type CollectionEntry } from "astro:content";
import { contentPaths } from "../lib/content-paths.ts";
import { checkCatalogs, checkPostmortemReferences, type PostmortemSource } from "../lib/integrity/cross-file.ts";
import { formatProblem } from "../lib/integrity/problem.ts";
import { computeDurations } from "../lib/postmortem/durations.ts";
import { isListed, isVisible } from "../lib/postmortem/visibility.ts";
import type { Catalogs } from "../lib/schema/index.ts";
import { urls } from "../lib/site/urls.ts";

export type PostmortemEntry = CollectionEntry<"postmortems">;

/** A postmortem as pages receive it. */
export interface PostmortemRecord extends PostmortemSource {
  url: string;
  durations: ReturnType<typeof computeDurations>;
  entry: PostmortemEntry;
}

export interface KnowledgeBase {
  /** Visible postmortems, newest first. */
  postmortems: PostmortemRecord[];
  /** Withdrawn postmortems: each keeps its own page (with a notice) and appears nowhere else. */
  withdrawn: PostmortemRecord[];
  /** Every postmortem, drafts included, by id (for references such as prior action items). */
  all: Map<string, PostmortemRecord>;
  catalogs: Catalogs;
}

let loaded: Promise<KnowledgeBase> | undefined;

async function load(): Promise<KnowledgeBase> {
  const [entries, teams, services, categories] = await Promise.all([
    getCollection("postmortems"),
    getCollection("teams"),
    getCollection("services"),
    getCollection("categories"),
  ]);
  const paths = contentPaths();
  const files = { teams: paths.teams, services: paths.services, taxonomy: paths.taxonomy };
  const catalogs: Catalogs = {
    teams: teams.map((e) => e.data),
    services: services.map((e) => e.data),
    categories: categories.map((e) => e.data),
  };
  const records: PostmortemRecord[] = entries.map((entry) => ({
    id: entry.id,
    file: entry.filePath ?? `${paths.postmortems}/${entry.id}.mdx`,
    data: entry.data,
    url: urls.postmortem(entry.id),
    durations: computeDurations(entry.data),
    entry,
  }));
  const problems = [...checkCatalogs(catalogs, files), ...checkPostmortemReferences(records, catalogs, files)];
  if (problems.length > 0) throw new Error(`Content errors:\n${problems.map(formatProblem).join("\n")}`);

  const includeDrafts = import.meta.env.HINDSIGHT_INCLUDE_DRAFTS === true;
  const postmortems = records
    .filter((r) => isListed(r.data.status, { includeDrafts }))
    .sort((a, b) => Date.parse(b.data.started) - Date.parse(a.data.started) || a.id.localeCompare(b.id));
  const withdrawn = records.filter(
    (r) => isVisible(r.data.status, { includeDrafts }) && !isListed(r.data.status, { includeDrafts }),
  );
  return { postmortems, withdrawn, all: new Map(records.map((r) => [r.id, r])), catalogs };
}

/** Loads and checks the knowledge base once per build. */
export function getKnowledgeBase(): Promise<KnowledgeBase> {
  loaded ??= load();
  return loaded;
}
