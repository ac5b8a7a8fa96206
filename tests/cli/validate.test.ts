import { execFileSync } from "node:child_process";
import { describe, expect, test } from "vitest";
import { BAD_INPUTS, type ExpectedLine } from "../fixtures/invalid/cases.ts";
import {
  API_ERRORS,
  contentFixtures,
  createContent,
  pm,
  positionOf,
  WEBSITE_SLOW,
  type ContentFixture,
} from "../support/content-fixture.ts";
import { hindsight } from "./hindsight.ts";

const fixture = contentFixtures();

const validate = (f: ContentFixture, ...args: string[]) =>
  hindsight(["validate", "--content", "content", ...args], { cwd: f.root });
const prefix = (e: ExpectedLine) => `${e.file}:${e.line}:${e.column}  ${e.path}  `;

describe("hindsight validate", () => {
  test("a valid content folder passes with exit code 0", async () => {
    const result = await validate(fixture());
    expect(result.stdout.trim()).toBe("✔ 2 postmortems and 3 catalogs are valid.");
    expect(result.code).toBe(0);
  });

  test("the sample content in content/ validates clean", async () => {
    const result = await hindsight(["validate"]);
    expect(result.stdout).toMatch(/^✔ \d+ postmortems and 3 catalogs are valid\.$/m);
    expect(result.code).toBe(0);
  });

  describe.concurrent.each(BAD_INPUTS.map((c) => [`${c.rule}. ${c.name}`, c] as const))("rejects %s", (_, badInput) => {
    test("with exit code 1 and a line naming file, line, column, field and fix", async () => {
      const f = createContent();
      try {
        const expected = badInput.apply(f);
        const result = await validate(f);
        expect(result.code).toBe(1);
        for (const e of expected) {
          const line = result.lines.find((l) => l.startsWith(prefix(e)));
          expect(line, `expected a line starting ${prefix(e)}\n${result.stdout}`).toBeDefined();
          expect(line).toContain(e.message);
          expect(line).toContain(" — ");
        }
        expect(result.lines.at(-1)).toMatch(/^✖ \d+ problems? in \d+ files?\.$/);
      } finally {
        f.cleanup();
      }
    });
  });

  test("reports every problem of a run at once, sorted by file and position", async () => {
    const f = fixture();
    f.edit(pm(WEBSITE_SLOW), "severity: SEV3", "severity: SEV9");
    f.edit(pm(API_ERRORS), "timezone: Europe/London", "timezone: Mars/Olympus");
    f.edit(pm(API_ERRORS), "services: [api]", "services: [Not An Id]");
    const result = await validate(f);
    const problems = result.lines.slice(0, -1);
    expect(problems.map((l) => l.split("  ")[0])).toEqual([
      `content/postmortems/${API_ERRORS}.mdx:${positionOf(f.read(pm(API_ERRORS)), "Not An Id").line}:${positionOf(f.read(pm(API_ERRORS)), "Not An Id").column}`,
      `content/postmortems/${API_ERRORS}.mdx:${positionOf(f.read(pm(API_ERRORS)), "Mars").line}:${positionOf(f.read(pm(API_ERRORS)), "Mars").column}`,
      `content/postmortems/${WEBSITE_SLOW}.mdx:${positionOf(f.read(pm(WEBSITE_SLOW)), "SEV9").line}:${positionOf(f.read(pm(WEBSITE_SLOW)), "SEV9").column}`,
    ]);
    expect(result.lines.at(-1)).toBe("✖ 3 problems in 2 files.");
  });

  test("--format json prints the problems as data", async () => {
    const f = fixture();
    const text = f.edit(pm(API_ERRORS), "severity: SEV2", "severity: SEV7");
    const result = await validate(f, "--format", "json");
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      ok: false,
      postmortems: 2,
      problems: [
        {
          file: `content/postmortems/${API_ERRORS}.mdx`,
          ...positionOf(text, "SEV7"),
          path: "severity",
          message: '"SEV7" is not allowed — use one of SEV1, SEV2, SEV3, SEV4',
          level: "error",
        },
      ],
    });
  });

  test("--format json of valid content says ok", async () => {
    const result = await validate(fixture(), "--format", "json");
    expect(JSON.parse(result.stdout)).toEqual({ ok: true, postmortems: 2, problems: [] });
    expect(result.code).toBe(0);
  });

  test("--format github prints one error annotation per problem", async () => {
    const f = fixture();
    const text = f.edit(pm(API_ERRORS), "timezone: Europe/London", "timezone: Europe/Londn");
    const { line, column } = positionOf(text, "Europe/Londn");
    const result = await validate(f, "--format", "github");
    expect(result.lines).toEqual([
      `::error file=content/postmortems/${API_ERRORS}.mdx,line=${line},col=${column},title=timezone::"Europe/Londn" is not an IANA time zone — use a name such as "America/Los_Angeles", "Europe/Copenhagen" or "UTC"`,
    ]);
    expect(result.code).toBe(1);
  });

  test("HINDSIGHT_CONTENT chooses the folder when --content is not given", async () => {
    const f = fixture();
    f.edit(pm(API_ERRORS), "severity: SEV2", "severity: SEV8");
    const result = await hindsight(["validate"], { cwd: f.root, env: { HINDSIGHT_CONTENT: "content" } });
    expect(result.stdout).toContain('severity  "SEV8" is not allowed');
    expect(result.code).toBe(1);
  });

  test("an unknown --format is a usage error with exit code 2", async () => {
    const result = await validate(fixture(), "--format", "xml");
    expect(result.stderr).toContain('unknown format "xml" — use one of text, json, github');
    expect(result.code).toBe(2);
  });
});

