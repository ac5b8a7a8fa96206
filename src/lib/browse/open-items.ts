/** The open action items a browse page lists: follow-ups of the postmortems on that page that still need work. */
import type { LedgerItem } from "../action-items/ledger.ts";

/**
 * Outstanding items of the given postmortems (or of those affecting `service`), most overdue first,
 * then earliest due, then by key.
 */
export function openItemsFor(
  items: readonly LedgerItem[],
  scope: { postmortemIds: ReadonlySet<string> } | { service: string },
): LedgerItem[] {
  const inScope = (i: LedgerItem) =>
    "service" in scope ? i.postmortem.services.includes(scope.service) : scope.postmortemIds.has(i.postmortem.id);
  return items
    .filter((i) => i.isOpen && inScope(i))
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.due.localeCompare(b.due) || a.key.localeCompare(b.key));
}
