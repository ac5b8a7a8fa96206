/**
 * The search page in the browser: reads the search from the URL, runs it on pagefind's index, shows
 * results in batches, keeps filter counts current and writes every change back to the URL
 * (history.replaceState) so that the address bar always holds a shareable link to the search.
 *
 * Results come first: the filter index (one file per filter group, growing with the number of
 * postmortems) loads only when the reader opens the filters, or when the URL already applies one.
 */
import { formatCalendarDate } from "../lib/format/instant.ts";
import { parseExcerpt } from "../lib/search/excerpt.ts";
import { SEARCH_FILTERS, filterValueLabel, sortFilterValues, type SearchFilterKey } from "../lib/search/facets.ts";
import {
  SORT_ORDERS,
  hasCriteria,
  pagefindFilters,
  pagefindSort,
  pagefindTerm,
  parseSearchState,
  serializeSearchState,
  type SearchState,
  type SortOrder,
} from "../lib/search/query-state.ts";
import {
  loadPagefind,
  type FilterCounts,
  type Pagefind,
  type PagefindResult,
  type PagefindSearchOptions,
} from "./search-pagefind.ts";

/**
 * Results shown at first, and added by "Show more". Each result costs one fragment download (about 4 KB
 * for a postmortem of 1,500 words), so the first batch is small: about what a wide screen shows at once.
 */
const FIRST_BATCH = 5;
const BATCH = 10;
/** Values shown per filter group before "Show all". */
const FACET_LIMIT = 8;
/** Quiet time after the last keystroke before searching. */
const TYPING_DELAY_MS = 200;
/** Where the filters sit beside the results instead of folding above them (matches SearchApp.astro). */
const WIDE_SCREEN = "(min-width: 48.01rem)";

interface FacetValue {
  key: SearchFilterKey;
  value: string;
  item: HTMLLIElement;
  input: HTMLInputElement;
  count: HTMLSpanElement;
}

interface FacetGroup {
  key: SearchFilterKey;
  fieldset: HTMLFieldSetElement;
  values: FacetValue[];
  toggle: HTMLButtonElement | undefined;
  expanded: boolean;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { className?: string; text?: string } = {},
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className !== undefined) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  return node;
}

