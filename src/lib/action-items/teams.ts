/** A team's share of the ledger and of the postmortems, for /teams/ and /teams/<id>/. */
import type { PostmortemSource } from "../integrity/cross-file.ts";
import { groupByStatus, summarize, type LedgerItem, type LedgerSummary } from "./ledger.ts";
import { sortItems } from "./order.ts";
import { isOpenStatus } from "../schema/vocabulary.ts";

export interface TeamLedger {
  /** Outstanding items (open, in progress, blocked) in ledger order: most overdue first, then by due date. */
  outstanding: LedgerItem[];
  /** Done items, most recently completed first. */
  done: LedgerItem[];
  wontDo: LedgerItem[];
  summary: LedgerSummary;
}

/** The rows a team owns, arranged for its page. */
export function teamLedger(items: readonly LedgerItem[], teamId: string, today: string): TeamLedger {
  const own = items.filter((i) => i.owner === teamId);
  const groups = new Map(groupByStatus(own).map((g) => [g.id, g.items]));
  return {
    outstanding: sortItems(own.filter((i) => isOpenStatus(i.status))),
    done: groups.get("done") ?? [],
    wontDo: groups.get("wont-do") ?? [],
    summary: summarize(own, today),
  };
}

/** Postmortems a team took part in: listed in `teams` or owning one of the action items. Keeps the input order. */
export function postmortemsOfTeam<T extends PostmortemSource>(postmortems: readonly T[], teamId: string): T[] {
  return postmortems.filter((p) => p.data.teams.includes(teamId) || p.data.actionItems.some((a) => a.owner === teamId));
}
