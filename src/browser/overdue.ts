/**
 * Recomputes every date-dependent figure on the page for the reader's date, so a page built weeks ago
 * still shows what is late now — with the same pure module the build used (`src/lib/action-items/overdue.ts`),
 * so the words and numbers are the build's own. Reads what the server rendered:
 * - `[data-overdue-for]` markers (due date, `data-status`): lateness text, title, hidden when not late; the
 *   enclosing row's `data-overdue` keeps the days late for the ledger's filters;
 * - `[data-age-since]` cells (incident date, `data-status`): the item's age; the row's `data-age` follows;
 * - `[data-count-overdue]` (due dates of items that need work) and `[data-count-done-recent]` (completion dates, for "done in the last 90 days"):
 *   counts; an ancestor `[data-alert]` is flagged while the overdue count is above zero, and an ancestor
 *   `[data-hidden-at-zero]` (a phrase such as ", 2 overdue") is hidden while it is zero;
 * - `[data-reader-today]` notes, shown with the reader's date.
 */
import { ageOf, countDoneWithin90Days, countOverdue, lateness } from "../lib/action-items/overdue.ts";
import { formatDays } from "../lib/format/count.ts";
import { formatCalendarDate } from "../lib/format/instant.ts";
import { readerToday } from "../lib/figures/today.ts";
import { ACTION_STATUSES, type ActionStatus } from "../lib/schema/vocabulary.ts";

const statusOf = (element: HTMLElement): ActionStatus => {
  const status = element.dataset["status"] ?? "";
  return (ACTION_STATUSES as readonly string[]).includes(status) ? (status as ActionStatus) : "done";
};
const dates = (value: string | undefined) => (value ?? "").split(" ").filter(Boolean);

/** Recomputes every figure under `root` for `today` (default: the reader's date); returns the date used. */
export function refreshTimeliness(root: ParentNode = document, today: string = readerToday()): string {
  for (const marker of root.querySelectorAll<HTMLElement>("[data-overdue-for]")) {
    const late = lateness({ due: marker.dataset["overdueFor"] ?? "", status: statusOf(marker) }, today);
    marker.hidden = late.days === 0;
    marker.textContent = late.text;
    if (late.title) marker.title = late.title;
    else marker.removeAttribute("title");
    const row = marker.closest<HTMLElement>("[data-overdue]");
    if (row) row.dataset["overdue"] = late.days > 0 ? String(late.days) : "";
  }
  for (const cell of root.querySelectorAll<HTMLElement>("[data-age-since]")) {
    const age = ageOf({ status: statusOf(cell), incidentDate: cell.dataset["ageSince"] ?? "" }, today);
    cell.textContent = age === null ? "" : formatDays(age);
    const row = cell.closest<HTMLElement>("[data-age]");
    if (row) row.dataset["age"] = age === null ? "" : String(age);
  }
  for (const count of root.querySelectorAll<HTMLElement>("[data-count-overdue]")) {
    const n = countOverdue(dates(count.dataset["countOverdue"]), today);
    count.textContent = String(n);
    count.closest("[data-alert]")?.classList.toggle("alert", n > 0);
    const phrase = count.closest<HTMLElement>("[data-hidden-at-zero]");
    if (phrase) phrase.hidden = n === 0;
  }
  for (const count of root.querySelectorAll<HTMLElement>("[data-count-done-recent]"))
    count.textContent = String(countDoneWithin90Days(dates(count.dataset["countDoneRecent"]), today));
  for (const note of root.querySelectorAll<HTMLElement>("[data-reader-today]")) {
    note.hidden = false;
    const date = note.querySelector("time");
    if (date) {
      date.dateTime = today;
      date.textContent = formatCalendarDate(today);
    }
  }
  return today;
}

refreshTimeliness();
