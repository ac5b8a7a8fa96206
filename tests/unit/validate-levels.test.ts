/** Levels, rules across files, file names and single-file checks, on real content folders, in process. */
import { describe, expect, test } from "vitest";
import { suggestedFileName } from "../../src/lib/integrity/files.ts";
import {
  countByLevel,
  formatGithub,
  formatReport,
  hasErrors,
  strict,
  type Diagnostic,
} from "../../src/lib/validate/diagnostic.ts";
import { overlayError } from "../../src/lib/validate/dev-problems.ts";
import { RULES } from "../../src/lib/validate/rules.ts";
import { validateContent, validateFiles } from "../../src/lib/validate/validate-content.ts";
import { API_ERRORS, contentFixtures, pm, positionOf, WEBSITE_SLOW, type ContentFixture } from "../support/content-fixture.ts";

const fixture = contentFixtures();
const run = (f: ContentFixture) => validateContent({ contentDir: f.dir, cwd: f.root, today: "2024-06-01" });

const WARNING: Diagnostic = {
  file: "a.mdx",
  line: 3,
  column: 5,
  path: "timeline.2",
  message: "repeats event 2 — remove one",
  level: "warning",
  rule: "duplicate-event",
};
const ERROR: Diagnostic = { file: "a.mdx", line: 1, column: 1, path: "title", message: "is empty — write one" };

describe("levels", () => {
  test("warnings pass, are marked in text, and become GitHub warning annotations", () => {
    expect(hasErrors([WARNING])).toBe(false);
    expect(formatReport({ postmortems: 1, diagnostics: [WARNING] }, "text")).toBe(
      "a.mdx:3:5  timeline.2  warning: repeats event 2 — remove one\n\n✔ 1 postmortem and 3 catalogs are valid, with 1 warning.",
    );
    expect(formatGithub(WARNING)).toBe("::warning file=a.mdx,line=3,col=5,title=timeline.2::repeats event 2 — remove one");
    expect(formatGithub(ERROR)).toMatch(/^::error /);
  });

  test("problems are counted by level in one way for the terminal, the build and the dev overlay", () => {
    expect(countByLevel([ERROR, WARNING, WARNING])).toBe("1 error and 2 warnings");
    expect(countByLevel([WARNING])).toBe("1 warning");
    expect(countByLevel([ERROR, ERROR])).toBe("2 errors");
    expect(countByLevel([])).toBe("");
  });

  test("the JSON report carries every problem's level", () => {
    const json = JSON.parse(formatReport({ postmortems: 1, diagnostics: [ERROR, WARNING] }, "json")) as {
      ok: boolean;
      problems: { level: string }[];
    };
    expect(json.ok).toBe(false);
    expect(json.problems.map((p) => p.level)).toEqual(["error", "warning"]);
    expect(JSON.parse(formatReport({ postmortems: 1, diagnostics: [WARNING] }, "json"))).toMatchObject({ ok: true });
  });

  test("--strict makes warnings errors", () => {
    expect(hasErrors(strict([WARNING]))).toBe(true);
    expect(formatGithub(strict([WARNING])[0]!)).toMatch(/^::error /);
  });

  test("every warning the validator gives names a rule whose level is warning", () => {
    const warnings = new Set(RULES.filter((r) => r.level === "warning").map((r) => r.id));
    expect([...warnings].sort()).toEqual(["duplicate-event", "private-ticket", "related-draft", "zone-offset"]);
  });
});

describe("rules across files", () => {
  test("related pointing at a draft is a warning in the file that names it", () => {
    const f = fixture();
    f.edit(pm(WEBSITE_SLOW), "status: published", "status: draft");
    const text = f.read(pm(API_ERRORS));
    const result = run(f);
    expect(result.diagnostics).toEqual([
      {
        file: `content/${pm(API_ERRORS)}`,
        ...positionOf(text, WEBSITE_SLOW),
        path: "related.0",
        level: "warning",
        rule: "related-draft",
        message: `"${WEBSITE_SLOW}" is a draft, so readers will not see this link until it is published — publish it first, or expect the link to appear later`,
      },
    ]);
  });

  test("a misnamed file is told the name made of its own date and words", () => {
    const f = fixture();
    f.write("postmortems/2024_3_7 Checkout Outage.mdx", f.read(pm(API_ERRORS)).replace(/related: \[.*\]/, "related: []"));
    f.write("postmortems/payments-down.mdx", f.read(pm(API_ERRORS)).replace(/related: \[.*\]/, "related: []"));
    const messages = run(f)
      .diagnostics.filter((d) => d.path === "(file)")
      .map((d) => d.message);
    expect(messages).toContainEqual(expect.stringMatching(/: 2024-03-07-checkout-outage\.mdx$/));
    // No date in the name: the start date written inside the file.
    expect(messages).toContainEqual(expect.stringMatching(/: 2024-03-01-payments-down\.mdx$/));
  });

  test("suggested names never fall back to one fixed example", () => {
    expect(suggestedFileName("20231105-DB failover.mdx")).toBe("2023-11-05-db-failover.mdx");
    expect(suggestedFileName("notes.mdx")).toBe("YYYY-MM-DD-notes.mdx");
  });
});

