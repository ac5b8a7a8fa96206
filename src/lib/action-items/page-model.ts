/** What the ledger pages show, decided here so pages only render. */
import { LEDGER_GROUP_LABELS, groupByStatus, type LedgerGroup, type LedgerGroupId, type LedgerItem } from "./ledger.ts";
import { LEDGER_SORT_LABELS, type LedgerSort } from "./order.ts";
import { isOpenStatus, type ActionStatus } from "../schema/vocabulary.ts";

/** Groups listed in full on /action-items/ (up to the preview size); closed ones get their own pages. */
export const OUTSTANDING_GROUPS = ["open", "in-progress", "blocked"] as const satisfies readonly LedgerGroupId[];
export const CLOSED_GROUPS = ["done", "wont-do"] as const satisfies readonly LedgerGroupId[];

/** Rows per group on /action-items/ before it links to the group's own pages. */
export const LEDGER_PREVIEW_SIZE = 100;
/** Rows per page of /action-items/<group>/. */
export const LEDGER_PAGE_SIZE = 200;

export interface GroupPreview extends LedgerGroup {
  shown: LedgerItem[];
  truncated: boolean;
}

/** The outstanding groups of /action-items/, each cut to the preview size, and the closed groups' counts. */
export function ledgerOverview(items: readonly LedgerItem[], previewSize = LEDGER_PREVIEW_SIZE) {
  const groups = groupByStatus(items);
  const outstanding: GroupPreview[] = groups
    .filter((g) => (OUTSTANDING_GROUPS as readonly string[]).includes(g.id))
    .map((g) => ({ ...g, shown: g.items.slice(0, previewSize), truncated: g.items.length > previewSize }));
  const closed = groups.filter((g) => (CLOSED_GROUPS as readonly string[]).includes(g.id));
  return { outstanding, closed, complete: outstanding.every((g) => !g.truncated) };
}

/** A group's label in a sentence: "Won't do" → "won't do". */
export function groupPhrase(id: LedgerGroupId): string {
  return LEDGER_GROUP_LABELS[id].toLowerCase();
}

/** The values the filter menus offer: only teams and services that occur in the rows, by display name. */
export function filterOptions(
  items: readonly LedgerItem[],
  names: { teamName: (id: string) => string; serviceName: (id: string) => string },
) {
  const teams = [...new Set(items.map((i) => i.owner))].map((id) => ({ value: id, label: names.teamName(id) }));
  const services = [...new Set(items.flatMap((i) => i.postmortem.services))].map((id) => ({
    value: id,
    label: names.serviceName(id),
  }));
  const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label);
  return { teams: teams.sort(byLabel), services: services.sort(byLabel) };
}

/** True when a page of these groups lists items that still need work (so overdue and age apply). */
export function hasOutstanding(groupIds: readonly LedgerGroupId[]): boolean {
  return groupIds.some((id) => isOpenStatus(id));
}

/**
 * The sort menu of a page showing these groups. Overdue and age apply only to items that still need work, so
 * the Done and Won't-do pages offer neither; their default order is named for what it is.
 */
export function sortOptions(groupIds: readonly LedgerGroupId[]): { value: LedgerSort; label: string }[] {
  const outstanding = hasOutstanding(groupIds);
  const ledgerLabel = outstanding
    ? LEDGER_SORT_LABELS.ledger
    : groupIds.every((id) => id === "done")
      ? "Most recently completed first"
      : "Latest due first";
  const sorts: LedgerSort[] = outstanding ? ["ledger", "due", "priority", "age"] : ["ledger", "due", "priority"];
  return sorts.map((value) => ({ value, label: value === "ledger" ? ledgerLabel : LEDGER_SORT_LABELS[value] }));
}

/** Items a later incident cited while they were still open (glossary: recurred while open). */
export function recurredWhileOpen(items: readonly LedgerItem[]): LedgerItem[] {
  return items.filter((i) => i.recurredWhileOpen);
}

/** Due dates of the items that still need work, for the browser's overdue recount. */
export function outstandingDueDates(items: readonly { status: ActionStatus; due: string }[]): string {
  return items
    .filter((i) => isOpenStatus(i.status))
    .map((i) => i.due)
    .join(" ");
}

/** Completion dates of done items, for the browser's "done in the last 90 days" recount. */
export function completionDates(items: readonly LedgerItem[]): string {
  return items.flatMap((i) => (i.status === "done" && i.completed !== undefined ? [i.completed] : [])).join(" ");
}
