/**
 * Cause categories across postmortems: how often each appears, how that changes by year, and which
 * categories appear together. A postmortem counts once per category, however many of its causes share it.
 */
import { incidentDate } from "../postmortem/dates.ts";

/** What the cause figures need of a postmortem. */
export interface CauseSource {
  data: { started: string; timezone: string; causes: readonly { category: string }[] };
}

/** The distinct categories of a postmortem's causes, in first-mention order. */
export function categoriesOf(p: CauseSource): string[] {
  return [...new Set(p.data.causes.map((c) => c.category))];
}

/** The year (YYYY) the incident started in its own time zone. */
export function yearOf(p: { data: { started: string; timezone: string } }): number {
  return Number(incidentDate(p.data).slice(0, 4));
}

export interface CategoryCount {
  id: string;
  /** Postmortems with at least one cause in this category. */
  count: number;
  /** Postmortems per year, for every year from the first to the last postmortem (zeros included). */
  byYear: { year: number; count: number }[];
}

/** The years from the oldest to the newest postmortem, both included. */
export function yearSpan(postmortems: readonly CauseSource[]): number[] {
  if (postmortems.length === 0) return [];
  const years = postmortems.map(yearOf);
  const first = Math.min(...years);
  const last = Math.max(...years);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/**
 * Counts and yearly trend for every category of the taxonomy (zeros included), most frequent first,
 * ties in taxonomy order. Categories used by postmortems but missing from `categoryIds` are appended,
 * so nothing is dropped silently (the build's integrity checks refuse them anyway).
 */
export function causeCategoryCounts(postmortems: readonly CauseSource[], categoryIds: readonly string[]): CategoryCount[] {
  const years = yearSpan(postmortems);
  const perCategory = new Map<string, Map<number, number>>(categoryIds.map((id) => [id, new Map()]));
  for (const p of postmortems) {
    const year = yearOf(p);
    for (const id of categoriesOf(p)) {
      const byYear = perCategory.get(id) ?? new Map<number, number>();
      byYear.set(year, (byYear.get(year) ?? 0) + 1);
      perCategory.set(id, byYear);
    }
  }
  const order = [...perCategory.keys()];
  return order
    .map((id) => {
      const byYear = perCategory.get(id)!;
      const trend = years.map((year) => ({ year, count: byYear.get(year) ?? 0 }));
      return { id, count: trend.reduce((sum, t) => sum + t.count, 0), byYear: trend };
    })
    .sort((a, b) => b.count - a.count || order.indexOf(a.id) - order.indexOf(b.id));
}

export interface CoOccurrence {
  /** Categories that appear in at least one postmortem, in the order given. */
  categories: string[];
  /** counts[i][j]: postmortems citing both categories i and j; the diagonal is the category's own count. */
  counts: number[][];
}

/** Which categories appear in the same postmortem, as a symmetric matrix over the categories in use. */
export function causeCoOccurrence(postmortems: readonly CauseSource[], order: readonly string[]): CoOccurrence {
  const sets = postmortems.map(categoriesOf);
  const used = new Set(sets.flat());
  const categories = [...order.filter((id) => used.has(id)), ...[...used].filter((id) => !order.includes(id)).sort()];
  const index = new Map(categories.map((id, i) => [id, i]));
  const counts = categories.map(() => categories.map(() => 0));
  for (const set of sets) {
    for (const a of set) for (const b of set) counts[index.get(a)!]![index.get(b)!]! += 1;
  }
  return { categories, counts };
}

/** The off-diagonal pairs (a before b), most frequent first: "which categories co-occur" as a list. */
export function topPairs(matrix: CoOccurrence, limit = 10): { a: string; b: string; count: number }[] {
  const pairs: { a: string; b: string; count: number }[] = [];
  matrix.categories.forEach((a, i) => {
    for (let j = i + 1; j < matrix.categories.length; j++) {
      const count = matrix.counts[i]![j]!;
      if (count > 0) pairs.push({ a, b: matrix.categories[j]!, count });
    }
  });
  return pairs.sort((x, y) => y.count - x.count || x.a.localeCompare(y.a) || x.b.localeCompare(y.b)).slice(0, limit);
}
