/** `hindsight init <dir>`: a new knowledge base for an organisation, ready to validate, build and publish. */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { knowledgeBaseFiles, siteConfigProblems, type InitAnswers } from "../lib/init/knowledge-base.ts";
import { localInstant, slugify } from "../lib/scaffold/postmortem-template.ts";
import { isWebUrl } from "../lib/schema/links.ts";
import { isTimeZone } from "../lib/schema/time.ts";
import { readArguments } from "./arguments.ts";

export const summary = "Create a new knowledge base for your organisation (content, catalogs, CI, guide)";

const HELP = `Usage: hindsight init <dir> [--name <organisation>] [--site-name <title>] [--url <address>]
                      [--timezone <IANA zone>] [--team <name>] [--service <name>]
                      [--hindsight <version|git URL|file:path>] [--yes] [--force]

Creates a knowledge base in <dir>: content/ with an example draft, a team and a service to edit, the
cause taxonomy and the site configuration; package.json with Hindsight as its dependency; CI for GitHub
(.github/workflows) and GitLab (.gitlab-ci.yml); and a README for the people who write postmortems.
In a terminal, missing values are asked for; with --yes, or when input is not a terminal, the options
and their defaults are used and --name is required.

  --name        the organisation, for example "Example Org"
  --site-name   the site's title (default: "<name> postmortems")
  --url         the site's public address, if known (CI can set it when it publishes)
  --timezone    the time zone most readers think in (default: this computer's)
  --team        the first team of the catalog (default: "Platform")
  --service     the first service of the catalog (default: "Website")
  --hindsight   how package.json refers to Hindsight (default: this release's repository and version,
                or its folder as a file: path when it has no repository)
  --yes         ask nothing
  --force       write into a folder that is not empty (files with the same names are replaced)`;

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Where this Hindsight comes from: `git+<repository>#v<version>`, or its folder seen from `target`. */
function defaultHindsightSpec(target: string): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
    version: string;
    repository?: string | { url?: string };
  };
  const repository = typeof pkg.repository === "string" ? pkg.repository : pkg.repository?.url;
  if (repository) return `${repository}#v${pkg.version}`;
  const path = relative(target, ROOT).split(sep).join("/") || ".";
  return `file:${path}`;
}

/** The input ended (Ctrl+D) before every question had an answer. */
class Cancelled extends Error {}

function isEmptyFolder(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

export async function run(args: string[]): Promise<number> {
  const parsed = readArguments("init", HELP, {
    args,
    allowPositionals: true,
    options: {
      name: { type: "string" },
      "site-name": { type: "string" },
      url: { type: "string" },
      timezone: { type: "string" },
      team: { type: "string" },
      service: { type: "string" },
      hindsight: { type: "string" },
      yes: { type: "boolean", short: "y" },
      force: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    console.error(`hindsight init: give the folder to create, for example \`hindsight init postmortems\`\n\n${HELP}`);
    return 2;
  }
  // `npm run init` runs in Hindsight's folder; npm passes where the user typed it as INIT_CWD.
  const here = (process.env["npm_lifecycle_event"] === "init" && process.env["INIT_CWD"]) || process.cwd();
  const dir = resolve(here, positionals[0] ?? ".");
  const fromHere = relative(here, dir).split(sep).join("/");
  const shown = fromHere === "" ? "." : fromHere.startsWith("../") ? dir : fromHere;
  if (!isEmptyFolder(dir) && !values.force) {
    console.error(
      `hindsight init: ${shown} is not empty — choose a new folder, or pass --force to write into it (files with the same names are replaced)`,
    );
    return 1;
  }

  const interactive = !values.yes && process.stdin.isTTY && process.stdout.isTTY;
  const rl = interactive ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
  // Lines are read through the iterator, which keeps answers typed (or pasted) ahead of their question.
  const lines = rl?.[Symbol.asyncIterator]();
  const ask = async (question: string, given: string | undefined, fallback: string): Promise<string> => {
    if (given !== undefined || !lines) return (given ?? fallback).trim();
    process.stdout.write(fallback ? `${question} [${fallback}]: ` : `${question}: `);
    const next = await lines.next();
    if (next.done) throw new Cancelled();
    return next.value.trim() || fallback;
  };
  const fail = (message: string) => {
    console.error(`hindsight init: ${message}`);
    return 2;
  };

  let answers: InitAnswers;
  try {
    const organisation = await ask("Organisation name", values.name, "");
    if (!organisation) return fail('the organisation\'s name is required — pass --name "Example Org"');
    const siteName = await ask("Site title", values["site-name"], `${organisation} postmortems`);
    const url = await ask("Public address of the site (leave empty if CI decides it)", values.url, "");
    if (url && !isWebUrl(url))
      return fail(`--url ${JSON.stringify(url)} is not a web address — give one like https://postmortems.example.com/`);
    const timeZone = await ask(
      "Time zone most readers think in",
      values.timezone,
      Intl.DateTimeFormat().resolvedOptions().timeZone,
    );
    if (!isTimeZone(timeZone))
      return fail(
        `${JSON.stringify(timeZone)} is not an IANA time zone — pass --timezone Europe/London, America/New_York, UTC, …`,
      );
    const teamName = await ask("First team", values.team, "Platform");
    const serviceName = await ask("First service", values.service, "Website");
    const hasWords = (name: string) => /[a-z0-9]/i.test(name.normalize("NFKD"));
    const team = { id: slugify(teamName), name: teamName };
    const service = { id: slugify(serviceName), name: serviceName };
    if (!hasWords(teamName))
      return fail(`--team ${JSON.stringify(teamName)} has no letters or digits to make an id from — name the team in words`);
    if (!hasWords(serviceName))
      return fail(
        `--service ${JSON.stringify(serviceName)} has no letters or digits to make an id from — name the service in words`,
      );
    answers = {
      organisation,
      siteName,
      url: url || undefined,
      timeZone,
      team,
      service,
      hindsight: values.hindsight ?? defaultHindsightSpec(dir),
      started: localInstant(new Date(), timeZone),
      author: process.env["USER"] || "Your Name",
    };
  } catch (error) {
    if (!(error instanceof Cancelled)) throw error;
    console.error("\nhindsight init: cancelled — nothing was written");
    return 130;
  } finally {
    rl?.close();
  }

  const problems = siteConfigProblems(answers);
  if (problems.length > 0) return fail(`the site configuration would not be valid:\n  ${problems.join("\n  ")}`);
  const files = knowledgeBaseFiles(answers);
  for (const file of files) {
    const path = join(dir, ...file.path.split("/"));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text);
  }
  const spec = answers.hindsight;
  console.log(`Created a knowledge base for ${answers.organisation} in ${shown}/ (${files.length} files).

Next steps:
  1. cd ${shown} && git init && npm install   (commit package-lock.json: CI installs from it)
  2. Edit content/teams.yaml, content/services.yaml and content/site.yaml; keep or remove the example draft.
  3. npm run validate && npm run build        (npm run dev previews the site at http://localhost:4321/)
  4. Push to GitHub and choose Settings → Pages → Source: GitHub Actions, or push to GitLab: the workflows
     check pull requests, publish the main branch and post a weekly digest of overdue action items.
  README.md is the guide for your writers.${
    spec.startsWith("file:")
      ? `

package.json refers to Hindsight as "${spec}", a folder on this computer: CI cannot install that. Replace it
with a version or git URL your CI can reach (or run init again with --hindsight <spec>).`
      : ""
  }`);
  return 0;
}
