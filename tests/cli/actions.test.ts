import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { rmSync, writeFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, TEST_OUTPUT } from "../support/paths.ts";
import { frontmatter, item, writeContentFolder } from "../fixtures/ledger-content.ts";

const WORK = join(TEST_OUTPUT, `cli-actions-${process.pid}`);
afterAll(() => {
  rmSync(WORK, { recursive: true, force: true });
});

const content = writeContentFolder(join(WORK, "content"), [
  {
    id: "2026-09-01-login-failures",
    fields: frontmatter(
      "2026-09-01",
      [
        item({ id: "A1", title: "Alert on login errors", priority: "P0", owner: "sre", due: "2026-11-25", assignee: "Zoë" }),
        item({
          id: "A2",
          title: "Document the failover",
          priority: "P2",
          owner: "web-app",
          due: "2026-11-26",
          status: "in-progress",
        }),
        item({
          id: "A3",
          title: 'Rotate, then "audit" keys',
          priority: "P1",
          owner: "web-app",
          due: "2026-10-01",
          status: "blocked",
        }),
        item({
          id: "A4",
          title: "Add a canary",
          priority: "P1",
          owner: "sre",
          due: "2026-09-20",
          status: "done",
          completed: "2026-09-15",
        }),
      ],
      { services: ["auth"] },
    ),
  },
]);

function actions(...args: string[]) {
  const result = spawnSync(
    process.execPath,
    [join(ROOT, "bin/hindsight.mjs"), "actions", "--content", content, "--today", "2026-11-26", ...args],
    {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", HINDSIGHT_SITE: "" },
    },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("hindsight actions", () => {
  it("lists outstanding items as a table, overdue first, with a count line, and exits 0", () => {
    const { code, stdout } = actions();
    expect(code).toBe(0);
    const rows = stdout.split("\n").filter((l) => l.startsWith("2026-09-01"));
    expect(rows.map((r) => r.split(/\s+/)[0])).toEqual([
      "2026-09-01-login-failures#A3",
      "2026-09-01-login-failures#A1",
      "2026-09-01-login-failures#A2",
    ]);
    expect(rows[0]).toContain("1 month overdue");
    expect(stdout).toContain("3 items, 2 overdue, as of 2026-11-26.");
  });

  it("does not call an item due today overdue but does one due yesterday", () => {
    const { stdout } = actions("--overdue", "--format", "json");
    const keys = (JSON.parse(stdout) as { items: { key: string }[] }).items.map((i) => i.key);
    expect(keys).toContain("2026-09-01-login-failures#A1");
    expect(keys).not.toContain("2026-09-01-login-failures#A2");
  });

  it("filters by team, status and priority", () => {
    const { stdout } = actions("--team", "web-app", "--status", "all", "--priority", "P1,P2", "--format", "json");
    const parsed = JSON.parse(stdout) as { version: number; items: { key: string }[]; summary: { total: number } };
    expect(parsed.version).toBe(2);
    expect(parsed.items.map((i) => i.key)).toEqual(["2026-09-01-login-failures#A3", "2026-09-01-login-failures#A2"]);
    expect(parsed.summary.total).toBe(2);
  });

  it("writes CSV that parses back, quotes included", () => {
    const { code, stdout } = actions("--status", "blocked", "--format", "csv");
    expect(code).toBe(0);
    const records = parse<Record<string, string>>(stdout, { bom: true, columns: true });
    expect(records).toEqual([
      expect.objectContaining({ key: "2026-09-01-login-failures#A3", title: 'Rotate, then "audit" keys', overdue: "yes" }),
    ]);
  });

  it("prints a Markdown digest with links and exits 1 when overdue items of the given priorities exist", () => {
    const { code, stdout, stderr } = actions("--fail-on-overdue=P0,P1", "--site", "https://pm.example.com");
    expect(code).toBe(1);
    expect(stdout).toContain("## Overdue P0/P1 action items — as of 2026-11-26");
    expect(stdout).toContain(
      "- **P0** [2026-09-01-login-failures#A1](https://pm.example.com/postmortems/2026-09-01-login-failures/#item-A1): Alert on login errors — Site Reliability Engineering (Zoë), open, due 2026-11-25 (**1 day overdue**)",
    );
    expect(stdout).toContain("[2026-09-01-login-failures#A3]");
    expect(stderr).toContain("2 overdue P0/P1 action items as of 2026-11-26");
  });

  it("exits 0 with --fail-on-overdue when no overdue item has those priorities", () => {
    const { code, stdout } = actions("--fail-on-overdue=P2,P3");
    expect(code).toBe(0);
    expect(stdout).toContain("Nothing to report: no action items match.");
  });

  it("treats a bare --fail-on-overdue as every priority", () => {
    expect(actions("--fail-on-overdue").code).toBe(1);
  });

  it("rejects an unknown option value with a fix and exit code 2", () => {
    const { code, stderr } = actions("--priority", "P9");
    expect(code).toBe(2);
    expect(stderr).toContain('--priority "P9" is not allowed — use one of P0, P1, P2, P3');
  });

  it("rejects an unknown team with the known ones and exit code 2", () => {
    const { code, stderr } = actions("--team", "payments");
    expect(code).toBe(2);
    expect(stderr).toContain("--team payments is not in the teams catalog — use one of web-app, sre");
  });

  it("counts today in the site's time zone when content/site.yaml sets one", () => {
    // Kiritimati (UTC+14) and Pago Pago (UTC-11): at every hour of the UTC day at least one of them is on
    // another date than UTC, so a "today" taken in UTC fails this test at any time it runs.
    for (const zone of ["Pacific/Kiritimati", "Pacific/Pago_Pago"]) {
      const folder = writeContentFolder(join(WORK, zone.replace("/", "-")), [
        { id: "2026-09-01-login-failures", fields: frontmatter("2026-09-01", [item({ id: "A1", due: "2026-11-25" })]) },
      ]);
      writeFileSync(join(folder, "site.yaml"), `timeZone: ${zone}\n`);
      const inZone = () => new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(new Date());
      const before = inZone();
      const result = spawnSync(
        process.execPath,
        [join(ROOT, "bin/hindsight.mjs"), "actions", "--content", folder, "--priority", "P3"],
        { cwd: ROOT, encoding: "utf8", env: { ...process.env, HINDSIGHT_TODAY: "", HINDSIGHT_SITE: "" } },
      );
      expect(result.stderr).toBe("");
      // Either side of the run, should the zone's midnight fall during it.
      expect([before, inZone()]).toContain(/\(as of (\d{4}-\d{2}-\d{2})\)/.exec(result.stdout)?.[1]);
    }
  });

  it("reports invalid content with file, line, column and field, and exits 2", () => {
    const broken = writeContentFolder(join(WORK, "broken"), [
      { id: "2026-09-01-broken", fields: frontmatter("2026-09-01", [item({ priority: "urgent" })]) },
    ]);
    const result = spawnSync(process.execPath, [join(ROOT, "bin/hindsight.mjs"), "actions", "--content", broken], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/2026-09-01-broken\.mdx:\d+:\d+  actionItems\.0\.priority  "urgent" is not allowed/);
    expect(result.stderr).toContain("1 problem(s) in the content");
  });
});
