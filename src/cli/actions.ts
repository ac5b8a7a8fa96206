/** `hindsight actions`: the action-item ledger in the terminal or CI, read straight from content (no build). */
import { parseArgs } from "node:util";
import { ledgerCsv, ledgerJson } from "../lib/action-items/exports.ts";
import {
  buildLedger,
  filterLedger,
  sortLedger,
  summarize,
  type LedgerFilter,
  type LedgerSort,
} from "../lib/action-items/ledger.ts";
import { loadContent } from "../lib/action-items/load-content.ts";
import { LEDGER_SORTS } from "../lib/action-items/order.ts";
import { contentDir } from "../lib/content-paths.ts";
import { buildToday } from "../lib/figures/build-today.ts";
import { loadSiteConfig } from "../lib/site/config.ts";
import { formatMarkdown, formatTable } from "../lib/action-items/report.ts";
import { indexCatalogs } from "../lib/catalog-index.ts";
import { countOf } from "../lib/format/count.ts";
import { formatDiagnostic } from "../lib/validate/diagnostic.ts";
import { ACTION_STATUSES, PRIORITIES, isCalendarDate, isWebUrl, type ActionStatus, type Priority } from "../lib/schema/index.ts";
import { isOpenStatus } from "../lib/schema/vocabulary.ts";

export const summary = "List action items across postmortems; fail CI when items are overdue";

const FORMATS = ["table", "markdown", "csv", "json"] as const;
type Format = (typeof FORMATS)[number];
const OUTSTANDING: ActionStatus[] = ACTION_STATUSES.filter(isOpenStatus);

const HELP = `Usage: hindsight actions [options]

Lists the action items of every published postmortem, read straight from the content folder.
Shows outstanding items (open, in progress, blocked) unless --status says otherwise.

Options:
  --team ID[,ID]            only items owned by these teams
  --status S[,S]|all        ${ACTION_STATUSES.join(", ")} (default: open,in-progress,blocked)
  --priority P[,P]          ${PRIORITIES.join(", ")}
  --overdue                 only overdue items
  --sort ${LEDGER_SORTS.join("|")}
                            order of the rows (default: ledger — items that need work
                            most overdue first, then done, then won't do)
  --format FORMAT           ${FORMATS.join(", ")} (default: table)
  --today YYYY-MM-DD        compute "overdue" and "age" for this date (default:
                            HINDSIGHT_TODAY, else today in the site's
                            timeZone, or in UTC when site.yaml sets none)
  --content DIR             content folder (default: HINDSIGHT_CONTENT or content)
  --site URL                base URL for links (default: HINDSIGHT_SITE)
  --fail-on-overdue[=P,P]   print a Markdown digest of overdue items (of these priorities;
                            default all) and exit 1 if there are any
  -h, --help                show this help

Exit codes: 0 success, 1 overdue items found with --fail-on-overdue, 2 bad options or invalid content.`;

class UsageError extends Error {}

function list<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T[] | undefined {
  if (value === undefined) return undefined;
  const values = value
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
  for (const v of values) {
    if (!(allowed as readonly string[]).includes(v))
      throw new UsageError(`--${flag} ${JSON.stringify(v)} is not allowed — use one of ${allowed.join(", ")}`);
  }
  return values as T[];
}

interface Options {
  filter: LedgerFilter;
  format: Format;
  sort: LedgerSort | undefined;
  today: string;
  content: string | undefined;
  site: string | undefined;
  failOn: Priority[] | undefined;
}

