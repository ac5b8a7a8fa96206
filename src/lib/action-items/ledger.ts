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
  isOpenStatus,
  type ActionStatus,
  type ActionType,
  type Priority,
  type Severity,
} from "../schema/vocabulary.ts";
import { incidentDate, newestFirst } from "../postmortem/dates.ts";
import { isPublished } from "../postmortem/visibility.ts";
import { sortItems, type LedgerSort } from "./order.ts";
import { countDoneWithin90Days, daysBetween, timeliness } from "./overdue.ts";
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
  /** Days from the incident's date to today while the item needs work; null once closed (glossary: age). */
  ageDays: number | null;
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

export { incidentDate } from "../postmortem/dates.ts";

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
    doneLast90Days: countDoneWithin90Days(
      done.flatMap((i) => (i.completed === undefined ? [] : [i.completed])),
      today,
    ),
    completionRate: considered === 0 ? null : done.length / considered,
    medianDaysToClose: median(done.map((i) => i.daysToClose).filter((d): d is number => d !== undefined)),
    recurredWhileOpen: items.filter((i) => i.recurredWhileOpen).length,
  };
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
  const published = newestFirst(postmortems.filter((p) => isPublished(p.data.status)));
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
      const facts = timeliness({ status: item.status, due: item.due, incidentDate: date }, today);
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
        ageDays: facts.ageDays,
        overdue: facts.overdue,
        daysOverdue: facts.daysOverdue,
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

export type { LedgerSort } from "./order.ts";

/** Sorted copy in one of the orders of `order.ts` (the same the ledger's browser script uses). */
export function sortLedger(items: readonly LedgerItem[], sort: LedgerSort): LedgerItem[] {
  return sortItems(items, sort);
}

/**
 * The sections of the ledger: one per status, so an item is in exactly one section. Lateness is not a
 * section: an overdue item stays in its status's section and carries an overdue marker (a blocked item that
 * is late shows both facts).
 */
export const LEDGER_GROUPS = ACTION_STATUSES;
export type LedgerGroupId = (typeof LEDGER_GROUPS)[number];

export const LEDGER_GROUP_LABELS: Record<LedgerGroupId, string> = {
  ...ACTION_STATUS_LABELS,
};

export interface LedgerGroup {
  id: LedgerGroupId;
  label: string;
  items: LedgerItem[];
}

/** The section a row belongs to: its status. */
export function groupOf(item: LedgerItem): LedgerGroupId {
  return item.status;
}

/** Rows grouped by status, each group in ledger order. Empty groups are kept so pages can say "none". */
export function groupByStatus(items: readonly LedgerItem[]): LedgerGroup[] {
  const groups = new Map<LedgerGroupId, LedgerItem[]>(LEDGER_GROUPS.map((id) => [id, []]));
  for (const item of items) groups.get(groupOf(item))!.push(item);
  return LEDGER_GROUPS.map((id) => ({ id, label: LEDGER_GROUP_LABELS[id], items: sortItems(groups.get(id)!) }));
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

/** An earlier incident's item that a postmortem cites in `priorActionItems`, as that postmortem's page shows it. */
export interface PriorItem {
  /** Global key `<postmortem-id>#<id>`. */
  key: string;
  itemId: string;
  /** What was to be done (Markdown, as written). */
  title: string;
  status: ActionStatus;
  completed?: string;
  /** Link to the item on its postmortem's page; absent when that page is not listed (a draft or withdrawn). */
  url?: string;
  /** Still open when this incident began (`wasOpenAt`): the same rule as the ledger's "recurred while open". */
  whileOpen: boolean;
}

/** What a postmortem's action-item section shows about citations, in both directions. */
export interface PostmortemCitations {
  /** The earlier items this postmortem cites, in the order its `priorActionItems` lists them. */
  cites: PriorItem[];
  /** For each of its own items (by id), the later incidents that cite it (the ledger's `citedBy`). */
  citedBy: Record<string, Citation[]>;
}

/**
 * The citations a postmortem's page shows. Earlier items are read from every postmortem (`all`, drafts
 * included, as the cross-file checks resolve them), because an in-review postmortem, which the ledger
 * leaves out, cites items too; for a published postmortem they agree with `citedItems`. Later incidents
 * citing its own items come from the ledger.
 */
export function postmortemCitations(
  self: LedgerSource,
  all: ReadonlyMap<string, LedgerSource>,
  ledger: Ledger,
  isListed: (postmortemId: string) => boolean,
): PostmortemCitations {
  const date = incidentDate(self.data);
  const cites = [...new Set(self.data.priorActionItems)].flatMap((key): PriorItem[] => {
    const ref = parseActionItemKey(key);
    const source = ref ? all.get(ref.postmortemId) : undefined;
    const cited = source?.data.actionItems.find((a) => a.id === ref?.itemId);
    if (!ref || !source || !cited || Date.parse(source.data.started) >= Date.parse(self.data.started)) return [];
    const prior: PriorItem = {
      key,
      itemId: cited.id,
      title: cited.title,
      status: cited.status,
      whileOpen: wasOpenAt(cited, date),
    };
    if (cited.completed !== undefined) prior.completed = cited.completed;
    if (isListed(source.id)) prior.url = urls.actionItem(source.id, cited.id);
    return [prior];
  });
  const rows = indexLedger(ledger.items);
  const citedBy = Object.fromEntries(
    self.data.actionItems.map((item) => [item.id, rows.get(actionItemKeyOf(self.id, item.id))?.citedBy ?? []]),
  );
  return { cites, citedBy };
}
