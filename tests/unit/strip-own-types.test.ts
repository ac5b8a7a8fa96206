import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { stripTypeScriptTypes } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { cacheFolder, StrippedCache } from "../../bin/strip-own-types.mjs";

const scratch = mkdtempSync(join(tmpdir(), "hindsight-strip-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const URL_OF_FILE = "file:///kb/node_modules/hindsight/src/lib/example.ts";
const V1 = "export function double(n: number): number {\n  return n * 2;\n}\n";
const V2 = "export function triple(n: number): number {\n  return n * 3;\n}\n";
const stripped = (source: string) => stripTypeScriptTypes(source, { mode: "strip", sourceUrl: URL_OF_FILE });

describe("Hindsight's own TypeScript, stripped once and kept", () => {
  test("the cache lives in the node_modules that holds Hindsight, or in Hindsight's own when it is not installed", () => {
    expect(cacheFolder("file:///srv/kb/node_modules/hindsight/")).toBe("/srv/kb/node_modules/.cache/hindsight/typescript/");
    expect(cacheFolder("file:///home/dev/hindsight/")).toBe("/home/dev/hindsight/node_modules/.cache/hindsight/typescript/");
  });

  test("a file is stripped as Node strips it, and a second run reads the kept code instead of stripping again", () => {
    const folder = join(scratch, "kept") + "/";
    expect(new StrippedCache(folder).strip(URL_OF_FILE, V1)).toBe(stripped(V1));
    const [entry] = readdirSync(folder);
    expect(readdirSync(folder)).toHaveLength(1);
    // Marks the kept code: a run that returns the mark read it from the cache.
    const path = join(folder, entry!);
    writeFileSync(path, readFileSync(path, "utf8").replace("n * 2", "n * 2 /* kept */"));
    expect(new StrippedCache(folder).strip(URL_OF_FILE, V1)).toContain("/* kept */");
  });

  test("an edited file is stripped again, never run from the old entry, and replaces it", () => {
    const folder = join(scratch, "edited") + "/";
    new StrippedCache(folder).strip(URL_OF_FILE, V1);
    const code = new StrippedCache(folder).strip(URL_OF_FILE, V2);
    expect(code).toBe(stripped(V2));
    expect(code).not.toContain("double");
    expect(readdirSync(folder)).toHaveLength(1);
    expect(new StrippedCache(folder).strip(URL_OF_FILE, V1)).toBe(stripped(V1));
  });

  test("two files with the same text are kept apart", () => {
    const folder = join(scratch, "two") + "/";
    const cache = new StrippedCache(folder);
    cache.strip(URL_OF_FILE, V1);
    cache.strip(URL_OF_FILE.replace("example", "other"), V1);
    expect(readdirSync(folder)).toHaveLength(2);
  });

  test("a cache that cannot be written leaves every file stripped, as without it", () => {
    writeFileSync(join(scratch, "a-file"), "");
    // A folder below a file can never be created, whoever runs the test (root ignores permissions).
    const below = join(scratch, "a-file", "cache") + "/";
    expect(new StrippedCache(below).strip(URL_OF_FILE, V1)).toBe(stripped(V1));
    expect(new StrippedCache(below).strip(URL_OF_FILE, V2)).toBe(stripped(V2));
  });
});
