import { describe, expect, it } from "vitest";
import {
  hasCriteria,
  pagefindFilters,
  pagefindSort,
  pagefindTerm,
  parseSearchState,
  serializeSearchState,
} from "../../src/lib/search/query-state.ts";

const parse = (query: string) => parseSearchState(new URLSearchParams(query));

describe("parseSearchState", () => {
  it("reads the words, every selected filter value and the sort order from the URL", () => {
    expect(parse("q=+dynamodb+&severity=SEV1&severity=SEV2&service=Query+engine&sort=newest")).toEqual({
      query: "dynamodb",
      filters: { severity: ["SEV1", "SEV2"], service: ["Query engine"] },
      sort: "newest",
    });
  });

  it("ignores unknown parameters, empty and repeated values, and an unknown sort", () => {
    expect(parse("utm_source=mail&severity=&severity=SEV1&severity=SEV1&sort=random")).toEqual({
      query: "",
      filters: { severity: ["SEV1"] },
      sort: "relevance",
    });
  });
});

describe("serializeSearchState", () => {
  it("writes a search back to the same URL parameters, leaving out the default sort", () => {
    const params = serializeSearchState({
      query: "503 errors",
      filters: { year: ["2024"], severity: ["SEV2"] },
      sort: "relevance",
    });
    expect(params.toString()).toBe("q=503+errors&severity=SEV2&year=2024");
    expect(parse(params.toString())).toEqual({
      query: "503 errors",
      filters: { severity: ["SEV2"], year: ["2024"] },
      sort: "relevance",
    });
  });

  it("writes an empty search as no parameters at all", () => {
    expect(serializeSearchState({ query: "", filters: {}, sort: "relevance" }).toString()).toBe("");
  });
});

describe("pagefind options", () => {
  const state = parse("q=backups&severity=SEV1&severity=SEV2&team=Platform");

  it("matches any selected value within a group and every group at once", () => {
    expect(pagefindFilters(state)).toEqual({ severity: { any: ["SEV1", "SEV2"] }, team: { any: ["Platform"] } });
  });

  it("can leave one group out, to count that group's values against the other selections", () => {
    expect(pagefindFilters(state, "severity")).toEqual({ team: { any: ["Platform"] } });
  });

  it("ranks by relevance when there are words and by newest incident when only filters are chosen", () => {
    expect(pagefindSort(state)).toBeUndefined();
    expect(pagefindSort(parse("severity=SEV1"))).toEqual({ date: "desc" });
    expect(pagefindSort(parse("q=x&sort=oldest"))).toEqual({ date: "asc" });
    expect(pagefindSort(parse("q=x&sort=newest"))).toEqual({ date: "desc" });
  });

  it("searches every page for a filter-only search", () => {
    expect(pagefindTerm(parse("severity=SEV1"))).toBeNull();
    expect(pagefindTerm(state)).toBe("backups");
  });

  it("needs words or a filter before there is anything to search", () => {
    expect(hasCriteria(parse(""))).toBe(false);
    expect(hasCriteria(parse("sort=newest"))).toBe(false);
    expect(hasCriteria(parse("tag=dns"))).toBe(true);
    expect(hasCriteria(parse("q=dns"))).toBe(true);
  });
});
