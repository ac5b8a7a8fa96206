/** What the ledger pages show, decided here so pages only render. */
import { LEDGER_GROUP_LABELS, groupByStatus, type LedgerGroup, type LedgerGroupId, type LedgerItem } from "./ledger.ts";

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
