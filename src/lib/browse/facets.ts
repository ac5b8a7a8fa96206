/**
 * Browsing by facet: which postmortems involve a service, carry a tag, cite a cause category or have a
 * severity, and how many there are of each. Inputs are newest first and outputs keep that order.
 */
import { incidentDate, newestFirst } from "../postmortem/dates.ts";
import { SEVERITIES, zeroPerSeverity, type Severity } from "../schema/vocabulary.ts";

/** What browsing needs of a postmortem. */
export interface BrowseSource {
  id: string;
  data: {
    severity: Severity;
    started: string;
    timezone: string;
    services: readonly string[];
    teams: readonly string[];
    tags: readonly string[];
    causes: readonly { category: string }[];
  };
}

export const FACETS = ["services", "teams", "tags", "causes", "severity"] as const;
export type Facet = (typeof FACETS)[number];

/** The values a postmortem has for a facet, without repeats. */
export function facetValues(p: BrowseSource, facet: Facet): string[] {
  switch (facet) {
    case "services":
      return [...new Set(p.data.services)];
    case "teams":
      return [...new Set(p.data.teams)];
    case "tags":
      return [...new Set(p.data.tags)];
    case "causes":
      return [...new Set(p.data.causes.map((c) => c.category))];
    case "severity":
      return [p.data.severity];
  }
}

/** The postmortems having `value` for `facet`, in the order given. */
export function withFacet<T extends BrowseSource>(postmortems: readonly T[], facet: Facet, value: string): T[] {
  return postmortems.filter((p) => facetValues(p, facet).includes(value));
}

/** Postmortems by facet value, each list in the order given. */
export function groupByFacet<T extends BrowseSource>(postmortems: readonly T[], facet: Facet): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const p of postmortems) {
    for (const value of facetValues(p, facet)) {
      const list = groups.get(value);
      if (list) list.push(p);
      else groups.set(value, [p]);
    }
  }
  return groups;
}

export interface FacetCount {
  id: string;
  name: string;
  count: number;
  /** The newest incident's date (YYYY-MM-DD, `incidentDate`), for "latest incident" columns; undefined when count is 0. */
  latest?: string;
}

/**
 * Every catalog entry with its postmortem count, zeros included, most postmortems first, then by name.
 * Values used by postmortems but missing from the catalog are appended under their id, so nothing is
 * dropped silently.
 */
export function catalogCounts(
  entries: readonly { id: string; name: string }[],
  postmortems: readonly BrowseSource[],
  facet: Facet,
): FacetCount[] {
  const groups = groupByFacet(postmortems, facet);
  const known = new Set(entries.map((e) => e.id));
  const all = [
    ...entries.map((e) => ({ id: e.id, name: e.name })),
    ...[...groups.keys()].filter((id) => !known.has(id)).map((id) => ({ id, name: id })),
  ];
  return all
    .map((e) => {
      const list = groups.get(e.id) ?? [];
      const row: FacetCount = { id: e.id, name: e.name, count: list.length };
      const newest = newestFirst(list)[0];
      if (newest) row.latest = incidentDate(newest.data);
      return row;
    })
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, "en"));
}

/** Every tag in use with its count, alphabetical (tags have no catalog: they exist while a postmortem uses them). */
export function tagCounts(postmortems: readonly BrowseSource[]): FacetCount[] {
  return catalogCounts([], postmortems, "tags").sort((a, b) => a.id.localeCompare(b.id, "en"));
}

/** Count per severity, every severity present, most severe first. */
export function severityCounts(postmortems: readonly BrowseSource[]): Record<Severity, number> {
  const counts = zeroPerSeverity();
  for (const p of postmortems) counts[p.data.severity] += 1;
  return counts;
}

/** True when `value` is one of the severities, case-insensitively ("sev1" in URLs). */
export function parseSeverity(value: string): Severity | undefined {
  return SEVERITIES.find((s) => s.toLowerCase() === value.toLowerCase());
}

export interface YearGroup<T> {
  year: number;
  postmortems: T[];
  severities: Record<Severity, number>;
}

/** Postmortems grouped by the year they started in their own time zone, newest year first, order kept within. */
export function groupByYear<T extends BrowseSource>(postmortems: readonly T[]): YearGroup<T>[] {
  const groups = new Map<number, T[]>();
  for (const p of postmortems) {
    const year = Number(incidentDate(p.data).slice(0, 4));
    const list = groups.get(year);
    if (list) list.push(p);
    else groups.set(year, [p]);
  }
  return [...groups.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([year, list]) => ({ year, postmortems: list, severities: severityCounts(list) }));
}