describe("hindsight validate --against", () => {
  function committed(): ContentFixture {
    const f = fixture();
    const git = (...args: string[]) => execFileSync("git", args, { cwd: f.root, stdio: "ignore" });
    git("init", "-q", "-b", "main");
    git("add", ".");
    git("-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "content");
    return f;
  }

  test("passes when nothing was removed", async () => {
    const f = committed();
    f.edit(pm(API_ERRORS), "    status: open", "    status: wont-do\n    reason: Superseded by the new parser.");
    const result = await validate(f, "--against", "main");
    expect(result.code).toBe(0);
  });

  test("35. rejects an action item deleted since the ref, at the actionItems key", async () => {
    const f = committed();
    const text = f.read(pm(API_ERRORS));
    const next = f.write(pm(API_ERRORS), text.replace(/  - id: A2\n[\s\S]*?completed: "2024-04-10"\n/, ""));
    const { line, column } = positionOf(next, "actionItems:");
    const result = await validate(f, "--against", "main");
    expect(result.lines).toContain(
      `content/postmortems/${API_ERRORS}.mdx:${line}:${column}  actionItems  action item A2 ("Alert on parse errors") existed at main and has been deleted — put it back; to retire an item set status: wont-do and give a reason, never delete it`,
    );
    expect(result.code).toBe(1);
  });

  test("rejects a published postmortem deleted without a successor", async () => {
    const f = committed();
    f.remove(pm(WEBSITE_SLOW));
    f.edit(pm(API_ERRORS), "related: [2024-05-02-website-slow]", "related: []");
    const result = await validate(f, "--against", "main");
    expect(result.lines).toContain(
      `content/postmortems/${WEBSITE_SLOW}.mdx:1:1  (file)  postmortem "${WEBSITE_SLOW}" was published at main and is gone, so its URL would break — restore the file, or if it was renamed add "${WEBSITE_SLOW}" to the aliases of the new file`,
    );
    expect(result.code).toBe(1);
  });

  test("accepts a renamed postmortem whose old id is an alias", async () => {
    const f = committed();
    f.write(
      pm("2024-05-02-website-slow-pages"),
      f.read(pm(WEBSITE_SLOW)).replace("severity: SEV3", `severity: SEV3\naliases: [${WEBSITE_SLOW}]`),
    );
    f.remove(pm(WEBSITE_SLOW));
    f.edit(pm(API_ERRORS), "related: [2024-05-02-website-slow]", "related: [2024-05-02-website-slow-pages]");
    const result = await validate(f, "--against", "main");
    expect(result.stdout).toContain("✔ 2 postmortems");
    expect(result.code).toBe(0);
  });

  test("rejects a published postmortem turned back into a draft, at its status", async () => {
    const f = committed();
    const next = f.edit(pm(WEBSITE_SLOW), "status: published", "status: draft");
    const { line, column } = positionOf(next, "status:");
    const result = await validate(f, "--against", "main");
    expect(result.lines).toContain(
      `content/postmortems/${WEBSITE_SLOW}.mdx:${line}:${column}  status  postmortem "${WEBSITE_SLOW}" was published at main and is now draft, which would take its page, redirects and action items off the site — set status back to published; to take a postmortem back, set status: withdrawn and say why in withdrawnReason, which keeps its page with a notice`,
    );
    expect(result.code).toBe(1);
  });

  test("accepts a published postmortem withdrawn with a reason", async () => {
    const f = committed();
    f.edit(pm(WEBSITE_SLOW), "status: published", "status: withdrawn\nwithdrawnReason: A duplicate of the API postmortem.");
    const result = await validate(f, "--against", "main");
    expect(result.stdout).toContain("✔ 2 postmortems");
    expect(result.code).toBe(0);
  });

  test("rejects a published postmortem sent back to review", async () => {
    const f = committed();
    f.edit(pm(WEBSITE_SLOW), "status: published", "status: in-review");
    const result = await validate(f, "--against", "main");
    expect(result.stdout).toContain(`was published at main and is now in-review`);
    expect(result.code).toBe(1);
  });

  test("rejects an alias claimed by a postmortem git does not show as the renamed file", async () => {
    const f = committed();
    f.remove(pm(WEBSITE_SLOW));
    f.edit(pm(API_ERRORS), "related: [2024-05-02-website-slow]", "related: []");
    const next = f.edit(pm(API_ERRORS), "severity: SEV2", `severity: SEV2\naliases: [${WEBSITE_SLOW}]`);
    const { line, column } = positionOf(next, "aliases:");
    const result = await validate(f, "--against", "main");
    expect(result.lines).toContain(
      `content/postmortems/${API_ERRORS}.mdx:${line}:${column}  aliases  claims "${WEBSITE_SLOW}", which was published at main, but git does not show ${WEBSITE_SLOW}.mdx renamed to this file — an alias belongs only to the renamed file: restore ${WEBSITE_SLOW}.mdx, or rename it with \`git mv\` (keeping most of its text) and take over its aliases there`,
    );
    expect(result.code).toBe(1);
  });

  test("names the new file when git sees a rename that lacks the alias", async () => {
    const f = committed();
    f.write(pm("2024-05-02-website-slow-pages"), f.read(pm(WEBSITE_SLOW)));
    f.remove(pm(WEBSITE_SLOW));
    f.edit(pm(API_ERRORS), "related: [2024-05-02-website-slow]", "related: [2024-05-02-website-slow-pages]");
    const result = await validate(f, "--against", "main");
    expect(result.stdout).toContain(
      `git shows it renamed to 2024-05-02-website-slow-pages — add "${WEBSITE_SLOW}" to the aliases of content/postmortems/2024-05-02-website-slow-pages.mdx`,
    );
    expect(result.code).toBe(1);
  });

  test("rejects a renumbered action item, at its new id", async () => {
    const f = committed();
    const next = f.edit(pm(API_ERRORS), "  - id: A2\n", "  - id: A3\n");
    const { line, column } = positionOf(next, "A3");
    const result = await validate(f, "--against", "main");
    expect(result.lines).toContain(
      `content/postmortems/${API_ERRORS}.mdx:${line}:${column}  actionItems.1.id  action item ${API_ERRORS}#A2 ("Alert on parse errors") has been renumbered to A3 since main — item ids are permanent (links, tickets and priorActionItems use them): give it back the id A2`,
    );
    expect(result.code).toBe(1);
  });

  test("rejects an item id reused for a different commitment, and suggests a free id", async () => {
    const f = committed();
    const next = f.edit(pm(API_ERRORS), "    title: Alert on parse errors\n", "    title: Document the rollback runbook\n");
    const { line, column } = positionOf(next, "A2");
    const result = await validate(f, "--against", "main");
    expect(result.lines).toContain(
      `content/postmortems/${API_ERRORS}.mdx:${line}:${column}  actionItems.1.id  action item ${API_ERRORS}#A2 was ("Alert on parse errors") at main and is now ("Document the rollback runbook") — an id names one commitment forever: give the new item its own id (A3 is free) and keep A2 as it was (retire it with status: wont-do and a reason if it is dropped)`,
    );
    expect(result.code).toBe(1);
  });

  test("accepts a reworded item title", async () => {
    const f = committed();
    f.edit(pm(API_ERRORS), "    title: Alert on parse errors\n", "    title: Alert on request parse errors in the API\n");
    const result = await validate(f, "--against", "main");
    expect(result.code).toBe(0);
  });

  test("keeps every problem when a file's YAML has too many aliases to expand", async () => {
    const f = committed();
    const text = f.read(pm(WEBSITE_SLOW));
    const bomb = `x-anchor: &a [x, x, x, x, x, x, x, x, x, x]\nx-bomb: [${Array<string>(200).fill("*a").join(", ")}]\n`;
    f.write(pm(WEBSITE_SLOW), text.replace("---\n", `---\n${bomb}`));
    f.edit(pm(API_ERRORS), "    title: Alert on parse errors\n", "    title: Document the rollback runbook\n");
    const result = await validate(f, "--against", "main");
    expect(result.stderr).not.toContain("ReferenceError");
    expect(result.stdout).toContain(`action item ${API_ERRORS}#A2 was ("Alert on parse errors") at main`);
    expect(result.stdout).toContain(`content/postmortems/${WEBSITE_SLOW}.mdx:`);
    expect(result.code).toBe(1);
  });

  test("a ref that does not exist is a usage error with exit code 2", async () => {
    const result = await validate(committed(), "--against", "no-such-branch");
    expect(result.stderr).toContain('git ref "no-such-branch" does not exist — fetch it first');
    expect(result.code).toBe(2);
  });
});
