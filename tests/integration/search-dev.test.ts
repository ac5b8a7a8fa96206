/** In `npm run dev` there is no search index: the search page says so and how to get one. */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevServer, type DevServer } from "../support/dev-server.ts";
import { FIXTURES } from "../support/paths.ts";

let dev: DevServer;
let url: string;

beforeAll(async () => {
  dev = await startDevServer(join(FIXTURES, "content-minimal"), "search-dev-server");
  url = dev.url;
});

afterAll(() => {
  dev.stop();
});

/** The dev server answers before it has loaded every route; ask again (up to `attempts` times) until it serves the page. */
async function getWhenReady(path: string, attempts = 60): Promise<Response> {
  let response = await fetch(`${url}${path}`);
  for (let i = 1; i < attempts && response.status === 404; i++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    response = await fetch(`${url}${path}`);
  }
  return response;
}

describe("the search page in the development server", () => {
  it("says that search needs a build and names the command that makes one", async () => {
    const response = await getWhenReady("/search/");
    const html = await response.text();
    expect(response.status).toBe(200);
    const text = html.replace(/<[^>]+>/g, "");
    expect(text).toContain("Search needs a build. The search index is made when the site is built");
    expect(text).toContain("Run npm start to build the site and serve it with search");
    expect(html).not.toContain("data-search-app");
  });
});

describe("drafts in the development server", () => {
  it("are shown with a draft banner", async () => {
    const response = await getWhenReady("/postmortems/2024-06-01-draft-incident/");
    expect(response.status).toBe(200);
    expect((await response.text()).replace(/<[^>]+>/g, "")).toContain("Draft. Only visible in the local preview");
  });
});
