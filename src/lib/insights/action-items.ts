/**
 * Follow-through figures from the action-item ledger: completion rate and overdue count per team, and
 * how long open items have been waiting. Rows come from `buildLedger`, so "open", "overdue" and
 * "completion rate" mean exactly what the ledger pages say.
 */
import { summarize, type LedgerItem } from "../action-items/ledger.ts";

export interface TeamFollowThrough {
  team: string;
  total: number;
  done: number;
  wontDo: number;
  /** Items still needing work (open, in progress or blocked). */
  outstanding: number;
  overdue: number;
  /** done ÷ (total − won't do); null when the team has no item that counts. */
  completionRate: number | null;
  /** Median days from incident to completion of the team's done items; null when none is done. */
  medianDaysToClose: number | null;
  /** Due dates of the team's outstanding items, so the browser can recount overdue for the reader's date. */
  dueDates: string[];
}

/**
 * One row per team in `teamIds` order (teams without items included with zeros), then any owner
 * missing from the list, so no item is dropped.
 */
export function followThroughByTeam(
  items: readonly LedgerItem[],
  teamIds: readonly string[],
  today: string,
): TeamFollowThrough[] {
  const owners = [...teamIds, ...[...new Set(items.map((i) => i.owner))].filter((o) => !teamIds.includes(o)).sort()];
  return owners.map((team) => {
    const s = summarize(
      items.filter((i) => i.owner === team),
      today,
    );
    return {
      team,
      total: s.total,
      done: s.done,
      wontDo: s.wontDo,
      outstanding: s.outstanding,
      overdue: s.overdue,
      completionRate: s.completionRate,
      medianDaysToClose: s.medianDaysToClose,
      dueDates: items.filter((i) => i.owner === team && i.isOpen).map((i) => i.due),
    };
  });
}

/** Age buckets for open items, in days since the incident. Bucket i holds ages from ≤ age < the next bucket's from. */
export const AGE_BUCKETS = [
  { from: 0, label: "Under 30 days" },
  { from: 30, label: "30–89 days" },
  { from: 90, label: "90–179 days" },
  { from: 180, label: "180–364 days" },
  { from: 365, label: "1–2 years" },
  { from: 730, label: "2 years or more" },
] as const;

export interface AgeBucketCount {
  label: string;
  /** Open items whose incident is this old. */
  count: number;
  /** Of those, how many are past their due date. */
  overdue: number;
}

/** The teams that own at least one item, for follow-through tables that list only teams with something to show. */
export function teamsWithItems(rows: readonly TeamFollowThrough[]): TeamFollowThrough[] {
  return rows.filter((r) => r.total > 0);
}

/** Open (outstanding) items by age since their incident, every bucket present, youngest first. */
export function openItemsByAge(items: readonly LedgerItem[]): AgeBucketCount[] {
  const rows = AGE_BUCKETS.map((b) => ({ label: b.label, count: 0, overdue: 0 }));
  for (const item of items) {
    if (!item.isOpen) continue;
    let index = 0;
    AGE_BUCKETS.forEach((b, i) => {
      if ((item.ageDays ?? 0) >= b.from) index = i;
    });
    rows[index]!.count += 1;
    if (item.overdue) rows[index]!.overdue += 1;
  }
  return rows;
}
