/**
 * The action-item ledger: one row per follow-up of every published postmortem, with the figures managers
 * ask for (what is open, who owns it, what is late) and the links between incidents ("recurred while open").
 * Pure: "today" is a parameter, so the site, the CLI and the tests compute the same ledger for the same day.
 */
import { ACTION_ITEM_KEY } from "../schema/identifiers.ts";
import type { ActionItem, Postmortem } from "../schema/postmortem.ts";
import {
  ACTION_STATUSES,
  ACTION_STATUS_LABELS,
  PRIORITIES,
  isOpenStatus,
  type ActionStatus,
  type ActionType,
  type Priority,
  type Severity,
} from "../schema/vocabulary.ts";
import { localDate } from "../format/instant.ts";
import { daysBetween, daysOverdue, isOverdue } from "./overdue.ts";
import { urls } from "../site/urls.ts";

/** A postmortem as the ledger needs it. */
export interface LedgerSource {
  id: string;
  data: Postmortem;
}

/** A later incident that cites an item in its `priorActionItems`. */
export interface Citation {
  /** Id of the citing (later) postmortem. */
  postmortemId: string;
  title: string;
  url: string;
  /** The citing incident's date, YYYY-MM-DD in its own time zone. */
  date: string;
  /** True when the item was not completed before that incident's date: it was still open when it recurred. */
  whileOpen: boolean;
}

/** One row of the ledger. */
export interface LedgerItem {
  /** Global key `<postmortem-id>#<id>`. */
  key: string;
  /** Id within the postmortem (A1, A2, …). */
  id: string;
  postmortem: {
    id: string;
    title: string;
    severity: Severity;
    /** The incident's date, YYYY-MM-DD in the postmortem's time zone. */
    date: string;
    url: string;
    services: string[];
  };
  /** What will be done (Markdown, as written). */
  title: string;
  /** Owning team id. */
  owner: string;
  assignee?: string;
  type: ActionType;
  priority: Priority;
  status: ActionStatus;
  /** True unless done or wont-do. */
  isOpen: boolean;
  due: string;
  completed?: string;
  reason?: string;
  ticket?: string;
  /** Days from the incident's date to today. */
  ageDays: number;
  overdue: boolean;
  /** Days past due (0 when not overdue). */
  daysOverdue: number;
  /** Days from the incident's date to completion, for done items. */
  daysToClose?: number;
  /** Later incidents citing this item, oldest first. */
  citedBy: Citation[];
  /** True when at least one later incident cited the item while it was still open. */
  recurredWhileOpen: boolean;
}

/** Headline figures over a set of ledger rows. */
export interface LedgerSummary {
  total: number;
  /** Status open (not started). */
  open: number;
  inProgress: number;
  blocked: number;
  /** open + in progress + blocked: everything that still needs work. */
  outstanding: number;
  overdue: number;
  done: number;
  wontDo: number;
  /** Done items completed in the 90 days up to and including today. */
  doneLast90Days: number;
  /** done ÷ (every item except wont-do), or null when there is none. Won't-do is a decision, not a failure. */
  completionRate: number | null;
  /** Median days from incident to completion over done items, or null when none is done. */
  medianDaysToClose: number | null;
  /** Items a later incident cited while they were still open. */
  recurredWhileOpen: number;
}

export interface Ledger {
  /** The day the ledger was computed for, YYYY-MM-DD. */
  today: string;
  /** Every row: postmortems newest first, items in their written order. */
  items: LedgerItem[];
  summary: LedgerSummary;
}

/** The URL of a postmortem page (with the base path). */
export function postmortemUrl(id: string): string {
  return urls.postmortem(id);
}

/** The global key of an item. */
export function actionItemKeyOf(postmortemId: string, itemId: string): string {
  return `${postmortemId}#${itemId}`;
}

/** Splits a global key into its postmortem id and item id, or undefined when it is not a key. */
export function parseActionItemKey(key: string): { postmortemId: string; itemId: string } | undefined {
  const match = ACTION_ITEM_KEY.exec(key);
  return match ? { postmortemId: match[1]!, itemId: match[2]! } : undefined;
}

/** The incident's date in its own time zone. */
export function incidentDate(data: Pick<Postmortem, "started" | "timezone">): string {
  return localDate(data.started, data.timezone);
}

/**
 * Whether an item was still open when a later incident began: not completed before that incident's date.
 * An item completed on the incident's own day counts as open — the fix may have landed after the incident started.
 */
