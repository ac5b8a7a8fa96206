/** The search page's filters in a browser test: folded until opened, their index loaded on first use. */
import type { Page } from "playwright-core";

/** Opens the filters (unless they are open already) and waits until every group shows counts for the current search. */
export async function openSearchFilters(page: Page): Promise<void> {
  const panel = page.locator("[data-search-filter-panel]");
  if (!(await panel.evaluate((details) => (details as HTMLDetailsElement).open))) await panel.locator("summary").click();
  await page.locator("[data-search-filters] input[type=checkbox]").first().waitFor({ state: "attached" });
  await page.locator('[data-search-filters][aria-busy="false"]').waitFor({ state: "attached" });
}
