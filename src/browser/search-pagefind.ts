/**
 * The part of pagefind's browser API the search page uses, and its lazy loader. `/pagefind/pagefind.js`
 * is written by the build (src/integrations/pagefind.ts), so it is imported at run time, never bundled.
 */
import { sitePaths } from "../lib/site/paths.ts";

export type FilterCounts = Record<string, Record<string, number>>;

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}

export interface PagefindResult {
  id: string;
  data: () => Promise<PagefindResultData>;
}

export interface PagefindSearch {
  results: PagefindResult[];
  /** Counts of each filter value among the results. Filled once `filters()` has loaded the filter index. */
  filters: FilterCounts;
}

export interface PagefindSearchOptions {
  filters?: Record<string, { any: string[] }>;
  sort?: Record<string, "asc" | "desc">;
}

export interface Pagefind {
  options: (options: { excerptLength?: number; baseUrl?: string; noWorker?: boolean }) => Promise<void>;
  filters: () => Promise<FilterCounts>;
  search: (term: string | null, options?: PagefindSearchOptions) => Promise<PagefindSearch>;
}

/** Words around the best match in each result's excerpt. */
const EXCERPT_WORDS = 26;

/** Loads pagefind from the site's `pagefind/` folder. Rejects when the index is missing (no build yet) or broken. */
export async function loadPagefind(base: string = import.meta.env.BASE_URL): Promise<Pagefind> {
  const paths = sitePaths(base);
  const pagefind = (await import(/* @vite-ignore */ `${paths.pagefind()}pagefind.js`)) as Pagefind;
  // On the main thread: our index is small enough that a search takes milliseconds, and the worker
  // would be one more script (about 12 KB compressed) to fetch before the first result.
  // The index holds paths from the root of the build; baseUrl puts results under the base path.
  await pagefind.options({ excerptLength: EXCERPT_WORDS, noWorker: true, baseUrl: paths.home() });
  return pagefind;
}
