/**
 * What the search index knows about a postmortem besides its text: the filters readers narrow by,
 * the metadata a result shows and the key results sort by. Rendered as hidden `data-pagefind-*`
 * elements on each postmortem page and read back by the search page.
 */
import type { CatalogIndex } from "../catalog-index.ts";
import { localDate } from "../format/instant.ts";
import type { Postmortem } from "../schema/index.ts";
import {
  DOCUMENT_STATUS_LABELS,
  DOCUMENT_STATUSES,
  SEVERITY_LEVELS,
  isOpenStatus,
  type DocumentStatus,
} from "../schema/vocabulary.ts";

/** The filter groups of the search page, in the order it shows them. Keys double as URL parameters. */
export const SEARCH_FILTERS = [
  { key: "severity", label: "Severity", plural: "severities" },
  { key: "service", label: "Service", plural: "services" },
  { key: "team", label: "Team", plural: "teams" },
  { key: "cause", label: "Cause category", plural: "cause categories" },
  { key: "tag", label: "Tag", plural: "tags" },
  { key: "year", label: "Year", plural: "years" },
  { key: "status", label: "Document status", plural: "statuses" },
  { key: "actions", label: "Open action items", plural: "choices" },
] as const;
export type SearchFilterKey = (typeof SEARCH_FILTERS)[number]["key"];
export const SEARCH_FILTER_KEYS = SEARCH_FILTERS.map((f) => f.key);

/** Values of the "open action items" filter. */
export const HAS_OPEN_ACTIONS = "yes";
export const NO_OPEN_ACTIONS = "no";

export interface SearchMeta {
  title: string;
  /** The calendar day the incident started, in the postmortem's time zone (YYYY-MM-DD). */
  date: string;
  severity: string;
  summary: string;
}

export interface SearchFacets {
  filters: Record<SearchFilterKey, string[]>;
  /**
   * Words the page shows as links and labels (services, teams, causes, tags), indexed once at low weight
   * at the end of the page, so they match a search without crowding the excerpts out of the prose.
   */
  keywords: string;
  meta: SearchMeta;
  /** `date` is the start instant in UTC (ISO 8601), so that sorting the strings sorts by time. */
  sort: { date: string };
}

const unique = (values: string[]) => [...new Set(values)];

/** The filters, metadata and sort key of one postmortem. Services, teams and categories appear by display name. */
export function searchFacets(data: Postmortem, catalog: CatalogIndex): SearchFacets {
  const day = localDate(data.started, data.timezone);
  const hasOpen = data.actionItems.some((item) => isOpenStatus(item.status));
  const filters: SearchFacets["filters"] = {
    severity: [data.severity],
    service: unique(data.services.map((id) => catalog.serviceName(id))),
    team: unique(data.teams.map((id) => catalog.teamName(id))),
    cause: unique(data.causes.map((c) => catalog.categoryName(c.category))),
    tag: unique(data.tags),
    year: [day.slice(0, 4)],
    status: [data.status],
    actions: [hasOpen ? HAS_OPEN_ACTIONS : NO_OPEN_ACTIONS],
  };
  const keywords = [filters.service, filters.team, filters.cause, filters.tag]
    .filter((values) => values.length > 0)
    .map((values) => `${values.join(", ")}.`)
    .join(" ");
  return {
    filters,
    keywords,
    meta: { title: data.title, date: day, severity: data.severity, summary: data.summary },
    sort: { date: new Date(Date.parse(data.started)).toISOString() },
  };
}

/**
 * How the search page names a filter value: "SEV1 · Critical", "In review", "Has open action items"; others
 * as they are. `severityLabels` holds the site configuration's wording of severities, where it has one.
 */
export function filterValueLabel(key: SearchFilterKey, value: string, severityLabels: Record<string, string> = {}): string {
  if (key === "severity") {
    const level = SEVERITY_LEVELS.find((l) => l.id === value);
    return level ? `${level.id} · ${severityLabels[level.id] ?? level.label}` : value;
  }
  if (key === "status")
    return (DOCUMENT_STATUSES as readonly string[]).includes(value) ? DOCUMENT_STATUS_LABELS[value as DocumentStatus] : value;
  if (key === "actions")
    return value === HAS_OPEN_ACTIONS ? "Has open action items" : value === NO_OPEN_ACTIONS ? "None open" : value;
  return value;
}

/**
 * The order filter values are listed in: severities and statuses in their fixed order, years newest
 * first, "has open" before "none open", everything else by how many postmortems match, then by name.
 */
export function sortFilterValues(key: SearchFilterKey, counts: Record<string, number>): string[] {
  const values = Object.keys(counts);
  const fixed = (order: readonly string[]) =>
    values.sort(
      (a, b) => (order.indexOf(a) + 1 || order.length + 1) - (order.indexOf(b) + 1 || order.length + 1) || a.localeCompare(b),
    );
  if (key === "severity") return fixed(SEVERITY_LEVELS.map((l) => l.id));
  if (key === "status") return fixed(DOCUMENT_STATUSES);
  if (key === "actions") return fixed([HAS_OPEN_ACTIONS, NO_OPEN_ACTIONS]);
  if (key === "year") return values.sort((a, b) => b.localeCompare(a));
  return values.sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || a.localeCompare(b));
}
