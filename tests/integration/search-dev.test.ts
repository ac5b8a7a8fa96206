/** In `npm run dev` there is no search index: the search page says so and how to get one. */
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanEnv } from "../support/clean-env.ts";
import { FIXTURES, ROOT, TEST_OUTPUT } from "../support/paths.ts";
import { freePort } from "../support/dev-server.ts";

let dev: ChildProcess;
let url: string;

beforeAll(async () => {
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  dev = spawn(
    process.execPath,
    // --ignore-lock: run beside any other dev server in this checkout without replacing or registering with it.
    [join(ROOT, "node_modules/astro/bin/astro.mjs"), "dev", "--ignore-lock", "--host", "127.0.0.1", "--port", String(port)],
    {
      cwd: ROOT,
      env: {
        ...cleanEnv(),
        HINDSIGHT_CONTENT: join(FIXTURES, "content-minimal"),
        HINDSIGHT_CACHE_DIR: join(TEST_OUTPUT, `search-dev-server-${process.pid}`, "cache"),
        ASTRO_TELEMETRY_DISABLED: "1",
        NO_COLOR: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const onData = (data: Buffer) => {
      output += data.toString();
      if (output.includes(url)) resolve();
    };
    dev.stdout?.on("data", onData);
    dev.stderr?.on("data", onData);
    dev.on("exit", (code) => reject(new Error(`astro dev exited with code ${code}:\n${output}`)));
  });
});

afterAll(() => {
  dev.kill();
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