function required<T extends Element>(root: ParentNode, selector: string, type: new () => T): T {
  const node = root.querySelector(selector);
  if (!(node instanceof type))
    throw new Error(`The search page is missing ${selector}; check src/components/search/SearchApp.astro.`);
  return node;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "“dynamodb”", "“dynamodb” with 2 filters", "the chosen filters". */
function describeSearch(state: SearchState): string {
  const filterCount = Object.values(state.filters).reduce((sum, values) => sum + values.length, 0);
  if (state.query === "") return "the chosen filters";
  return filterCount === 0 ? `“${state.query}”` : `“${state.query}” with ${plural(filterCount, "filter", "filters")}`;
}

/** One result: linked title, severity badge (text, not colour alone), incident date and highlighted excerpt. */
function renderResult(
  data: { url: string; excerpt: string; meta: Record<string, string | undefined> },
  severityLabels: Record<string, string>,
): HTMLLIElement {
  const item = element("li", { className: "result" });
  const article = element("article");
  const heading = element("h3");
  const link = element("a", { text: data.meta["title"] ?? data.url });
  link.href = data.url;
  heading.append(link);

  const meta = element("p", { className: "result-meta" });
  const severity = data.meta["severity"];
  if (severity !== undefined)
    meta.append(
      element("span", {
        className: `badge ${severity.toLowerCase()}`,
        text: filterValueLabel("severity", severity, severityLabels),
      }),
    );
  const date = data.meta["date"];
  if (date !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(date)) {
    const time = element("time", { text: formatCalendarDate(date) });
    time.dateTime = date;
    meta.append(time);
  }

  const excerpt = element("p", { className: "excerpt" });
  for (const part of parseExcerpt(data.excerpt))
    excerpt.append(part.marked ? element("mark", { text: part.text }) : document.createTextNode(part.text));
  if (excerpt.textContent === "" && data.meta["summary"] !== undefined) excerpt.textContent = data.meta["summary"];

  article.append(heading, meta, excerpt);
  item.append(article);
  return item;
}

export function startSearch(root: Document = document): void {
  const app = root.querySelector<HTMLElement>("[data-search-app]");
  if (!app) return;
  const noJs = root.querySelector<HTMLElement>("[data-search-nojs]");
  const form = required(app, "[data-search-form]", HTMLFormElement);
  const input = required(app, "[data-search-input]", HTMLInputElement);
  const sortSelect = required(app, "[data-search-sort]", HTMLSelectElement);
  const filtersRoot = required(app, "[data-search-filters]", HTMLElement);
  const clearButton = required(app, "[data-search-clear]", HTMLButtonElement);
  const status = required(app, "[data-search-status]", HTMLElement);
  const list = required(app, "[data-search-results]", HTMLOListElement);
  const moreButton = required(app, "[data-search-more]", HTMLButtonElement);
  const filterPanel = required(app, "[data-search-filter-panel]", HTMLDetailsElement);
  const activeFilters = required(app, "[data-search-active-filters]", HTMLElement);
  const empty = required(app, "[data-search-empty]", HTMLElement);
  // The site configuration's severity wording, written by SearchApp.astro.
  const severityLabels = JSON.parse(app.dataset["severityLabels"] ?? "{}") as Record<string, string>;

  if (noJs) noJs.hidden = true;
  app.hidden = false;

  const initial = parseSearchState(new URLSearchParams(window.location.search));
  const initialFilters = Object.values(initial.filters).some((values) => values.length > 0);
  // Filters stay folded until the reader opens them, so a search downloads no filter index it does not use.
  // A shared link that applies filters opens them beside the results on wide screens (phones keep results first).
  filterPanel.open = initialFilters && window.matchMedia(WIDE_SCREEN).matches;
  input.value = initial.query;
  sortSelect.value = initial.sort;

  let pagefind: Pagefind | undefined;
  let totals: FilterCounts = {};
  const groups: FacetGroup[] = [];
  let results: PagefindResult[] = [];
  let shown = 0;
  let generation = 0;
  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  let lastCounts: FilterCounts = {};
  /** Filters load on first use, after the first results; until then the URL's selection stands. */
  let facetsReady = false;
  let facetsWanted = initialFilters;
  let facetsLoading: Promise<void> | undefined;

  function readState(): SearchState {
    const filters: SearchState["filters"] = facetsReady ? {} : { ...initial.filters };
    for (const group of groups) {
      const values = group.values.filter((v) => v.input.checked).map((v) => v.value);
      if (values.length > 0) filters[group.key] = values;
    }
    const sort = sortSelect.value;
    return {
      query: input.value.trim(),
      filters,
      sort: (SORT_ORDERS as readonly string[]).includes(sort) ? (sort as SortOrder) : "relevance",
    };
  }

  function writeUrl(state: SearchState): void {
    const params = serializeSearchState(state).toString();
    const url = params === "" ? window.location.pathname : `${window.location.pathname}?${params}`;
    window.history.replaceState(window.history.state, "", url);
  }

  function buildFacets(selected: SearchState): void {
    for (const { key, label } of SEARCH_FILTERS) {
      const counts = { ...(totals[key] ?? {}) };
      for (const value of selected.filters[key] ?? []) counts[value] ??= 0;
      const ordered = sortFilterValues(key, counts);
      if (ordered.length === 0) continue;

      const fieldset = element("fieldset");
      fieldset.append(element("legend", { text: label }));
      const ul = element("ul", { className: "facet-values" });
      ul.id = `facet-${key}`;
      const values = ordered.map((value): FacetValue => {
        const item = element("li");
        const labelEl = element("label");
        const checkbox = element("input");
        checkbox.type = "checkbox";
        checkbox.name = key;
        checkbox.value = value;
        checkbox.checked = selected.filters[key]?.includes(value) ?? false;
        const count = element("span", { className: "count" });
        labelEl.append(checkbox, element("span", { text: filterValueLabel(key, value, severityLabels) }), count);
        item.append(labelEl);
        ul.append(item);
        return { key, value, item, input: checkbox, count };
      });
      fieldset.append(ul);

      const group: FacetGroup = { key, fieldset, values, toggle: undefined, expanded: false };
      if (values.length > FACET_LIMIT) {
        const toggle = element("button", { className: "toggle" });
        toggle.type = "button";
        toggle.setAttribute("aria-controls", ul.id);
        toggle.setAttribute("aria-expanded", "false");
        toggle.addEventListener("click", () => {
          group.expanded = !group.expanded;
          toggle.setAttribute("aria-expanded", String(group.expanded));
          updateFacets(lastCounts);
        });
        fieldset.append(toggle);
        group.toggle = toggle;
      }
      groups.push(group);
      filtersRoot.append(fieldset);
    }
  }

  /** Shows each value's count; hides values with no results (unless checked) and long tails (unless expanded). */
  function updateFacets(counts: FilterCounts): void {
    lastCounts = counts;
    let anyChecked = false;
    for (const group of groups) {
      let available = 0;
      for (const facet of group.values) {
        const count = counts[group.key]?.[facet.value] ?? 0;
        facet.count.replaceChildren(
          String(count),
          element("span", { className: "visually-hidden", text: count === 1 ? " result" : " results" }),
        );
        const candidate = count > 0 || facet.input.checked;
        if (facet.input.checked) anyChecked = true;
        if (candidate) available += 1;
        facet.item.hidden = !candidate || (!group.expanded && available > FACET_LIMIT && !facet.input.checked);
      }
      group.fieldset.hidden = available === 0;
      if (group.toggle) {
        group.toggle.hidden = available <= FACET_LIMIT;
        const noun = SEARCH_FILTERS.find((f) => f.key === group.key)?.plural ?? "values";
        group.toggle.textContent = group.expanded ? `Show fewer ${noun}` : `Show all ${available} ${noun}`;
      }
    }
    clearButton.hidden = !anyChecked;
    const active = groups.reduce((n, group) => n + group.values.filter((facet) => facet.input.checked).length, 0);
    activeFilters.textContent = active === 0 ? "" : `(${active} active)`;
  }

  async function showMore(moveFocus: boolean): Promise<void> {
    const current = generation;
    const batch = results.slice(shown, shown + (shown === 0 ? FIRST_BATCH : BATCH));
    const data = await Promise.all(batch.map((r) => r.data()));
    if (current !== generation) return;
    const items = data.map((d) => renderResult(d, severityLabels));
    list.append(...items);
    shown += batch.length;
    const left = results.length - shown;
    moreButton.hidden = left <= 0;
    moreButton.textContent = `Show more results (${left} more)`;
    if (moveFocus) items[0]?.querySelector("a")?.focus();
  }

  async function run(): Promise<void> {
    if (!pagefind) return;
    const current = ++generation;
    const state = readState();
    writeUrl(state);
    filtersRoot.setAttribute("aria-busy", "true");

    if (!hasCriteria(state)) {
      results = [];
      shown = 0;
      list.replaceChildren();
      moreButton.hidden = true;
      empty.hidden = true;
      if (facetsReady) updateFacets(totals);
      // Busy only while the filters, wanted but not yet shown, are on their way.
      filtersRoot.setAttribute("aria-busy", String(facetsWanted && !facetsReady));
      status.textContent = "Type words to search for, or choose filters to list matching postmortems.";
      return;
    }

    const sort = pagefindSort(state);
    const options: PagefindSearchOptions = { filters: pagefindFilters(state), ...(sort ? { sort } : {}) };
    const main = await pagefind.search(pagefindTerm(state), options);
    if (current !== generation) return;

    results = main.results;
    shown = 0;
    list.replaceChildren();
    await showMore(false);
    if (current !== generation) return;
    const subject = describeSearch(state);
    empty.hidden = results.length > 0;
    status.textContent =
      results.length === 0
        ? `No postmortems match ${subject}. Check the spelling, try fewer or other words, or clear filters.`
        : `${plural(results.length, "postmortem matches", "postmortems match")} ${subject}.`;
    if (facetsReady) await refreshCounts(state, current);
    else if (!facetsWanted) filtersRoot.setAttribute("aria-busy", "false");
  }

  /** Loads the filter index once, on first use, and shows every group with its counts for the current search. */
  function loadFacets(): Promise<void> {
    facetsWanted = true;
    if (!pagefind || facetsLoading) return facetsLoading ?? Promise.resolve();
    const loaded = pagefind;
    filtersRoot.setAttribute("aria-busy", "true");
    facetsLoading = (async () => {
      totals = await loaded.filters();
      filtersRoot.replaceChildren();
      buildFacets(readState());
      facetsReady = true;
      await refreshCounts(readState(), generation);
    })().catch((error: unknown) => {
      console.error(error);
      filtersRoot.textContent = "The filters could not be loaded. Reload the page to try again.";
      filtersRoot.setAttribute("aria-busy", "false");
    });
    return facetsLoading;
  }

  /** Counts per filter value for the current search. Within a group values are alternatives, so a group's counts ignore its own selection. */
  async function refreshCounts(state: SearchState, current: number): Promise<void> {
    if (!pagefind) return;
    if (!hasCriteria(state)) {
      updateFacets(totals);
      filtersRoot.setAttribute("aria-busy", "false");
      return;
    }
    const term = pagefindTerm(state);
    const counts: FilterCounts = { ...(await pagefind.search(term, { filters: pagefindFilters(state) })).filters };
    for (const key of Object.keys(state.filters) as SearchFilterKey[]) {
      counts[key] = (await pagefind.search(term, { filters: pagefindFilters(state, key) })).filters[key] ?? {};
    }
    if (current !== generation) return;
    updateFacets(counts);
    filtersRoot.setAttribute("aria-busy", "false");
  }

  function runNow(): void {
    clearTimeout(typingTimer);
    void run().catch(showError);
  }

  function showError(error: unknown): void {
    console.error(error);
    status.textContent = "Search failed. Reload the page to try again, or browse all postmortems from the Postmortems page.";
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    runNow();
  });
  input.addEventListener("input", () => {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(runNow, TYPING_DELAY_MS);
  });
  sortSelect.addEventListener("change", runNow);
  filtersRoot.addEventListener("change", runNow);
  clearButton.addEventListener("click", () => {
    for (const group of groups) for (const facet of group.values) facet.input.checked = false;
    runNow();
    input.focus();
  });
  moreButton.addEventListener("click", () => {
    void showMore(true).catch(showError);
  });
  filterPanel.addEventListener("toggle", () => {
    if (filterPanel.open) void loadFacets();
  });

  status.textContent = "Loading the search index…";
  filtersRoot.textContent = "Loading filters…";
  loadPagefind()
    .then(async (loaded) => {
      pagefind = loaded;
      await run();
      // Results first; the filter index follows if the reader has opened the filters or the URL applies one.
      if (facetsWanted) await loadFacets();
    })
    .catch((error: unknown) => {
      console.error(error);
      status.textContent =
        "The search index could not be loaded. If this site was started with npm run dev, build it with npm start; otherwise reload the page.";
    });
}