describe("hindsight validate <file>", () => {
  test("checks the file and the rules across files it touches, not the other files", () => {
    const f = fixture();
    f.edit(pm(WEBSITE_SLOW), "severity: SEV3", "severity: SEV9"); // not checked: not reported
    f.edit(pm(API_ERRORS), "services: [api]", "services: [apii]");
    const result = validateFiles({ contentDir: f.dir, cwd: f.root, files: [`content/${pm(API_ERRORS)}`], today: "2024-06-01" });
    expect(result.diagnostics.map((d) => `${d.file} ${d.path}`)).toEqual([`content/${pm(API_ERRORS)} services.0`]);
  });

  test("reports an alias that another file already claims, and a related draft", () => {
    const f = fixture();
    f.edit(pm(WEBSITE_SLOW), "status: published", "status: draft\naliases: [2024-05-02-old-name]");
    f.edit(pm(API_ERRORS), "related: [", "aliases: [2024-05-02-old-name]\nrelated: [");
    const result = validateFiles({ contentDir: f.dir, cwd: f.root, files: [`content/${pm(API_ERRORS)}`], today: "2024-06-01" });
    expect(result.diagnostics.map((d) => `${d.path} ${d.rule ?? ""}`)).toEqual(["aliases.0 ", "related.0 related-draft"]);
    expect(result.diagnostics[0]?.message).toContain("is also claimed by");
  });

  test("a cited earlier item is checked against the real file", () => {
    const f = fixture();
    f.edit(pm(WEBSITE_SLOW), "causes:", `priorActionItems: ["${API_ERRORS}#A7"]\ncauses:`);
    const result = validateFiles({ contentDir: f.dir, cwd: f.root, files: [`content/${pm(WEBSITE_SLOW)}`], today: "2024-06-01" });
    expect(result.diagnostics.map((d) => d.message)).toEqual([`${API_ERRORS} has no action item A7 — check the id after "#"`]);
  });
});

describe("catalogs read the fast way", () => {
  test("a rule across files still points at the value in a catalog that is otherwise valid", () => {
    const f = fixture();
    const text = f.edit("services.yaml", "owner: web", "owner: nobody");
    const found = run(f).diagnostics.filter((d) => d.file === "content/services.yaml");
    expect(found).toEqual([
      expect.objectContaining({
        ...positionOf(text, "nobody"),
        path: "1.owner",
        message: expect.stringContaining('team "nobody"') as string,
      }),
    ]);
  });

  test("a merge key in a catalog is still refused, as the positional parse reads it", () => {
    const f = fixture();
    f.edit(
      "services.yaml",
      "- id: website\n  name: Website\n  owner: web",
      "- &site\n  id: website\n  name: Website\n  owner: web",
    );
    const text = f.write("services.yaml", `${f.read("services.yaml")}- <<: *site\n  id: shop\n`);
    expect(run(f).diagnostics).toContainEqual(
      expect.objectContaining({
        file: "content/services.yaml",
        ...positionOf(text, "<<"),
        path: "2.<<",
        message: expect.stringContaining('unknown key "<<"') as string,
      }),
    );
  });

  test("a catalog with a schema problem is located like before, and its valid entries still count", () => {
    const f = fixture();
    const text = f.edit("services.yaml", "tier: tier-2", "tier: tier-9");
    const result = run(f);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ file: "content/services.yaml", ...positionOf(text, "tier-9"), path: "1.tier" }),
    ]);
    expect(result.catalogs.services.map((s) => s.id)).toEqual(["api"]);
  });
});

const SEVERITY_ERROR: Diagnostic = {
  file: "postmortems/a.mdx",
  line: 4,
  column: 8,
  path: "severity",
  message: 'unknown "SEV9" — use SEV1 to SEV4',
};

describe("the dev server's overlay error", () => {
  test("locates the first problem, gives its fix as the hint and lists the rest, counted by level", () => {
    const error = overlayError([SEVERITY_ERROR, WARNING, WARNING], "/kb")!;
    expect(error.message).toBe(
      [
        'postmortems/a.mdx:4:8  severity  unknown "SEV9"',
        "",
        "Also (1 error and 2 warnings in all):",
        "- a.mdx:3:5  timeline.2  warning: repeats event 2 — remove one",
        "- a.mdx:3:5  timeline.2  warning: repeats event 2 — remove one",
      ].join("\n"),
    );
    expect(error.title).toBe("The content has errors");
    expect(error.hint).toBe("use SEV1 to SEV4. Save the file and this page reloads.");
    expect(error.loc).toEqual({ file: "/kb/postmortems/a.mdx", line: 4, column: 8 });
  });

  test("says the content has warnings when nothing is an error, and is absent when nothing is wrong", () => {
    expect(overlayError([WARNING], "/kb")?.title).toBe("The content has warnings");
    expect(overlayError([], "/kb")).toBeUndefined();
  });
});