export function wasOpenAt(item: Pick<ActionItem, "status" | "completed">, date: string): boolean {
  return item.completed === undefined || item.completed >= date;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Headline figures over any set of rows (the whole ledger, a team, a filter). */
export function summarize(items: readonly LedgerItem[], today: string): LedgerSummary {
  const count = (status: ActionStatus) => items.filter((i) => i.status === status).length;
  const done = items.filter((i) => i.status === "done");
  const wontDo = count("wont-do");
  const considered = items.length - wontDo;
  return {
    total: items.length,
    open: count("open"),
    inProgress: count("in-progress"),
    blocked: count("blocked"),
    outstanding: items.filter((i) => i.isOpen).length,
    overdue: items.filter((i) => i.overdue).length,
    done: done.length,
    wontDo,
    doneLast90Days: done.filter((i) => i.completed !== undefined && i.completed <= today && daysBetween(i.completed, today) < 90)
      .length,
    completionRate: considered === 0 ? null : done.length / considered,
    medianDaysToClose: median(done.map((i) => i.daysToClose).filter((d): d is number => d !== undefined)),
    recurredWhileOpen: items.filter((i) => i.recurredWhileOpen).length,
  };
}

/** Only published postmortems enter the ledger (drafts and documents in review may still change). */
function isPublished(source: LedgerSource): boolean {
  return source.data.status === "published";
}

/** Every later incident's citations, by cited key. */
function citationsByKey(sources: readonly LedgerSource[]): Map<string, { source: LedgerSource; date: string }[]> {
  const byKey = new Map<string, { source: LedgerSource; date: string }[]>();
  for (const source of sources) {
    const date = incidentDate(source.data);
    for (const key of new Set(source.data.priorActionItems)) {
      const list = byKey.get(key) ?? [];
      list.push({ source, date });
      byKey.set(key, list);
    }
  }
  return byKey;
}

/** Builds the ledger of every published postmortem's action items as of `today` (YYYY-MM-DD). */
export function buildLedger(postmortems: readonly LedgerSource[], today: string): Ledger {
  const published = postmortems
    .filter(isPublished)
    .sort((a, b) => Date.parse(b.data.started) - Date.parse(a.data.started) || a.id.localeCompare(b.id));
  const citations = citationsByKey(published);
  const items: LedgerItem[] = [];
  for (const source of published) {
    const { data } = source;
    const date = incidentDate(data);
    const postmortem = {
      id: source.id,
      title: data.title,
      severity: data.severity,
      date,
      url: postmortemUrl(source.id),
      services: data.services,
    };
    for (const item of data.actionItems) {
      const key = actionItemKeyOf(source.id, item.id);
      const citedBy: Citation[] = (citations.get(key) ?? [])
        // The cross-file checks refuse citations of later or own items; the ledger ignores them too, so it never lies.
        .filter((c) => c.source.id !== source.id && Date.parse(c.source.data.started) > Date.parse(data.started))
        .sort((a, b) => Date.parse(a.source.data.started) - Date.parse(b.source.data.started))
        .map((c) => ({
          postmortemId: c.source.id,
          title: c.source.data.title,
          url: postmortemUrl(c.source.id),
          date: c.date,
          whileOpen: wasOpenAt(item, c.date),
        }));
      const row: LedgerItem = {
        key,
        id: item.id,
        postmortem,
        title: item.title,
        owner: item.owner,
        type: item.type,
        priority: item.priority,
        status: item.status,
        isOpen: isOpenStatus(item.status),
        due: item.due,
        ageDays: Math.max(0, daysBetween(date, today)),
        overdue: isOverdue(item, today),
        daysOverdue: daysOverdue(item, today),
        citedBy,
        recurredWhileOpen: citedBy.some((c) => c.whileOpen),
      };
      if (item.assignee !== undefined) row.assignee = item.assignee;
      if (item.completed !== undefined) row.completed = item.completed;
      if (item.reason !== undefined) row.reason = item.reason;
      if (item.ticket !== undefined) row.ticket = item.ticket;
      if (item.status === "done" && item.completed !== undefined)
        row.daysToClose = Math.max(0, daysBetween(date, item.completed));
      items.push(row);
    }
  }
  return { today, items, summary: summarize(items, today) };
}

// ——— Filters, sorts and groups ———

/** Which rows to keep; every list is "any of", an absent or empty list keeps everything. */
export interface LedgerFilter {
  status?: readonly ActionStatus[];
  owner?: readonly string[];
  priority?: readonly Priority[];
  type?: readonly ActionType[];
  severity?: readonly Severity[];
  /** Keeps items of postmortems that affected any of these services. */
  service?: readonly string[];
  overdueOnly?: boolean;
}

const anyOf = <T>(wanted: readonly T[] | undefined, value: T) =>
  wanted === undefined || wanted.length === 0 || wanted.includes(value);

/** The rows that pass every part of the filter. */
export function filterLedger(items: readonly LedgerItem[], filter: LedgerFilter): LedgerItem[] {
  return items.filter(
    (i) =>
      anyOf(filter.status, i.status) &&
      anyOf(filter.owner, i.owner) &&
      anyOf(filter.priority, i.priority) &&
      anyOf(filter.type, i.type) &&
      anyOf(filter.severity, i.postmortem.severity) &&
      (filter.service === undefined ||
        filter.service.length === 0 ||
        i.postmortem.services.some((s) => filter.service!.includes(s))) &&
      (!filter.overdueOnly || i.overdue),
  );
}

export const LEDGER_SORTS = ["due", "priority", "age"] as const;
export type LedgerSort = (typeof LEDGER_SORTS)[number];

const byKey = (a: LedgerItem, b: LedgerItem) => a.key.localeCompare(b.key);
const byDue = (a: LedgerItem, b: LedgerItem) => a.due.localeCompare(b.due);
const byPriority = (a: LedgerItem, b: LedgerItem) => PRIORITIES.indexOf(a.priority) - PRIORITIES.indexOf(b.priority);

/** Sorted copy: due = earliest due first; priority = P0 first, then earliest due; age = oldest incident first. */
export function sortLedger(items: readonly LedgerItem[], sort: LedgerSort): LedgerItem[] {
  const compare: Record<LedgerSort, (a: LedgerItem, b: LedgerItem) => number> = {
    due: (a, b) => byDue(a, b) || byPriority(a, b) || byKey(a, b),
    priority: (a, b) => byPriority(a, b) || byDue(a, b) || byKey(a, b),
    age: (a, b) => b.ageDays - a.ageDays || byDue(a, b) || byKey(a, b),
  };
  return [...items].sort(compare[sort]);
}

/** The groups a reader scans, most urgent first. "overdue" takes overdue items out of their status group. */
export const LEDGER_GROUPS = ["overdue", ...ACTION_STATUSES] as const;
export type LedgerGroupId = (typeof LEDGER_GROUPS)[number];

export const LEDGER_GROUP_LABELS: Record<LedgerGroupId, string> = {
  overdue: "Overdue",
  ...ACTION_STATUS_LABELS,
};

export interface LedgerGroup {
  id: LedgerGroupId;
  label: string;
  items: LedgerItem[];
}

/** The group a row belongs to. */
export function groupOf(item: LedgerItem): LedgerGroupId {
  return item.overdue ? "overdue" : item.status;
}

/**
 * Rows grouped overdue first, then by status, each group sorted (default: overdue by days late, the
 * others by due date; done most recently completed first). Empty groups are kept so pages can say "none".
 */
export function groupByStatus(items: readonly LedgerItem[]): LedgerGroup[] {
  const groups = new Map<LedgerGroupId, LedgerItem[]>(LEDGER_GROUPS.map((id) => [id, []]));
  for (const item of items) groups.get(groupOf(item))!.push(item);
  const order: Record<LedgerGroupId, (a: LedgerItem, b: LedgerItem) => number> = {
    overdue: (a, b) => b.daysOverdue - a.daysOverdue || byPriority(a, b) || byKey(a, b),
    open: (a, b) => byDue(a, b) || byPriority(a, b) || byKey(a, b),
    "in-progress": (a, b) => byDue(a, b) || byPriority(a, b) || byKey(a, b),
    blocked: (a, b) => byDue(a, b) || byPriority(a, b) || byKey(a, b),
    done: (a, b) => (b.completed ?? "").localeCompare(a.completed ?? "") || byKey(a, b),
    "wont-do": (a, b) => b.due.localeCompare(a.due) || byKey(a, b),
  };
  return LEDGER_GROUPS.map((id) => ({ id, label: LEDGER_GROUP_LABELS[id], items: groups.get(id)!.sort(order[id]) }));
}

const ledgerIndexes = new WeakMap<readonly LedgerItem[], Map<string, LedgerItem>>();

/** Rows by global key (built once per list of rows: every postmortem page asks for it). */
export function indexLedger(items: readonly LedgerItem[]): Map<string, LedgerItem> {
  let index = ledgerIndexes.get(items);
  if (!index) {
    index = new Map(items.map((i) => [i.key, i]));
    ledgerIndexes.set(items, index);
  }
  return index;
}

/** The rows a postmortem cites in `priorActionItems`, with whether each was open at its start. */
export function citedItems(ledger: Ledger, postmortemId: string): { item: LedgerItem; whileOpen: boolean }[] {
  const found: { item: LedgerItem; whileOpen: boolean }[] = [];
  for (const item of ledger.items) {
    const citation = item.citedBy.find((c) => c.postmortemId === postmortemId);
    if (citation) found.push({ item, whileOpen: citation.whileOpen });
  }
  return found;
}
