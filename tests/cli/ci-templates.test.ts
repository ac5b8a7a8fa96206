/**
 * The CI files `hindsight init` ships: GitHub workflows checked against the official workflow schema
 * (action-validator, offline), the GitLab file against GitLab's CI schema (gitlab-ci-local, offline), and
 * the overdue-digest scripts of both run for real against stand-in issue trackers.
 */
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { promisify } from "node:util";
import { validateWorkflow } from "@action-validator/core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parse } from "yaml";
import { knowledgeBaseFiles } from "../../src/lib/init/knowledge-base.ts";
import { readTemplate, templatePath } from "../../src/lib/init/templates-dir.ts";
import { fakeGitLab, writeFakeGh, type FakeIssue } from "../support/fake-issues.ts";
import { FIXTURES, ROOT } from "../support/paths.ts";

const run = promisify(execFile);

const WORKFLOWS = ["check-pull-request", "publish", "overdue-digest"] as const;

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { steps?: Step[] }>;
}

const workflow = (name: (typeof WORKFLOWS)[number]) => parse(readTemplate(`github/workflows/${name}.yml`)) as Workflow;
const steps = (wf: Workflow) => Object.values(wf.jobs).flatMap((job) => job.steps ?? []);
const runs = (wf: Workflow) =>
  steps(wf)
    .map((s) => s.run ?? "")
    .join("\n");

