/** Inputs that once broke a fuzz property, replayed on every test run. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "vitest";
import { expectBuildAgrees, validateText } from "./properties.ts";

const DIR = join(import.meta.dirname, "regressions");
const cases = readdirSync(DIR)
  .filter((name) => name.endsWith(".mdx"))
  .sort();

describe("kept fuzz regressions", () => {
  test.each(cases)("%s is validated without throwing, located, and the build agrees", async (name) => {
    const text = readFileSync(join(DIR, name), "utf8");
    await expectBuildAgrees(text, validateText(text));
  });
});
