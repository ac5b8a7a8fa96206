import { execFile } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, extname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, test } from "vitest";
import { parse } from "yaml";
import { ROOT } from "../support/paths.ts";
import { cleanEnv } from "../support/clean-env.ts";
import { buildSite } from "../support/site.ts";
import { hindsight } from "./hindsight.ts";

const scratch = mkdtempSync(join(tmpdir(), "hindsight-init-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Every file under `dir`, relative, with forward slashes. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((path) => statSync(join(dir, path)).isFile())
    .map((path) => path.split("\\").join("/"))
    .sort();
}

/**
 * The sample company's names, read from the sample content itself: the organisation in its site
 * configuration, and the name its teams' e-mail domain spells (`lumen-analytics.example` → "lumen analytics").
 */
function sampleCompanyNames(): string[] {
  const names = new Set<string>();
  const site = join(ROOT, "content", "site.yaml");
  if (existsSync(site)) {
    const organisation = (parse(readFileSync(site, "utf8")) as { organisation?: string } | null)?.organisation;
    if (organisation) names.add(organisation.toLowerCase());
  }
  const teams = parse(readFileSync(join(ROOT, "content", "teams.yaml"), "utf8")) as { contact?: string }[];
  for (const team of teams) {
    const domain = /@([^.]+)\./.exec(team.contact ?? "")?.[1];
    if (domain) names.add(domain.replace(/-/g, " "));
  }
  // The distinctive first word alone, too ("lumen"), as pages may shorten the name.
  for (const name of [...names]) names.add(name.split(" ")[0] ?? name);
  return [...names].filter((name) => name.length > 3);
}

const TEXT_TYPES = new Set([".html", ".xml", ".json", ".csv", ".ics", ".txt", ".md", ".mdx", ".yaml", ".yml", ".js", ".css", ""]);

function mentionsOf(dir: string, names: string[]): string[] {
  return filesUnder(dir)
    .filter((path) => TEXT_TYPES.has(extname(path)))
    .flatMap((path) => {
      const text = readFileSync(join(dir, path), "utf8").toLowerCase();
      return names.filter((name) => text.includes(name)).map((name) => `${path}: ${name}`);
    });
}

describe("hindsight init", () => {
  const kb = join(scratch, "example-org");

  test("creates content, catalogs, configuration, CI and a writers' guide with --yes, and prints the next steps", async () => {
    const result = await hindsight(
      [
        "init",
        kb,
        "--name",
        "Example Org",
        "--yes",
        "--timezone",
        "Europe/Berlin",
        "--team",
        "Payments",
        "--service",
        "Checkout API",
      ],
      { cwd: scratch },
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Created a knowledge base for Example Org in example-org/");
    expect(result.stdout).toContain("npm install");
    const files = filesUnder(kb);
    expect(files).toEqual(
      expect.arrayContaining([
        ".github/workflows/check-pull-request.yml",
        ".github/workflows/overdue-digest.yml",
        ".github/workflows/publish.yml",
        ".gitignore",
        ".gitlab-ci.yml",
        "README.md",
        "content/services.yaml",
        "content/site.yaml",
        "content/taxonomy.yaml",
        "content/teams.yaml",
        "package.json",
      ]),
    );
    const drafts = files.filter((f) => f.startsWith("content/postmortems/"));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatch(/^content\/postmortems\/\d{4}-\d{2}-\d{2}-example-checkout-api-unavailable\.mdx$/);
    const draft = readFileSync(join(kb, drafts[0] ?? ""), "utf8");
    expect(draft).toContain("status: draft");
    expect(draft).toContain("services: [checkout-api]");
    expect(draft).toContain("teams: [payments]");
    expect(draft).toContain("timezone: Europe/Berlin");
    expect(parse(readFileSync(join(kb, "content/teams.yaml"), "utf8"))).toEqual([{ id: "payments", name: "Payments" }]);
    expect(parse(readFileSync(join(kb, "content/services.yaml"), "utf8"))).toEqual([
      { id: "checkout-api", name: "Checkout API", owner: "payments", tier: "tier-1" },
    ]);
    expect(parse(readFileSync(join(kb, "content/site.yaml"), "utf8"))).toMatchObject({
      organisation: "Example Org",
      siteName: "Example Org postmortems",
      timeZone: "Europe/Berlin",
    });
    expect(readFileSync(join(kb, "README.md"), "utf8")).toMatch(/^# Example Org postmortems\n/);
  });

  test("writes a package.json that runs Hindsight's commands from its dependency", () => {
    const pkg = JSON.parse(readFileSync(join(kb, "package.json"), "utf8")) as {
      name: string;
      scripts: Record<string, string>;
      dependencies: Record<string, string>;
    };
    expect(pkg.name).toBe("example-org-postmortems");
    expect(pkg.scripts).toMatchObject({ build: "hindsight build", validate: "hindsight validate", actions: "hindsight actions" });
    expect(pkg.dependencies["hindsight"]).toMatch(/^file:|#v\d/);
  });

  test("produces a knowledge base that validates", async () => {
    const result = await hindsight(["validate"], { cwd: kb });
    expect(result.stdout + result.stderr).toContain("valid");
    expect(result.code).toBe(0);
  });

  test("produces a knowledge base that builds, and neither it nor the site names the sample company", async () => {
    // As the Pages workflow builds it: the address and base path of a project site.
    const build = await buildSite("init-example-org", join(kb, "content"), {
      HINDSIGHT_SITE: "https://example-org.github.io",
      HINDSIGHT_BASE: "/postmortems/",
    });
    expect(build.output).not.toMatch(/\berror\b/i);
    expect(build.code).toBe(0);
    const home = readFileSync(join(build.dist, "index.html"), "utf8");
    expect(home).toContain("Example Org postmortems");
    expect(home).toContain('href="/postmortems/guide/"');
    expect(home).not.toMatch(/href="\/(?!postmortems\/)/);
    expect(existsSync(join(build.dist, "teams", "payments", "index.html"))).toBe(true);
    const names = sampleCompanyNames();
    expect(names.length).toBeGreaterThan(0);
    expect(mentionsOf(kb, names)).toEqual([]);
    expect(mentionsOf(build.dist, names)).toEqual([]);
  });

  test("refuses a folder that is not empty unless --force is given", async () => {
    const dir = join(scratch, "busy");
    mkdirSync(dir);
    writeFileSync(join(dir, "notes.txt"), "keep me\n");
    const refused = await hindsight(["init", dir, "--name", "Example Org", "--yes"], { cwd: scratch });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("busy is not empty — choose a new folder, or pass --force");
    expect(filesUnder(dir)).toEqual(["notes.txt"]);

    const forced = await hindsight(["init", dir, "--name", "Example Org", "--yes", "--force"], { cwd: scratch });
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, "notes.txt"), "utf8")).toBe("keep me\n");
    expect(existsSync(join(dir, "content", "teams.yaml"))).toBe(true);
  });

  /** Runs init in a pseudo-terminal (util-linux `script`), typing `answers` into it. */
  function inTerminal(dir: string, answers: string[]) {
    const command = [process.execPath, join(ROOT, "bin", "hindsight.mjs"), "init", dir].map((a) => `'${a}'`).join(" ");
    return new Promise<{ code: number; output: string }>((resolve, reject) => {
      const child = execFile(
        "script",
        ["-qec", command, "/dev/null"],
        { cwd: scratch, env: { ...process.env, NO_COLOR: "1" } },
        (error, stdout) =>
          error && typeof error.code !== "number"
            ? reject(new Error(error.message))
            : resolve({ code: error ? Number(error.code) : 0, output: stdout }),
      );
      child.stdin?.end(answers.map((a) => `${a}\n`).join(""));
    });
  }

  test("asks for each value in a terminal, offering the defaults", async () => {
    const dir = join(scratch, "asked");
    const result = await inTerminal(dir, [
      "Acme Corp",
      "",
      "https://kb.acme.example/",
      "Europe/Paris",
      "Payments",
      "Billing API",
    ]);
    expect(result.code).toBe(0);
    expect(result.output).toContain("Organisation name: ");
    expect(result.output).toContain("Site title [Acme Corp postmortems]: ");
    expect(result.output).toContain("Created a knowledge base for Acme Corp");
    expect(parse(readFileSync(join(dir, "content/site.yaml"), "utf8"))).toMatchObject({
      organisation: "Acme Corp",
      siteName: "Acme Corp postmortems",
      url: "https://kb.acme.example/",
      timeZone: "Europe/Paris",
    });
    expect(parse(readFileSync(join(dir, "content/services.yaml"), "utf8"))).toMatchObject([
      { id: "billing-api", owner: "payments" },
    ]);
  });

  test("writes nothing when the terminal input ends before every question is answered", async () => {
    const dir = join(scratch, "abandoned");
    const result = await inTerminal(dir, ["Acme Corp"]);
    expect(result.code).toBe(130);
    expect(result.output).toContain("hindsight init: cancelled — nothing was written");
    expect(existsSync(dir)).toBe(false);
  });

  test("asks nothing when input is not a terminal, and says which option is missing", async () => {
    const result = await hindsight(["init", join(scratch, "unnamed")], { cwd: scratch, input: "Example Org\n" });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the organisation\'s name is required — pass --name "Example Org"');
    expect(existsSync(join(scratch, "unnamed"))).toBe(false);
  });

  test.each([
    [["--timezone", "Mars/Olympus"], '"Mars/Olympus" is not an IANA time zone — pass --timezone Europe/London'],
    [["--url", "intranet/postmortems"], '--url "intranet/postmortems" is not a web address — give one like https://'],
    [["--team", "!!!"], '--team "!!!" has no letters or digits to make an id from'],
    [["--site-name", "x".repeat(81)], "siteName: is longer than 80 characters — shorten the site's name"],
  ])("rejects %j with a message that says how to fix it", async (flags, message) => {
    const result = await hindsight(["init", join(scratch, "rejected"), "--name", "Example Org", "--yes", ...flags], {
      cwd: scratch,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(existsSync(join(scratch, "rejected"))).toBe(false);
  });

  test("names Hindsight in package.json as --hindsight says", async () => {
    const dir = join(scratch, "pinned");
    const spec = "git+https://git.example.com/tools/hindsight.git#v1.2.0";
    const result = await hindsight(["init", dir, "--name", "Example Org", "--yes", "--hindsight", spec], { cwd: scratch });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain("CI cannot install that");
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    expect(pkg.dependencies).toEqual({ hindsight: spec });
  });
});

describe("a knowledge base with Hindsight installed as a dependency", () => {
  const kb = join(scratch, "installed");

  /**
   * Lays Hindsight out as npm installs it from a release: the files package.json publishes, copied into the
   * knowledge base's node_modules/hindsight (where Node will not strip TypeScript types by itself), its
   * dependencies beside it and its command in node_modules/.bin.
   */
  function install(): void {
    const modules = join(kb, "node_modules");
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { files: string[] };
    for (const entry of [...pkg.files, "package.json"]) {
      if (existsSync(join(ROOT, entry))) cpSync(join(ROOT, entry), join(modules, "hindsight", entry), { recursive: true });
    }
    for (const entry of readdirSync(join(ROOT, "node_modules"))) {
      if (entry.startsWith(".") || entry === "hindsight") continue;
      symlinkSync(join(ROOT, "node_modules", entry), join(modules, entry));
    }
    mkdirSync(join(modules, ".bin"));
    symlinkSync(join("..", "hindsight", "bin", "hindsight.mjs"), join(modules, ".bin", "hindsight"));
  }

  const npm = (script: string) =>
    promisify(execFile)("npm", ["run", script], {
      cwd: kb,
      env: { ...cleanEnv(), PATH: [dirname(process.execPath), process.env["PATH"] ?? ""].join(delimiter), NO_COLOR: "1" },
      maxBuffer: 64 * 1024 * 1024,
    });

  test("validates and builds through its own npm scripts", async () => {
    const created = await hindsight(["init", kb, "--name", "Example Org", "--yes", "--hindsight", "^0.1.0"], { cwd: scratch });
    expect(created.code).toBe(0);
    install();
    const validated = await npm("validate");
    expect(validated.stdout).toContain("1 postmortem and 3 catalogs are valid");
    // Hindsight's own files, stripped of their types, are kept in the knowledge base's cache, not in the package.
    expect(readdirSync(join(kb, "node_modules", ".cache", "hindsight", "typescript")).length).toBeGreaterThan(10);
    expect(existsSync(join(kb, "node_modules", "hindsight", "node_modules"))).toBe(false);
    const built = await npm("build");
    expect(built.stdout).toContain("Complete!");
    expect(existsSync(join(kb, "dist", "index.html"))).toBe(true);
    expect(existsSync(join(kb, "dist", "pagefind", "pagefind.js"))).toBe(true);
    expect(readdirSync(join(kb, "dist", "_astro")).some((f) => f.endsWith(".js"))).toBe(true);
  });
});
