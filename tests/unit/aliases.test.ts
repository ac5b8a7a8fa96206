import { describe, expect, it } from "vitest";
import { aliasRedirects } from "../../src/lib/postmortem/aliases.ts";

describe("alias redirects", () => {
  it("send every former id of a shown postmortem to its current page", () => {
    const redirects = aliasRedirects([
      { id: "2024-03-01-api-outage", data: { aliases: ["2024-03-01-api-errors", "2024-03-01-api"], status: "published" } },
      { id: "2024-04-01-other", data: { aliases: [], status: "in-review" } },
    ]);
    expect(redirects).toEqual({
      "/postmortems/2024-03-01-api-errors/": "/postmortems/2024-03-01-api-outage/",
      "/postmortems/2024-03-01-api/": "/postmortems/2024-03-01-api-outage/",
    });
  });

  it("leave out drafts, whose pages are not built", () => {
    expect(aliasRedirects([{ id: "2024-05-01-draft", data: { aliases: ["2024-05-01-old"], status: "draft" } }])).toEqual({});
  });

  it("send readers to the page under the base path, from the route Astro serves under it", () => {
    const redirects = aliasRedirects(
      [{ id: "2024-03-01-api-outage", data: { aliases: ["2024-03-01-api"], status: "published" } }],
      "/kb/",
    );
    expect(redirects).toEqual({ "/postmortems/2024-03-01-api/": "/kb/postmortems/2024-03-01-api-outage/" });
  });
});
