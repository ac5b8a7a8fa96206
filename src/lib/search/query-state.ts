/**
 * The state of a search as it lives in the URL (`/search/?q=dynamodb&severity=SEV1&sort=newest`), so a
 * search can be shared as a link, and its translation into pagefind's search options.
 */
import { SEARCH_FILTER_KEYS, type SearchFilterKey } from "./facets.ts";

export const SORT_ORDERS = ["relevance", "newest", "oldest"] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

export interface SearchState {
  query: string;
  /** Selected values per filter group; a group with nothing selected is absent. */
  filters: Partial<Record<SearchFilterKey, string[]>>;
  sort: SortOrder;
}

const isSortOrder = (value: string): value is SortOrder => (SORT_ORDERS as readonly string[]).includes(value);

/** Reads a search from URL parameters, ignoring unknown parameters and empty values. */
export function parseSearchState(params: URLSearchParams): SearchState {
  const filters: SearchState["filters"] = {};
  for (const key of SEARCH_FILTER_KEYS) {
    const values = [
      ...new Set(
        params
          .getAll(key)
          .map((v) => v.trim())
          .filter((v) => v !== ""),
      ),
    ];
    if (values.length > 0) filters[key] = values;
  }
  const sort = params.get("sort") ?? "";
  return { query: (params.get("q") ?? "").trim(), filters, sort: isSortOrder(sort) ? sort : "relevance" };
}

/** Writes a search as URL parameters: `q` first, then filters in the page's order, then a non-default sort. */
export function serializeSearchState(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.query !== "") params.set("q", state.query);
  for (const key of SEARCH_FILTER_KEYS) for (const value of state.filters[key] ?? []) params.append(key, value);
  if (state.sort !== "relevance") params.set("sort", state.sort);
  return params;
}

/** True when there is something to search for: words, or at least one filter. */
export function hasCriteria(state: SearchState): boolean {
  return state.query !== "" || Object.values(state.filters).some((values) => values.length > 0);
}

/** pagefind's filter option: any selected value within a group, every group at once. `except` leaves one group out. */
export function pagefindFilters(state: SearchState, except?: SearchFilterKey): Record<string, { any: string[] }> {
  const filters: Record<string, { any: string[] }> = {};
  for (const key of SEARCH_FILTER_KEYS) {
    const values = state.filters[key];
    if (key !== except && values && values.length > 0) filters[key] = { any: values };
  }
  return filters;
}

/**
 * pagefind's sort option. Without words there is no relevance to rank by, so a filter-only search
 * lists the newest incidents first.
 */
export function pagefindSort(state: SearchState): Record<string, "asc" | "desc"> | undefined {
  if (state.sort === "newest" || (state.sort === "relevance" && state.query === "")) return { date: "desc" };
  if (state.sort === "oldest") return { date: "asc" };
  return undefined;
}

/** The words pagefind searches for; `null` (every page) for a filter-only search. */
export function pagefindTerm(state: SearchState): string | null {
  return state.query === "" ? null : state.query;
}
