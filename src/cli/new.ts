/** `hindsight new`: scaffolds a draft postmortem from flags, or from prompts in a terminal. */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { createInterface } from "node:readline/promises";
import { parse } from "yaml";
import { contentDir, contentPaths } from "../lib/content-paths.ts";
import { loadSiteConfig } from "../lib/site/config.ts";
import { localInstant, postmortemIdFor, resolveStarted, scaffoldPostmortem } from "../lib/scaffold/postmortem-template.ts";
import { catalogId } from "../lib/schema/identifiers.ts";
import { isTimeZone } from "../lib/schema/time.ts";
import { SEVERITIES, type Severity } from "../lib/schema/vocabulary.ts";
import { readArguments } from "./arguments.ts";

export const summary = "Scaffold a draft postmortem (content/postmortems/<date>-<slug>.mdx)";

const HELP = `Usage: hindsight new [--title <text>] [--severity SEV1|SEV2|SEV3|SEV4] [--services a,b] [--started <time>]
                     [--teams a,b] [--timezone <IANA zone>] [--author <name>]... [--dir <folder>] [--content <dir>]

Writes a draft postmortem with every section and short guidance comments. In a terminal, missing
values are asked for; otherwise --title, --severity and --services are required.

  --started    when impact began: "2026-11-25T14:05" in --timezone, or with an offset; default now
  --teams      default: the owners of the services in services.yaml
  --timezone   default: timeZone in <content>/site.yaml, else this computer's time zone
  --author     one author per flag, written as given ("Raman, Priya" is one name); repeat it for
               several authors; default: git's user.name
  --dir        the postmortems folder (default: <content>/postmortems)`;

interface Catalog {
  services: Map<string, string>;
  teams: Set<string>;
}

function readCatalog(dir: string): Catalog {
  const paths = contentPaths(dir);
  const list = (file: string): Record<string, unknown>[] => {
    try {
      const data: unknown = parse(readFileSync(file, "utf8"));
      return Array.isArray(data) ? (data as Record<string, unknown>[]) : [];
    } catch {
      return [];
    }
  };
  const services = new Map(list(paths.services).map((s) => [String(s["id"]), String(s["owner"])]));
  return { services, teams: new Set(list(paths.teams).map((t) => String(t["id"]))) };
}

function gitUserName(): string | undefined {
  try {
    return (
      execFileSync("git", ["config", "user.name"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim() || undefined
    );
  } catch {
    return undefined;
  }
}

const splitList = (value: string) =>
  value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

export async function run(args: string[]): Promise<number> {
  const parsed = readArguments("new", HELP, {
    args,
    options: {
      title: { type: "string" },
      severity: { type: "string" },
      services: { type: "string" },
      teams: { type: "string" },
      started: { type: "string" },
      timezone: { type: "string" },
      author: { type: "string", multiple: true },
      dir: { type: "string" },
      content: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (typeof parsed === "number") return parsed;
  const { values } = parsed;
  const content = values.content ?? contentDir();
  const catalog = readCatalog(content);
  const interactive = process.stdin.isTTY && process.stdout.isTTY;
  const rl = interactive ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
  const ask = async (question: string, fallback?: string) => {
    if (!rl) return fallback ?? "";
    const answer = (await rl.question(fallback ? `${question} [${fallback}]: ` : `${question}: `)).trim();
    return answer || fallback || "";
  };
  const fail = (message: string) => {
    rl?.close();
    console.error(`hindsight new: ${message}`);
    return 2;
  };

  try {
    const site = loadSiteConfig(content).config;
    const timezone = values.timezone ?? site.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!isTimeZone(timezone))
      return fail(`"${timezone}" is not an IANA time zone — pass --timezone Europe/London, America/Los_Angeles, UTC, …`);
    const title = (values.title ?? (await ask("Title (what broke, for whom)"))).trim();
    if (!title) return fail('a title is required — pass --title "Dashboards down after a config push"');
    if (/\p{Cc}/u.test(title))
      return fail("the title is one line of text — remove the line breaks and control characters from --title");
    const severity = (values.severity ?? (await ask(`Severity (${SEVERITIES.join(", ")})`, "SEV3"))).trim().toUpperCase();
    if (!(SEVERITIES as readonly string[]).includes(severity))
      return fail(`severity "${severity}" is not one of ${SEVERITIES.join(", ")} — see the guide for what each means`);
    const known = [...catalog.services.keys()];
    const services = splitList(
      values.services ?? (await ask(`Affected services (comma-separated; known: ${known.join(", ") || "none yet"})`)),
    );
    if (services.length === 0) return fail("at least one service is required — pass --services api,website");
    const unknown = services.filter((s) => known.length > 0 && !catalog.services.has(s));
    if (unknown.length > 0)
      return fail(
        `${unknown.join(", ")} ${unknown.length === 1 ? "is" : "are"} not in ${contentPaths(content).services} — use one of ${known.join(", ")}, or add it there first`,
      );
    const owners = [...new Set(services.map((s) => catalog.services.get(s)).filter((t): t is string => t !== undefined))];
    const teams = splitList(
      values.teams ?? (rl ? await ask("Teams involved (comma-separated)", owners.join(",")) : owners.join(",")),
    );
    if (teams.length === 0) return fail("at least one team is required — pass --teams platform");
    const startedInput =
      values.started ??
      (await ask("When did impact begin? (YYYY-MM-DDTHH:MM, your local time)", localInstant(new Date(), timezone).slice(0, 16)));
    const resolved = startedInput ? resolveStarted(startedInput, timezone) : undefined;
    if (resolved?.ok === false) return fail(resolved.message);
    const started = resolved?.iso ?? localInstant(new Date(), timezone);
    const badId = [...services, ...teams].find((id) => !catalogId.safeParse(id).success);
    if (badId !== undefined)
      return fail(
        `"${badId}" is not an id — services and teams are lower-case words joined by hyphens, for example data-platform`,
      );
    const authors = (values.author ?? [gitUserName() ?? process.env["USER"] ?? "Your Name"]).map((a) => a.trim());
    const badAuthor = authors.find((a) => a === "" || /\p{Cc}/u.test(a));
    if (badAuthor !== undefined)
      return fail(
        `author ${JSON.stringify(badAuthor)} is ${badAuthor === "" ? "empty" : "not one line of text"} — pass each author's name as one --author flag`,
      );
    rl?.close();

    const id = postmortemIdFor(started, title);
    const dir = values.dir ?? contentPaths(content).postmortems;
    const file = join(dir, `${id}.mdx`);
    const shown = relative(process.cwd(), file).split(sep).join("/");
    const exists = () => {
      console.error(`hindsight new: ${shown} already exists — edit it, or choose another title or start time`);
      return 1;
    };
    if (existsSync(file)) return exists();
    mkdirSync(dir, { recursive: true });
    try {
      // "wx": never replace a file, even one created since the check above.
      writeFileSync(
        file,
        scaffoldPostmortem({
          title,
          severity: severity as Severity,
          services,
          teams,
          started,
          timezone,
          authors,
          severities: site.severities,
        }),
        { flag: "wx" },
      );
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") return exists();
      throw error;
    }
    console.log(`Created ${shown}

Next steps:
  1. Fill in the summary, impact, timeline, causes and action items; the comments in the file explain each field.
  2. Run \`npm run validate\` until it reports no problems.
  3. Preview it with \`npm run dev\` at /postmortems/${id}/ (drafts show only in the preview).
  4. Set status: in-review and open a pull request: the review happens there. Merge it with status: published.`);
    return 0;
  } finally {
    rl?.close();
  }
}
