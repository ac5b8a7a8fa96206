/**
 * Instant filters and sorting for ledger tables (`LedgerFilters.astro`). Reads the form's state from the URL,
 * shows only matching rows, sorts each group, moves rows that became overdue since the build into the
 * overdue group, and writes the state back to the URL (replaceState, so Back leaves the page as usual).
 */
import { refreshOverdue } from "../../scripts/overdue.ts";

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

const overdueDays = (row: Row) => Number(row.dataset["overdue"] || 0);
const text = (row: Row, key: string) => row.dataset[key] ?? "";
const COMPARE: Record<string, (a: Row, b: Row) => number> = {
  due: (a, b) => text(a, "due").localeCompare(text(b, "due")) || text(a, "priority").localeCompare(text(b, "priority")),
  priority: (a, b) => text(a, "priority").localeCompare(text(b, "priority")) || text(a, "due").localeCompare(text(b, "due")),
  age: (a, b) => Number(text(b, "age")) - Number(text(a, "age")) || text(a, "due").localeCompare(text(b, "due")),
  "": (a, b) =>
    overdueDays(b) - overdueDays(a) ||
    text(a, "due").localeCompare(text(b, "due")) ||
    text(a, "priority").localeCompare(text(b, "priority")),
};

/** Moves open rows into the overdue group (or back) when the reader's date changed their state. */
function regroup(groups: Map<string, HTMLElement>): void {
  const overdue = groups.get("overdue");
  if (!overdue) return;
  for (const [id, group] of groups) {
    for (const row of [...group.querySelectorAll<Row>("tr[data-row]")]) {
      const target = overdueDays(row) > 0 ? "overdue" : (row.dataset["status"] ?? id);
      if (target !== id) groups.get(target)?.querySelector("tbody")?.append(row);
    }
  }
}

function apply(form: HTMLFormElement, groups: Map<string, HTMLElement>): void {
  const state = new URLSearchParams();
  for (const [name, value] of new FormData(form)) if (typeof value === "string" && value !== "") state.set(name, value);
  let shown = 0;
  let total = 0;
  let overdue = 0;
  for (const group of groups.values()) {
    const body = group.querySelector("tbody");
    if (!body) continue;
    const rows = [...body.querySelectorAll<Row>("tr[data-row]")].sort(COMPARE[state.get("sort") ?? ""] ?? COMPARE[""]!);
    let visible = 0;
    for (const row of rows) {
      const keep = matches(row, state);
      row.hidden = !keep;
      visible += keep ? 1 : 0;
      overdue += overdueDays(row) > 0 ? 1 : 0;
    }
    body.append(...rows);
    total += rows.length;
    shown += visible;
    const count = group.querySelector("[data-group-count]");
    if (count) count.textContent = String(visible);
    group.querySelector("[data-group-empty]")?.toggleAttribute("hidden", visible > 0);
    group.querySelector("table")?.toggleAttribute("hidden", visible === 0);
  }
  const count = form.querySelector("[data-ledger-count]");
  if (count) count.textContent = `Showing ${shown} of ${total} ${total === 1 ? "item" : "items"}.`;
  // The overdue figure is recounted only where the page holds every outstanding item.
  const figure = document.querySelector("[data-ledger-complete] [data-figure='overdue']");
  if (figure) figure.textContent = String(overdue);
  const query = state.toString();
  history.replaceState(history.state, "", `${location.pathname}${query ? `?${query}` : ""}${location.hash}`);
}

function init(form: HTMLFormElement): void {
  const groups = new Map<string, HTMLElement>();
  for (const group of document.querySelectorAll<HTMLElement>("[data-ledger-group]"))
    groups.set(group.dataset["ledgerGroup"] ?? "", group);
  const params = new URLSearchParams(location.search);
  for (const element of form.elements) {
    if (element instanceof HTMLSelectElement && params.has(element.name)) element.value = params.get(element.name) ?? "";
    if (element instanceof HTMLInputElement && element.type === "checkbox")
      element.checked = params.get(element.name) === element.value;
  }
  refreshOverdue();
  regroup(groups);
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
