/** The open action items a browse page lists: follow-ups of the postmortems on that page that still need work. */
import { summarize, type Ledger, type LedgerItem, type LedgerSummary } from "../action-items/ledger.ts";
import { sortItems } from "../action-items/order.ts";

type Scope = { postmortemIds: ReadonlySet<string> } | { service: string };

/** Outstanding items of the given postmortems (or of those affecting `service`), in ledger order (most overdue first). */
export function openItemsFor(items: readonly LedgerItem[], scope: Scope): LedgerItem[] {
  const inScope = (i: LedgerItem) =>
    "service" in scope ? i.postmortem.services.includes(scope.service) : scope.postmortemIds.has(i.postmortem.id);
  return sortItems(items.filter((i) => i.isOpen && inScope(i)));
}

/** What a browse page's "Outstanding action items" section shows: the rows, their figures and the day they are for. */
export interface OpenItemsSection {
  items: LedgerItem[];
  /** The ledger's figures over these rows (outstanding, overdue, …), as of `today`. */
  summary: LedgerSummary;
  today: string;
}

/** The outstanding items in scope with the ledger's own figures over them. */
export function openItemsSection(ledger: Ledger, scope: Scope): OpenItemsSection {
  const items = openItemsFor(ledger.items, scope);
  return { items, summary: summarize(items, ledger.today), today: ledger.today };
}
