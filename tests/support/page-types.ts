/** One page of each type of the built sample site, for the browser quality checks (at the root and under a base path). */
import type { Page } from "playwright-core";
import { readPostmortemFrontmatter } from "./sample-content.ts";
import { openSearchFilters } from "./search-filters.ts";

const samples = readPostmortemFrontmatter().filter((s) => s.data.status === "published");
export const sev1 = samples.find((s) => s.data["severity"] === "SEV1")!;
const first = (key: string): string => (sev1.data[key] as string[])[0]!;
const firstCause = (sev1.data["causes"] as { category: string }[])[0]!.category;

/** One URL of each page type, with what to do before checking it. */
export const PAGE_TYPES: { name: string; path: string; ready?: (page: Page) => Promise<void> }[] = [
  { name: "home", path: "/" },
  { name: "a postmortem", path: `/postmortems/${sev1.id}/` },
  { name: "the archive", path: "/postmortems/" },
  { name: "a service", path: `/services/${first("services")}/` },
  { name: "a team", path: `/teams/${first("teams")}/` },
  { name: "a tag", path: `/tags/${first("tags")}/` },
  { name: "a cause category", path: `/causes/${firstCause}/` },
  { name: "the services index", path: "/services/" },
  { name: "the action items", path: "/action-items/" },
  { name: "the insights", path: "/insights/" },
  {
    name: "search with results and filters open",
    path: "/search/?q=dashboards",
    ready: async (page) => {
      await page.waitForFunction(() => /match/.test(document.querySelector("[data-search-status]")?.textContent ?? ""));
      await openSearchFilters(page);
      for (const details of await page.locator("[data-search-filters] details:not([open]) > summary").all())
        await details.click();
    },
  },
  { name: "the guide", path: "/guide/" },
  { name: "the 404 page", path: "/no-such-page/" },
];
