/**
 * Instant filters and sorting for ledger tables (`LedgerFilters.astro`). Reads the form's state from the URL,
 * recomputes overdue and age for the reader's date (`refreshTimeliness`), shows only matching rows, sorts each
 * section in the ledger's own order (`src/lib/action-items/order.ts`, the build's comparator), updates the
 * section counts, and writes the state back to the URL (replaceState, so Back leaves the page as usual).
 * Sections are statuses, which the reader's date cannot change, so rows never move between sections.
 */
import { compareBy, type OrderFacts } from "../../lib/action-items/order.ts";
import { ACTION_STATUSES, PRIORITIES, type ActionStatus, type Priority } from "../../lib/schema/vocabulary.ts";
import { refreshTimeliness } from "../../browser/overdue.ts";

const FILTERS = ["status", "owner", "priority", "type", "severity", "service"] as const;

type Row = HTMLTableRowElement;

function matches(row: Row, state: URLSearchParams): boolean {
  for (const name of FILTERS) {
    const wanted = state.get(name);
    if (!wanted) continue;
    const value = name === "service" ? (row.dataset["services"] ?? "").split(" ") : [row.dataset[name] ?? ""];
    if (!value.includes(wanted)) return false;
  }
  return state.get("overdue") !== "1" || (row.dataset["overdue"] ?? "") !== "";
}

/** The facts the ledger order compares, read from a server-rendered row. */
export function rowFacts(row: HTMLElement): OrderFacts {
  const d = row.dataset;
  const status = (ACTION_STATUSES as readonly string[]).includes(d["status"] ?? "") ? (d["status"] as ActionStatus) : "open";
  const priority = (PRIORITIES as readonly string[]).includes(d["priority"] ?? "") ? (d["priority"] as Priority) : "P3";
  return {
    key: d["key"] ?? "",
    status,
    priority,
    due: d["due"] ?? "",
    completed: d["completed"] || undefined,
    daysOverdue: Number(d["overdue"] || 0),
    ageDays: d["age"] ? Number(d["age"]) : null,
  };
}

function apply(form: HTMLFormElement, groups: HTMLElement[]): void {
  const state = new URLSearchParams();
  for (const [name, value] of new FormData(form)) if (typeof value === "string" && value !== "") state.set(name, value);
  const compare = compareBy(state.get("sort"));
  const filtering = [...state.keys()].some((k) => k !== "sort");
  let shown = 0;
  let total = 0;
  for (const group of groups) {
    const body = group.querySelector("tbody");
    if (!body) continue;
    const rows = [...body.querySelectorAll<Row>("tr[data-row]")];
    const facts = new Map(rows.map((row) => [row, rowFacts(row)]));
    rows.sort((a, b) => compare(facts.get(a)!, facts.get(b)!));
    let visible = 0;
    for (const row of rows) {
      const keep = matches(row, state);
      row.hidden = !keep;
      visible += keep ? 1 : 0;
    }
    body.append(...rows);
    total += rows.length;
    shown += visible;
    const count = group.querySelector("[data-group-count]");
    if (count) count.textContent = String(visible);
    const empty = group.querySelector<HTMLElement>("[data-group-empty]");
    if (empty) {
      empty.hidden = visible > 0;
      const phrase = empty.dataset["groupEmpty"] ?? "";
      empty.textContent = rows.length > 0 && filtering ? `No ${phrase} items match the filters.` : `No ${phrase} items.`;
    }
    group.querySelector("table")?.toggleAttribute("hidden", visible === 0);
  }
  const count = form.querySelector("[data-ledger-count]");
  if (count) count.textContent = `Showing ${shown} of ${total} ${total === 1 ? "item" : "items"}.`;
  const query = state.toString();
  history.replaceState(history.state, "", `${location.pathname}${query ? `?${query}` : ""}${location.hash}`);
}

function init(form: HTMLFormElement): void {
  const groups = [...document.querySelectorAll<HTMLElement>("[data-ledger-group]")];
  const params = new URLSearchParams(location.search);
  for (const element of form.elements) {
    if (element instanceof HTMLSelectElement && params.has(element.name)) element.value = params.get(element.name) ?? "";
    if (element instanceof HTMLInputElement && element.type === "checkbox")
      element.checked = params.get(element.name) === element.value;
  }
  refreshTimeliness();
  form.hidden = false;
  form.addEventListener("change", () => apply(form, groups));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    apply(form, groups);
  });
  form.addEventListener("reset", () => setTimeout(() => apply(form, groups)));
  apply(form, groups);
}

const form = document.querySelector<HTMLFormElement>("form[data-ledger-filters]");
if (form) init(form);
