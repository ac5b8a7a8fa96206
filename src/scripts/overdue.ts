/**
 * Refreshes every overdue marker on the page against the reader's date, so a page built weeks ago still
 * shows what is late now. Markers are server-rendered (`OverdueMarker.astro`); this only corrects them.
 * Reads `data-overdue-for` (due date) and `data-status` on each marker, and keeps `data-overdue` on the
 * enclosing row in step for the ledger's filters.
 */
import { daysOverdue } from "../lib/action-items/overdue.ts";
import type { ActionStatus } from "../lib/schema/vocabulary.ts";

/** The reader's calendar date, YYYY-MM-DD, in their own time zone. */
export function readerToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The text of a marker; the same words the build writes. */
export function overdueText(days: number): string {
  return `Overdue by ${days} day${days === 1 ? "" : "s"}`;
}

/** Recomputes every marker; returns the reader's date used. */
export function refreshOverdue(root: ParentNode = document): string {
  const today = readerToday();
  for (const marker of root.querySelectorAll<HTMLElement>("[data-overdue-for]")) {
    const days = daysOverdue(
      { due: marker.dataset["overdueFor"] ?? "", status: (marker.dataset["status"] ?? "done") as ActionStatus },
      today,
    );
    marker.hidden = days === 0;
    if (days > 0) marker.textContent = overdueText(days);
    const row = marker.closest<HTMLElement>("[data-overdue]");
    if (row) row.dataset["overdue"] = days > 0 ? String(days) : "";
  }
  for (const note of root.querySelectorAll<HTMLElement>("[data-reader-today]")) {
    note.hidden = false;
    const date = note.querySelector("time");
    if (date) {
      date.dateTime = today;
      date.textContent = today;
    }
  }
  return today;
}

refreshOverdue();
