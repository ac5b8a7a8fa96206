import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildLedger } from "../../src/lib/action-items/ledger.ts";
import { catalogCounts, groupByYear, tagCounts, withFacet } from "../../src/lib/browse/facets.ts";
import { openItemsFor } from "../../src/lib/browse/open-items.ts";
import { relatedIds } from "../../src/lib/postmortem/related.ts";
import { element, hrefs, pageExists, readPage } from "../support/html.ts";
import { SAMPLE_DIST } from "../support/paths.ts";
import { sampleCatalogs, visibleSamples } from "../support/sample-records.ts";

const samples = visibleSamples();
const catalogs = sampleCatalogs();
const page = (path: string) => readPage(SAMPLE_DIST, path);
/** The postmortem ids listed on a browse page, in order. */
const listed = (html: string) =>
  [...html.matchAll(/<h[23] class="title[^"]*"[^>]*>\s*<a href="\/postmortems\/([^/]+)\/"/g)].map((m) => m[1]);
const count = (html: string) => Number(/data-postmortem-count="(\d+)"/.exec(html)?.[1]);

describe("service pages", () => {
  it("exist for every service in the catalog, listing its postmortems newest first", () => {
    for (const service of catalogs.services) {
      const html = page(`/services/${service.id}/`);
      const expected = withFacet(samples, "services", service.id).map((p) => p.id);
      expect(count(html), service.id).toBe(expected.length);
      expect(listed(html), service.id).toEqual(expected.slice(0, 50));
    }
  });

  it("list the open action items of the service's postmortems", () => {
    const ledger = buildLedger(samples, "2000-01-01");
    for (const service of catalogs.services) {
      const html = page(`/services/${service.id}/`);
      const expected = openItemsFor(ledger.items, { service: service.id }).map((i) => i.key);
      const shown = [...element(html, '<section aria-labelledby="open-items"').matchAll(/data-action-key="([^"]+)"/g)].map(
        (m) => m[1],
      );
      expect(shown.sort(), service.id).toEqual(expected.slice(0, 25).sort());
    }
  });

  it("are all on the index with their counts", () => {
    const html = page("/services/");
    const rows = catalogCounts(catalogs.services, samples, "services");
    expect(rows).toHaveLength(catalogs.services.length);
    for (const row of rows) {
      expect(html).toMatch(
        new RegExp(
          `<a href="/services/${row.id}/"[^>]*>[^<]+</a>\\s*</th>\\s*<td class="num[^"]*"[^>]*>\\s*${row.count}\\s*</td>`,
        ),
      );
    }
  });
});

describe("tag, cause and severity pages", () => {
  it("exist for every tag the samples use, with the right postmortems", () => {
    const tags = tagCounts(samples);
    expect(tags.length).toBeGreaterThan(10);
    for (const tag of tags) {
      const html = page(`/tags/${tag.id}/`);
      expect(listed(html), tag.id).toEqual(withFacet(samples, "tags", tag.id).map((p) => p.id));
    }
    const index = page("/tags/");
    for (const tag of tags) expect(index).toContain(`href="/tags/${tag.id}/"`);
  });

  it("exist for every cause category, listing the postmortems citing it", () => {
    for (const category of catalogs.categories) {
      const html = page(`/causes/${category.id}/`);
      expect(listed(html), category.id).toEqual(withFacet(samples, "causes", category.id).map((p) => p.id));
      expect(page("/causes/")).toContain(`href="/causes/${category.id}/"`);
    }
  });

  it("exist for every severity, and every postmortem's severity badge links to its own", () => {
    for (const sev of ["sev1", "sev2", "sev3", "sev4"]) expect(pageExists(SAMPLE_DIST, `/severity/${sev}/`), sev).toBe(true);
    for (const p of samples) {
      const header = element(page(`/postmortems/${p.id}/`), /<header class="pm-header[ "]/);
      expect(header, p.id).toContain(`href="/severity/${p.data.severity.toLowerCase()}/"`);
    }
  });
});

describe("links from postmortem pages", () => {
  it("lead every service, tag, cause and severity chip to a page that exists", () => {
    const teamsBuilt = existsSync(join(SAMPLE_DIST, "teams"));
    for (const p of samples) {
      const html = page(`/postmortems/${p.id}/`);
      const chips = hrefs(html).filter(
        (h) => /^\/(services|tags|causes|severity|teams)\//.test(h) && (teamsBuilt || !h.startsWith("/teams/")),
      );
      expect(chips.length, p.id).toBeGreaterThan(p.data.services.length + p.data.tags.length);
      for (const href of chips) expect(pageExists(SAMPLE_DIST, href), `${p.id} → ${href}`).toBe(true);
    }
  });

  it("show backlinks: a postmortem listed in another's related shows that one without declaring it", () => {
    const backlinked = samples.filter((b) =>
      samples.some((a) => a.id !== b.id && a.data.related.includes(b.id) && !b.data.related.includes(a.id)),
    );
    expect(backlinked.length).toBeGreaterThan(0);
    for (const b of backlinked) {
      const related = element(page(`/postmortems/${b.id}/`), '<section aria-labelledby="related"');
      const expected = relatedIds(b.id, samples);
      for (const id of expected) expect(related, `${b.id} shows ${id}`).toContain(`href="/postmortems/${id}/"`);
    }
  });
});

describe("the archive", () => {
  it("groups postmortems by year with counts, newest year first", () => {
    const html = page("/postmortems/");
    const years = groupByYear(samples);
    const headings = [...html.matchAll(/<h2 id="y(\d{4})"/g)].map((m) => Number(m[1]));
    expect(headings).toEqual(years.map((y) => y.year));
    for (const y of years) {
      expect(html).toMatch(new RegExp(`data-year-total="${y.year}"[^>]*>\\s*${y.postmortems.length}\\s*<`));
      expect(pageExists(SAMPLE_DIST, `/postmortems/years/${y.year}/`)).toBe(true);
    }
  });

  it("has an anchor for each severity, so older links to /postmortems/#sev1 still land", () => {
    const html = page("/postmortems/");
    for (const sev of ["sev1", "sev2", "sev3", "sev4"]) expect(html).toContain(`id="${sev}"`);
  });
});
