/**
 * `/postmortems.json`: every visible postmortem's structured data with computed durations, for scripts,
 * dashboards and other tools. The shape is versioned and documented in docs/feeds.md; any change that
 * removes or renames a field raises FORMAT_VERSION.
 */
import { formatDuration, isoDuration } from "../format/duration.ts";
import { localDate } from "../format/instant.ts";
import { computeDurations, type Durations } from "../postmortem/durations.ts";
import { relatedIds } from "../postmortem/related.ts";
import type { CatalogIndex } from "../catalog-index.ts";
import type { Postmortem } from "../schema/index.ts";
import { urls } from "../site/urls.ts";

export const FORMAT = "hindsight.postmortems";
export const FORMAT_VERSION = 1;

export interface JsonSource {
  id: string;
  data: Postmortem;
}

export interface JsonDuration {
  milliseconds: number;
  /** ISO 8601 duration, to the minute: "PT3H15M". */
  iso: string;
  /** As the site shows it: "3 h 15 min". */
  text: string;
}

const named = (id: string, name: string) => ({ id, name });

function duration(ms: number | null): JsonDuration | null {
  return ms === null ? null : { milliseconds: ms, iso: isoDuration(ms), text: formatDuration(ms) };
}

function durations(d: Durations): Record<keyof Durations, JsonDuration | null> {
  return {
    timeToDetect: duration(d.timeToDetect),
    timeToMitigate: duration(d.timeToMitigate),
    timeToResolve: duration(d.timeToResolve),
    impactWindow: duration(d.impactWindow),
  };
}

/** One postmortem as the JSON export writes it. Markdown fields stay Markdown. */
const idSets = new WeakMap<readonly JsonSource[], Set<string>>();

/** The ids in a list, computed once per list. */
function idsOf(all: readonly JsonSource[]): Set<string> {
  let ids = idSets.get(all);
  if (!ids) {
    ids = new Set(all.map((q) => q.id));
    idSets.set(all, ids);
  }
  return ids;
}

export function postmortemJson(p: JsonSource, all: readonly JsonSource[], catalog: CatalogIndex, site: URL) {
  const d = p.data;
  return {
    id: p.id,
    url: new URL(urls.postmortem(p.id), site).href,
    title: d.title,
    summary: d.summary,
    severity: d.severity,
    status: d.status,
    date: localDate(d.started, d.timezone),
    authors: d.authors,
    reviewers: d.reviewers,
    tags: d.tags,
    services: d.services.map((id) => named(id, catalog.serviceName(id))),
    teams: d.teams.map((id) => named(id, catalog.teamName(id))),
    timezone: d.timezone,
    started: d.started,
    detected: d.detected,
    mitigated: d.mitigated ?? null,
    resolved: d.resolved ?? null,
    durations: durations(computeDurations(d)),
    impact: {
      description: d.impact.description,
      customerFacing: d.impact.customerFacing,
      usersAffected: d.impact.usersAffected ?? null,
      customersAffected: d.impact.customersAffected ?? null,
      dataLoss: d.impact.dataLoss,
      dataLossNote: d.impact.dataLossNote ?? null,
    },
    detection: d.detection,
    timeline: d.timeline,
    causes: d.causes.map((c) => ({ kind: c.kind, category: named(c.category, catalog.categoryName(c.category)), text: c.text })),
    lessons: d.lessons,
    actionItems: d.actionItems.map((a) => ({
      key: `${p.id}#${a.id}`,
      id: a.id,
      title: a.title,
      type: a.type,
      priority: a.priority,
      owner: named(a.owner, catalog.teamName(a.owner)),
      assignee: a.assignee ?? null,
      status: a.status,
      due: a.due,
      completed: a.completed ?? null,
      reason: a.reason ?? null,
      ticket: a.ticket ?? null,
      verification: a.verification ?? null,
    })),
    related: relatedIds(p.id, all).filter((id) => idsOf(all).has(id)),
    priorActionItems: d.priorActionItems,
  };
}

export type PostmortemJson = ReturnType<typeof postmortemJson>;

/** The whole document: format, version, site and the postmortems newest first (the order given). */
export function postmortemsJson(postmortems: readonly JsonSource[], catalog: CatalogIndex, site: URL) {
  return {
    format: FORMAT,
    version: FORMAT_VERSION,
    site: site.href,
    count: postmortems.length,
    postmortems: postmortems.map((p) => postmortemJson(p, postmortems, catalog, site)),
  };
}
