/** The open action items a browse page lists: follow-ups of the postmortems on that page that still need work. */
import type { LedgerItem } from "../action-items/ledger.ts";
import { sortItems } from "../action-items/order.ts";

/** Outstanding items of the given postmortems (or of those affecting `service`), in ledger order (most overdue first). */
export function openItemsFor(
  items: readonly LedgerItem[],
  scope: { postmortemIds: ReadonlySet<string> } | { service: string },
): LedgerItem[] {
  const inScope = (i: LedgerItem) =>
    "service" in scope ? i.postmortem.services.includes(scope.service) : scope.postmortemIds.has(i.postmortem.id);
  return sortItems(items.filter((i) => i.isOpen && inScope(i)));
}