const scratch = mkdtempSync(join(tmpdir(), "hindsight-ci-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Node 22 (the project's pinned runtime) and npm first on PATH, as a CI runner has them. */
const NODE_PATH = [dirname(process.execPath), join(ROOT, "node_modules", ".bin"), process.env["PATH"] ?? ""].join(delimiter);

describe("the GitHub workflows", () => {
  test.each(WORKFLOWS)("%s.yml is valid against GitHub's workflow schema", (name) => {
    expect(validateWorkflow(readTemplate(`github/workflows/${name}.yml`)).errors).toEqual([]);
  });

  test("the schema check catches a misspelt key, so a passing check means something", () => {
    const broken = readTemplate("github/workflows/publish.yml").replace("runs-on:", "runs_on:");
    expect(validateWorkflow(broken).errors).not.toEqual([]);
  });

  test("pull requests are validated against their base branch as annotations, then built", () => {
    const wf = workflow("check-pull-request");
    expect(Object.keys(wf.on)).toEqual(["pull_request"]);
    expect(steps(wf).find((s) => s.uses?.startsWith("actions/checkout@"))?.with).toEqual({ "fetch-depth": 0 });
    expect(runs(wf)).toContain('npm run validate -- --format github --against "origin/$BASE_REF"');
    expect(steps(wf).find((s) => s.run?.includes("--against"))?.env).toEqual({ BASE_REF: "${{ github.base_ref }}" });
    expect(runs(wf)).toContain("npm run build");
  });

  test("main is built under the Pages base path and deployed with the Pages actions", () => {
    const wf = workflow("publish");
    expect(wf.on).toMatchObject({ push: { branches: ["main"] } });
    expect(wf.permissions).toMatchObject({ pages: "write", "id-token": "write" });
    const uses = steps(wf).map((s) => s.uses?.split("@")[0]);
    expect(uses).toEqual(
      expect.arrayContaining(["actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"]),
    );
    const build = steps(wf).find((s) => s.run === "npm run build");
    expect(build?.env).toEqual({
      HINDSIGHT_SITE: "${{ steps.pages.outputs.origin }}",
      HINDSIGHT_BASE: "${{ steps.pages.outputs.base_path }}/",
    });
    expect(steps(wf).find((s) => s.uses?.startsWith("actions/upload-pages-artifact@"))?.with).toEqual({ path: "dist" });
  });

  test("the digest runs weekly with the right to write issues", () => {
    const wf = workflow("overdue-digest");
    expect(wf.on).toMatchObject({ schedule: [{ cron: "0 7 * * 1" }] });
    expect(wf.permissions).toMatchObject({ issues: "write" });
    expect(runs(wf)).toContain("npm run --silent actions -- --fail-on-overdue > digest.md");
  });

  test("every npm script the CI files call exists here and in a new knowledge base", () => {
    const called = new Set(
      [...WORKFLOWS.map((name) => readTemplate(`github/workflows/${name}.yml`)), readTemplate("gitlab-ci.yml")]
        .join("\n")
        .matchAll(/npm run (?:--silent )?([a-z:-]+)/g)
        .map((m) => m[1] ?? ""),
    );
    expect([...called].sort()).toEqual(["actions", "build", "validate"]);
    const own = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
    const created = knowledgeBaseFiles({
      organisation: "Example Org",
      siteName: "Example Org postmortems",
      timeZone: "UTC",
      team: { id: "platform", name: "Platform" },
      service: { id: "website", name: "Website" },
      hindsight: "file:../hindsight",
      started: "2026-11-30T09:00:00+00:00",
      author: "Ada",
    }).find((f) => f.path === "package.json");
    const theirs = JSON.parse(created?.text ?? "{}") as { scripts: Record<string, string> };
    for (const script of called) {
      expect(own.scripts, script).toHaveProperty(script);
      expect(theirs.scripts, script).toHaveProperty(script);
    }
  });

  describe("the digest keeps ONE issue", () => {
    const wf = workflow("overdue-digest");
    const write = steps(wf).find((s) => s.id === "digest")?.run ?? "";
    const post = steps(wf).find((s) => s.run?.includes("gh issue"))?.run ?? "";
    const repo = join(scratch, "github-repo");
    let issuesFile = "";
    const issues = () => JSON.parse(readFileSync(issuesFile, "utf8")) as (FakeIssue & { comment?: string })[];

    beforeAll(() => {
      // A knowledge base with an overdue item, whose `hindsight` is this checkout, and a stand-in `gh`.
      cpSync(join(FIXTURES, "content-minimal"), join(repo, "content"), { recursive: true });
      writeFileSync(join(repo, "package.json"), JSON.stringify({ scripts: { actions: "hindsight actions" } }));
      mkdirSync(join(repo, "node_modules", ".bin"), { recursive: true });
      symlinkSync(join(ROOT, "bin", "hindsight.mjs"), join(repo, "node_modules", ".bin", "hindsight"));
      mkdirSync(join(repo, "bin"));
      issuesFile = writeFakeGh(join(repo, "bin")).issuesFile;
    });

    async function step(script: string, env: Record<string, string> = {}) {
      const output = join(repo, "github-output");
      writeFileSync(output, "");
      const result = await run("bash", ["-e", "-c", script], {
        cwd: repo,
        env: { ...process.env, PATH: [join(repo, "bin"), NODE_PATH].join(delimiter), GITHUB_OUTPUT: output, ...env },
      });
      return {
        ...result,
        outputs: Object.fromEntries(
          readFileSync(output, "utf8")
            .trim()
            .split("\n")
            .map((l) => l.split("=") as [string, string]),
        ),
      };
    }

    test("creates it the first week, replaces its text the next, and closes it when nothing is overdue", async () => {
      const first = await step(write);
      expect(first.outputs).toEqual({ code: "1" });
      expect(readFileSync(join(repo, "digest.md"), "utf8")).toContain("Add parser tests");
      await step(post, { OVERDUE: "1" });
      expect(issues()).toMatchObject([{ number: 1, title: "Overdue action items", labels: ["overdue-digest"], state: "open" }]);

      writeFileSync(join(repo, "digest.md"), "Next week's digest\n");
      await step(post, { OVERDUE: "1" });
      expect(issues()).toHaveLength(1);
      expect(issues()[0]?.body).toBe("Next week's digest\n");

      await step(post, { OVERDUE: "0" });
      expect(issues()).toHaveLength(1);
      expect(issues()[0]?.state).toBe("closed");
      expect(issues()[0]?.comment).toMatch(/^Nothing is overdue any more/);

      writeFileSync(join(repo, "digest.md"), "Overdue again\n");
      await step(post, { OVERDUE: "1" });
      expect(issues().map((i) => i.state)).toEqual(["closed", "open"]);
    });
  });
});

describe("the GitLab CI file", () => {
  const project = join(scratch, "gitlab-project");
  const gitlabCiLocal = join(ROOT, "node_modules", "gitlab-ci-local", "dist", "index.js");

  beforeAll(async () => {
    mkdirSync(project);
    writeFileSync(join(project, ".gitlab-ci.yml"), readTemplate("gitlab-ci.yml"));
    const git = (...args: string[]) => run("git", args, { cwd: project });
    await git("init", "--quiet", "--initial-branch=main");
    await git("-c", "user.name=CI", "-c", "user.email=ci@example.com", "commit", "--quiet", "--allow-empty", "-m", "start");
  });

  /** The jobs GitLab would run for a pipeline source, as gitlab-ci-local lists them after checking the schema. */
  async function jobsFor(source: string): Promise<string[]> {
    const { stdout, stderr } = await run(
      process.execPath,
      [gitlabCiLocal, "--list", "--ignore-predefined-vars", "CI_PIPELINE_SOURCE", "--variable", `CI_PIPELINE_SOURCE=${source}`],
      { cwd: project, env: { ...process.env, PATH: NODE_PATH } },
    );
    expect(stderr).toContain("json schema validated");
    const table = stdout.slice(stdout.lastIndexOf("name "));
    return table
      .split("\n")
      .slice(1)
      .map((line) => line.split(/\s+/)[0] ?? "")
      .filter(Boolean);
  }

  test("is valid against GitLab's CI schema, and runs each of the three jobs on its own occasion", async () => {
    expect(await jobsFor("merge_request_event")).toEqual(["check"]);
    expect(await jobsFor("push")).toEqual(["pages"]);
    expect(await jobsFor("schedule")).toEqual(["overdue-digest"]);
  });

  test("the schema check catches a misspelt key, so a passing check means something", async () => {
    const broken = join(scratch, "gitlab-broken");
    cpSync(project, broken, { recursive: true });
    writeFileSync(join(broken, ".gitlab-ci.yml"), readTemplate("gitlab-ci.yml").replace("  rules:", "  rulez:"));
    const failure = await run(process.execPath, [gitlabCiLocal, "--list"], { cwd: broken }).then(
      () => undefined,
      (error: unknown) => error as { code: number; stdout: string; stderr: string },
    );
    expect(failure?.code).toBe(1);
    expect(`${failure?.stdout}${failure?.stderr}`).toContain("'rulez' property is not expected to be here");
  });

  test("checks merge requests against their target branch and builds; publishes dist for Pages", () => {
    const ci = parse(readTemplate("gitlab-ci.yml")) as Record<
      string,
      { script?: string[]; pages?: unknown; variables?: unknown }
    >;
    expect(ci["check"]?.script).toEqual(
      expect.arrayContaining(['npm run validate -- --against "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"', "npm run build"]),
    );
    expect(ci["check"]?.variables).toEqual({ GIT_DEPTH: "0" });
    expect(ci["pages"]?.pages).toEqual({ publish: "dist" });
  });

  test("the digest creates one issue, replaces its text the next week and closes it when nothing is overdue", async () => {
    const ci = parse(readTemplate("gitlab-ci.yml")) as Record<string, { variables?: Record<string, { value: string }> }>;
    const script = ci["overdue-digest"]?.variables?.["DIGEST_ISSUE"]?.value ?? "";
    const gitlab = await fakeGitLab("42");
    const folder = join(scratch, "gitlab-digest");
    mkdirSync(folder);
    const post = async (digest: string, overdue: string) => {
      writeFileSync(join(folder, "digest.md"), digest);
      await run(process.execPath, ["--input-type=module", "-e", script], {
        cwd: folder,
        env: {
          ...process.env,
          CI_API_V4_URL: gitlab.api,
          CI_PROJECT_ID: "42",
          HINDSIGHT_ISSUES_TOKEN: "secret-token",
          OVERDUE: overdue,
        },
      });
    };
    try {
      await post("Week one\n", "1");
      await post("Week two\n", "1");
      expect(gitlab.issues).toMatchObject([
        { title: "Overdue action items", labels: ["overdue-digest"], body: "Week two\n", state: "open" },
      ]);
      await post("", "0");
      expect(gitlab.issues).toMatchObject([{ state: "closed" }]);
    } finally {
      await gitlab.close();
    }
  });

  test("the digest fails loudly when GitLab refuses the token", async () => {
    const ci = parse(readTemplate("gitlab-ci.yml")) as Record<string, { variables?: Record<string, { value: string }> }>;
    const script = ci["overdue-digest"]?.variables?.["DIGEST_ISSUE"]?.value ?? "";
    const gitlab = await fakeGitLab("42");
    const folder = join(scratch, "gitlab-refused");
    mkdirSync(folder);
    writeFileSync(join(folder, "digest.md"), "Week one\n");
    try {
      const failure = await run(process.execPath, ["--input-type=module", "-e", script], {
        cwd: folder,
        env: { ...process.env, CI_API_V4_URL: gitlab.api, CI_PROJECT_ID: "42", HINDSIGHT_ISSUES_TOKEN: "wrong", OVERDUE: "1" },
      }).then(
        () => undefined,
        (error: unknown) => error as { code: number; stderr: string },
      );
      expect(failure?.code).toBe(1);
      expect(failure?.stderr).toContain("GitLab answered 401");
      expect(gitlab.issues).toEqual([]);
    } finally {
      await gitlab.close();
    }
  });
});

test("the template files are where init reads them", () => {
  expect(readFileSync(templatePath("gitlab-ci.yml"), "utf8")).toBe(readTemplate("gitlab-ci.yml"));
});
