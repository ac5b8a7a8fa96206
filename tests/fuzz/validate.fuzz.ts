/**
 * Property-based tests of hostile and broken input. `npm run fuzz` runs them long (FUZZ_RUNS per
 * property, default 2,000; FUZZ_SEED to replay); `npm run fuzz:ci` runs them with a fixed seed and a time
 * limit per property (FUZZ_TIME_LIMIT_MS), so CI spends under a minute. A failing input is printed with
 * its seed and path; keep it in tests/fuzz/regressions/ so that it is replayed by every `npm test`.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, test } from "vitest";
import { validateContent } from "../../src/lib/validate/validate-content.ts";
import { API_ERRORS, createContent, pm } from "../support/content-fixture.ts";
import { mutatedBody, mutatedBytes, mutatedFrontmatter, mutatedText, truncated } from "./arbitraries.ts";
import { expectBuildAgrees, expectLocated, validateText } from "./properties.ts";

const env = process.env;
const runs = Number(env["FUZZ_RUNS"] ?? 2000);
const seed = env["FUZZ_SEED"] === undefined ? undefined : Number(env["FUZZ_SEED"]);
const timeLimit = env["FUZZ_TIME_LIMIT_MS"] === undefined ? undefined : Number(env["FUZZ_TIME_LIMIT_MS"]);
const options = (share = 1): fc.Parameters<unknown> => ({
  numRuns: runs,
  ...(seed === undefined ? {} : { seed }),
  ...(timeLimit === undefined ? {} : { plugins: [fc.interruptAfterTimeLimit(Math.round(timeLimit * share))] }),
});

describe("hindsight validate, fed mutated postmortems", () => {
  test("never throws, and every problem it reports has a file, line and column and a fix (text edits)", () => {
    fc.assert(
      fc.property(mutatedText, (text) => {
        validateText(text);
      }),
      options(),
    );
  });

  test("refuses YAML alias bombs, deep nesting and odd keys without hanging", () => {
    fc.assert(
      fc.property(mutatedFrontmatter, (text) => {
        validateText(text);
      }),
      options(0.5),
    );
  });

  const fixture = createContent();
  afterAll(() => fixture.cleanup());
  test("never throws on files with flipped, inserted or removed bytes, read from disk", () => {
    const file = join(fixture.dir, pm(API_ERRORS));
    fc.assert(
      fc.property(mutatedBytes, (bytes) => {
        writeFileSync(file, bytes);
        const result = validateContent({ contentDir: fixture.dir, cwd: fixture.root });
        const own = result.diagnostics.filter((d) => d.file === `content/${pm(API_ERRORS)}`);
        expectLocated(own, bytes.toString("utf8"), `content/${pm(API_ERRORS)}`);
      }),
      options(0.5),
    );
  });

  test("whatever it accepts, the build compiles, into HTML inside the allowlist", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutatedBody, mutatedBody, truncated), async (text) => {
        await expectBuildAgrees(text, validateText(text));
      }),
      { ...options(1.5), numRuns: Math.max(1, Math.round(runs / 4)) },
    );
  });
});
