/** The development server's validation thread answers each run, in order, with what a fresh validation reports. */
import { afterEach, describe, expect, test } from "vitest";
import { ValidationThread } from "../../src/integrations/dev-validation-thread.ts";
import { validateContent } from "../../src/lib/validate/validate-content.ts";
import { API_ERRORS, createContent, pm, type ContentFixture } from "../support/content-fixture.ts";

const TODAY = "2024-06-01";
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function setUp(): { f: ContentFixture; thread: ValidationThread; failures: Error[] } {
  const f = createContent();
  const failures: Error[] = [];
  const thread = new ValidationThread({ contentDir: f.dir, cwd: f.root, today: TODAY }, (error) => failures.push(error));
  cleanups.push(f.cleanup, () => thread.close());
  return { f, thread, failures };
}

const fresh = (f: ContentFixture) => validateContent({ contentDir: f.dir, cwd: f.root, today: TODAY }).diagnostics;

describe("the validation thread", () => {
  test("answers runs in the order they were asked, each with the folder as it was then", async () => {
    const { f, thread, failures } = setUp();
    const clean = thread.run();
    await expect(clean).resolves.toEqual({ diagnostics: [], postmortems: 2 });
    f.edit(pm(API_ERRORS), "    owner: platform\n", "    owner: Ada Lovelace\n");
    const broken = fresh(f);
    const [first, second] = await Promise.all([thread.run(), thread.run(true)]);
    expect(broken.length).toBeGreaterThan(0);
    expect(first.diagnostics).toEqual(broken);
    expect(second.diagnostics).toEqual(broken);
    expect(failures).toEqual([]);
  });

  test("goes on in the calling thread once its own thread is gone", async () => {
    const { f, thread, failures } = setUp();
    await thread.run();
    await thread.close();
    f.edit(pm(API_ERRORS), "    owner: platform\n", "    owner: Ada Lovelace\n");
    const result = await thread.run();
    expect(result.diagnostics).toEqual(fresh(f));
    expect(failures).toEqual([]);
  });
});
