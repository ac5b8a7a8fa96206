/**
 * The one ledger order, used by the build and by the ledger's browser script (which re-sorts rows after the
 * reader's date changed who is late). Works on the few facts a table row carries, so both sides compare the same.
 */
import { PRIORITIES, isOpenStatus, type ActionStatus, type Priority } from "../schema/vocabulary.ts";

/** What ordering needs of a row. */
export interface OrderFacts {
  key: string;
  status: ActionStatus;
  priority: Priority;
  due: string;
  completed?: string | undefined;
  daysOverdue: number;
  ageDays: number | null;
}

/** The orders a reader can pick; "ledger" is the default. */
export const LEDGER_SORTS = ["ledger", "due", "priority", "age"] as const;
export type LedgerSort = (typeof LEDGER_SORTS)[number];

/** What each order is called in the sort menu; "age" is offered only where items still need work. */
export const LEDGER_SORT_LABELS: Record<LedgerSort, string> = {
  ledger: "Most overdue first",
  due: "Due date",
  priority: "Priority",
  age: "Age (oldest first)",
};

type Compare = (a: OrderFacts, b: OrderFacts) => number;

const byKey: Compare = (a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
const byDue: Compare = (a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0);
const byPriority: Compare = (a, b) => PRIORITIES.indexOf(a.priority) - PRIORITIES.indexOf(b.priority);
const STATUS_RANK = (s: ActionStatus) => (isOpenStatus(s) ? 0 : s === "done" ? 1 : 2);

/**
 * Ledger order: items that still need work first — most overdue first, then earliest due, then highest
 * priority; then done items, most recently completed first; then won't-do items, latest due first. Key last.
 */
const ledgerOrder: Compare = (a, b) => {
  const rank = STATUS_RANK(a.status) - STATUS_RANK(b.status);
  if (rank !== 0) return rank;
  if (isOpenStatus(a.status)) return b.daysOverdue - a.daysOverdue || byDue(a, b) || byPriority(a, b) || byKey(a, b);
  if (a.status === "done") return (b.completed ?? "").localeCompare(a.completed ?? "") || byKey(a, b);
  return -byDue(a, b) || byKey(a, b);
};

const COMPARATORS: Record<LedgerSort, Compare> = {
  ledger: ledgerOrder,
  due: (a, b) => byDue(a, b) || byPriority(a, b) || byKey(a, b),
  priority: (a, b) => byPriority(a, b) || byDue(a, b) || byKey(a, b),
  // Closed items have no age: they go after every item that has one, in ledger order.
  age: (a, b) => (b.ageDays ?? -1) - (a.ageDays ?? -1) || ledgerOrder(a, b),
};

/** The comparator of an order; unknown names (from a URL) fall back to ledger order. */
export function compareBy(sort: string | null | undefined): Compare {
  return (LEDGER_SORTS as readonly string[]).includes(sort ?? "") ? COMPARATORS[sort as LedgerSort] : ledgerOrder;
}

/** A sorted copy. */
export function sortItems<T extends OrderFacts>(items: readonly T[], sort: LedgerSort = "ledger"): T[] {
  return [...items].sort(compareBy(sort));
}