function parseOptions(args: string[]): Options | "help" {
  let failOn: Priority[] | undefined;
  const rest: string[] = [];
  for (const arg of args) {
    if (arg === "--fail-on-overdue") failOn = [...PRIORITIES];
    else if (arg.startsWith("--fail-on-overdue="))
      failOn = list(arg.slice("--fail-on-overdue=".length), PRIORITIES, "fail-on-overdue") ?? [];
    else rest.push(arg);
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      options: {
        team: { type: "string" },
        status: { type: "string" },
        priority: { type: "string" },
        overdue: { type: "boolean" },
        sort: { type: "string" },
        format: { type: "string" },
        today: { type: "string" },
        content: { type: "string" },
        site: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new UsageError(`${(error as Error).message} — run \`hindsight actions --help\` for the options`);
  }
  if (parsed.help) return "help";
  let today: string;
  try {
    // In the site's time zone (content/site.yaml), as the site's ledger counts it; problems in that file are
    // reported with the content's below.
    today = parsed.today ?? buildToday(process.env, loadSiteConfig(parsed.content ?? contentDir()).config.timeZone);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (!isCalendarDate(today))
    throw new UsageError(`--today ${JSON.stringify(today)} is not a date — write it as YYYY-MM-DD, for example 2026-11-26`);
  const site = parsed.site || process.env["HINDSIGHT_SITE"] || undefined;
  if (site !== undefined && !isWebUrl(site))
    throw new UsageError(
      `--site ${JSON.stringify(site)} is not a URL — give the site's address, for example https://postmortems.example.com`,
    );
  const format = list(parsed.format, FORMATS, "format")?.[0];
  const sort = list(parsed.sort, LEDGER_SORTS, "sort")?.[0];
  const status = parsed.status === "all" ? [] : (list(parsed.status, ACTION_STATUSES, "status") ?? OUTSTANDING);
  const filter: LedgerFilter = { status, overdueOnly: parsed.overdue === true || failOn !== undefined };
  const teams = parsed.team
    ?.split(",")
    .map((t) => t.trim())
    .filter(Boolean);
  if (teams) filter.owner = teams;
  const priority = list(parsed.priority, PRIORITIES, "priority");
  if (priority) filter.priority = priority;
  return {
    filter,
    format: format ?? (failOn ? "markdown" : "table"),
    sort,
    today,
    content: parsed.content,
    site,
    failOn,
  };
}

export function run(args: string[]): Promise<number> {
  return Promise.resolve(runActions(args));
}

function runActions(args: string[]): number {
  let options: Options | "help";
  try {
    options = parseOptions(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`hindsight actions: ${error.message}`);
    return 2;
  }
  if (options === "help") {
    console.log(HELP);
    return 0;
  }
  const content = loadContent(options.content);
  if (content.problems.length > 0) {
    console.error(content.problems.map(formatDiagnostic).join("\n"));
    console.error(`\nhindsight actions: ${content.problems.length} problem(s) in the content — fix them and run again.`);
    return 2;
  }
  const catalog = indexCatalogs(content.catalogs);
  const unknownTeams = (options.filter.owner ?? []).filter((t) => catalog.team(t) === undefined);
  if (unknownTeams.length > 0) {
    console.error(
      `hindsight actions: --team ${unknownTeams.join(",")} is not in the teams catalog — use one of ${content.catalogs.teams.map((t) => t.id).join(", ")}`,
    );
    return 2;
  }
  const ledger = buildLedger(content.postmortems, options.today);
  let items = filterLedger(ledger.items, options.filter);
  if (options.failOn) items = filterLedger(items, { priority: options.failOn });
  items = sortLedger(items, options.sort ?? "ledger");
  const report = { today: options.today, teamName: catalog.teamName, ...(options.site ? { site: options.site } : {}) };
  const exportOptions = {
    site: options.site ?? "http://localhost/",
    generated: new Date().toISOString(),
    teamName: catalog.teamName,
  };
  const shown = { today: ledger.today, items, summary: summarize(items, ledger.today) };

  switch (options.format) {
    case "json":
      console.log(JSON.stringify(ledgerJson(shown, exportOptions), null, 2));
      break;
    case "csv":
      process.stdout.write(ledgerCsv(shown, exportOptions));
      break;
    case "markdown": {
      const heading = options.failOn ? `Overdue ${options.failOn.join("/")} action items` : "Action items";
      console.log(formatMarkdown(items, { ...report, heading }));
      break;
    }
    case "table":
      console.log(formatTable(items, report));
      break;
  }
  if (options.failOn && items.length > 0) {
    console.error(
      `hindsight actions: ${countOf(items.length, `overdue ${options.failOn.join("/")} action item`)} as of ${options.today} — close them, or move their due dates in the postmortems with a reason.`,
    );
    return 1;
  }
  return 0;
}
