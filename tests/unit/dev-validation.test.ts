/**
 * `astro dev` validates again on every save, checking again only the files whose text changed. What it
 * reports must always be what a fresh `hindsight validate` of the folder reports.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import type { Diagnostic } from "../../src/lib/validate/diagnostic.ts";
import { savedFileFirst } from "../../src/lib/validate/dev-problems.ts";
import { DevValidation, fileFingerprint, runUntilSettled } from "../../src/lib/validate/dev-validation.ts";
import { FileResults } from "../../src/lib/validate/file-results.ts";
import { validateContent } from "../../src/lib/validate/validate-content.ts";
import { API_ERRORS, contentFixtures, pm, WEBSITE_SLOW, type ContentFixture } from "../support/content-fixture.ts";

const TODAY = "2024-06-01";
const fixture = contentFixtures();

const fresh = (f: ContentFixture) => validateContent({ contentDir: f.dir, cwd: f.root, today: TODAY }).diagnostics;
const lines = (diagnostics: readonly Diagnostic[]) =>
  diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.path} ${d.message}`);

describe("the development server's validation", () => {
  test("after each save it reports exactly what a fresh validation of the folder reports", () => {
    const f = fixture();
    const dev = new DevValidation({ contentDir: f.dir, cwd: f.root, today: TODAY });
    const saves: (() => void)[] = [
      () => f.edit(pm(API_ERRORS), "    owner: platform\n", "    owner: Ada Lovelace\n"),
      // A save in one file that makes a problem in another (its `related` now names a draft).
      () => f.edit(pm(WEBSITE_SLOW), "status: published", "status: draft"),
      () => f.edit(pm(API_ERRORS), "    owner: Ada Lovelace\n", "    owner: platform\n"),
      // A catalog change reaches files whose text did not change.
      () => f.edit("teams.yaml", "- id: web\n  name: Web\n", ""),
      () => f.write("teams.yaml", `${f.read("teams.yaml")}- id: web\n  name: Web\n`),
      // A renamed file: the old name is gone, the new one is checked (and misnamed).
      () => {
        f.write("postmortems/website-slow.mdx", f.read(pm(WEBSITE_SLOW)));
        f.remove(pm(WEBSITE_SLOW));
      },
      () => f.edit(pm(API_ERRORS), "status: published", "status: published\naliases: [website-slow]"),
    ];
    expect(lines(dev.run().diagnostics)).toEqual(lines(fresh(f)));
    for (const save of saves) {
      save();
      const expected = fresh(f);
      expect(lines(dev.run().diagnostics)).toEqual(lines(expected));
    }
    expect(fresh(f).length).toBeGreaterThan(0);
  });

  test("after forget() a file is checked again against the public folder as it is now", () => {
    const f = fixture();
    f.edit(pm(API_ERRORS), "\n---\n", "\n---\n\n![The error graph](/images/errors.png)\n");
    const publicDir = join(f.root, "public");
    const dev = new DevValidation({ contentDir: f.dir, cwd: f.root, publicDir, today: TODAY });
    expect(dev.run().diagnostics.map((d) => d.path)).toEqual(["body"]);
    mkdirSync(join(publicDir, "images"), { recursive: true });
    writeFileSync(join(publicDir, "images", "errors.png"), "");
    dev.forget();
    expect(dev.run().diagnostics).toEqual([]);
  });
});

describe("kept results of single files", () => {
  const context = { today: TODAY, catalogs: { teams: [], services: [], categories: [] } };
  const result = { diagnostics: [], data: undefined };

  test("a result is given back only for the exact text it was checked on", () => {
    const results = new FileResults();
    results.begin(context);
    results.set("a.mdx", "text", result);
    expect(results.get("a.mdx", "text")).toEqual(result);
    expect(results.get("a.mdx", "text ")).toBeUndefined();
    expect(results.get("b.mdx", "text")).toBeUndefined();
  });

  test("another day or other catalogs drop every result", () => {
    const results = new FileResults();
    results.begin(context);
    results.set("a.mdx", "text", result);
    results.begin({ ...context });
    expect(results.get("a.mdx", "text")).toEqual(result);
    results.begin({ ...context, today: "2024-06-02" });
    expect(results.get("a.mdx", "text")).toBeUndefined();
    results.set("a.mdx", "text", result);
    results.begin({ ...context, today: "2024-06-02", catalogs: { ...context.catalogs, teams: [{ id: "web" }] } } as never);
    expect(results.get("a.mdx", "text")).toBeUndefined();
  });

  test("files gone since the last run are forgotten", () => {
    const results = new FileResults();
    results.begin(context);
    results.set("a.mdx", "text", result);
    results.set("b.mdx", "text", result);
    results.keepOnly(new Set(["b.mdx"]));
    expect(results.get("a.mdx", "text")).toBeUndefined();
    expect(results.get("b.mdx", "text")).toEqual(result);
  });
});

describe("the overlay's order", () => {
  test("puts the saved file's problems first and keeps every other problem", () => {
    const at = (file: string, line: number): Diagnostic => ({ file, line, column: 1, path: "title", message: "x" });
    const all = [at("a.mdx", 1), at("b.mdx", 2), at("c.mdx", 1), at("b.mdx", 5)];
    expect(savedFileFirst(all, "b.mdx")).toEqual([at("b.mdx", 2), at("b.mdx", 5), at("a.mdx", 1), at("c.mdx", 1)]);
    expect(savedFileFirst(all, "d.mdx")).toEqual(all);
  });
});

describe("a save written in two steps (truncated, then written)", () => {
  test("a run that read the file half-written is run again once it is whole, and only then reported", async () => {
    const f = fixture();
    const dev = new DevValidation({ contentDir: f.dir, cwd: f.root, today: TODAY });
    const path = join(f.dir, pm(API_ERRORS));
    const whole = f.read(pm(API_ERRORS)).replace("    owner: platform\n", "    owner: Ada Lovelace\n");
    // The editor has truncated the file when the watcher reports it; it writes the text while the first run reads.
    writeFileSync(path, "");
    let runs = 0;
    const reported = await runUntilSettled(
      () => {
        const result = dev.run();
        if (++runs === 1) writeFileSync(path, whole);
        return Promise.resolve(result);
      },
      () => fileFingerprint(path),
    );
    expect(runs).toBe(2);
    expect(lines(reported.diagnostics).join("\n")).toContain("actionItems.0.owner");
    expect(lines(reported.diagnostics).join("\n")).not.toContain("has no frontmatter");
    expect(lines(reported.diagnostics)).toEqual(lines(fresh(f)));
  });

  test("a file that did not change during the run is validated once", async () => {
    const f = fixture();
    const dev = new DevValidation({ contentDir: f.dir, cwd: f.root, today: TODAY });
    let runs = 0;
    await runUntilSettled(
      () => {
        runs++;
        return Promise.resolve(dev.run());
      },
      () => fileFingerprint(join(f.dir, pm(API_ERRORS))),
    );
    expect(runs).toBe(1);
  });

  test("a file that keeps changing is run at most five times; its next change starts another run", async () => {
    let runs = 0;
    let version = 0;
    await runUntilSettled(
      () => Promise.resolve(runs++),
      () => String(version++),
    );
    expect(runs).toBe(5);
  });

  test("a deleted file has a fingerprint of its own", () => {
    expect(fileFingerprint(join(fixture().dir, "postmortems", "gone.mdx"))).toBe("missing");
  });
});
