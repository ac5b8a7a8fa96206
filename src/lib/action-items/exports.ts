/**
 * The ledger as files other tools read: JSON (versioned, documented in docs/action-items.md), CSV (RFC 4180,
 * for spreadsheets) and iCalendar (one all-day entry per outstanding item on its due date). Escaping is left
 * to csv-stringify and ical-generator; tests parse the output back with csv-parse and node-ical.
 */
import { stringify } from "csv-stringify/sync";
import ical from "ical-generator";
import { plainText } from "../markdown/plain-text.ts";
import type { Ledger, LedgerItem, LedgerSummary } from "./ledger.ts";

/** The version of the JSON shape; raised only when a field is removed or changes meaning. */
export const LEDGER_JSON_VERSION = 1;

export interface ExportOptions {
  /** The site's base URL, so links in exports are absolute (`https://hindsight.example.com`). */
  site: string | URL;
  /** The site's name, for the calendar's name. */
  siteName?: string;
  /** When the export was made (ISO 8601). */
  generated: string;
  /** Display name of a team id; defaults to the id. */
  teamName?: (id: string) => string;
}

/** One item in `/action-items.json` (version 1). Absent values are null so every item has every key. */
export interface LedgerJsonItem {
  key: string;
  id: string;
  /** The item's title as written (Markdown). */
  title: string;
  /** The title as plain text. */
  titleText: string;
  postmortem: { id: string; title: string; severity: string; date: string; url: string; services: string[] };
  owner: string;
  ownerName: string;
  assignee: string | null;
  type: string;
  priority: string;
  status: string;
  due: string;
  completed: string | null;
  reason: string | null;
  ticket: string | null;
  ageDays: number;
  overdue: boolean;
  daysOverdue: number;
  daysToClose: number | null;
  citedBy: { postmortemId: string; title: string; date: string; url: string; whileOpen: boolean }[];
  recurredWhileOpen: boolean;
}

export interface LedgerJson {
  version: typeof LEDGER_JSON_VERSION;
  generated: string;
  /** The date overdue figures were computed for (YYYY-MM-DD, UTC). */
  today: string;
  summary: LedgerSummary;
  items: LedgerJsonItem[];
}

const absolute = (path: string, site: string | URL) => new URL(path, site).href;

function jsonItem(item: LedgerItem, options: ExportOptions): LedgerJsonItem {
  return {
    key: item.key,
    id: item.id,
    title: item.title,
    titleText: plainText(item.title),
    postmortem: { ...item.postmortem, url: absolute(item.postmortem.url, options.site), services: [...item.postmortem.services] },
    owner: item.owner,
    ownerName: options.teamName?.(item.owner) ?? item.owner,
    assignee: item.assignee ?? null,
    type: item.type,
    priority: item.priority,
    status: item.status,
    due: item.due,
    completed: item.completed ?? null,
    reason: item.reason ?? null,
    ticket: item.ticket ?? null,
    ageDays: item.ageDays,
    overdue: item.overdue,
    daysOverdue: item.daysOverdue,
    daysToClose: item.daysToClose ?? null,
    citedBy: item.citedBy.map((c) => ({
      postmortemId: c.postmortemId,
      title: c.title,
      date: c.date,
      url: absolute(c.url, options.site),
      whileOpen: c.whileOpen,
    })),
    recurredWhileOpen: item.recurredWhileOpen,
  };
}

/** The `/action-items.json` document. */
export function ledgerJson(ledger: Ledger, options: ExportOptions): LedgerJson {
  return {
    version: LEDGER_JSON_VERSION,
    generated: options.generated,
    today: ledger.today,
    summary: ledger.summary,
    items: ledger.items.map((item) => jsonItem(item, options)),
  };
}

/** The CSV columns, in order, with how each value is written. */
export const CSV_COLUMNS = [
  ["key", (i) => i.key],
  ["postmortem_id", (i) => i.postmortem.id],
  ["postmortem_title", (i) => i.postmortem.title],
  ["severity", (i) => i.postmortem.severity],
  ["incident_date", (i) => i.postmortem.date],
  ["services", (i) => i.postmortem.services.join(" ")],
  ["item_id", (i) => i.id],
  ["title", (i) => i.titleText],
  ["owner", (i) => i.owner],
  ["owner_name", (i) => i.ownerName],
  ["assignee", (i) => i.assignee ?? ""],
  ["type", (i) => i.type],
  ["priority", (i) => i.priority],
  ["status", (i) => i.status],
  ["due", (i) => i.due],
  ["completed", (i) => i.completed ?? ""],
  ["reason", (i) => (i.reason === null ? "" : plainText(i.reason))],
  ["ticket", (i) => i.ticket ?? ""],
  ["age_days", (i) => String(i.ageDays)],
  ["overdue", (i) => (i.overdue ? "yes" : "no")],
  ["days_overdue", (i) => String(i.daysOverdue)],
  ["days_to_close", (i) => (i.daysToClose === null ? "" : String(i.daysToClose))],
  ["cited_by", (i) => i.citedBy.map((c) => c.postmortemId).join(" ")],
  ["recurred_while_open", (i) => (i.recurredWhileOpen ? "yes" : "no")],
  ["url", (i) => `${i.postmortem.url}#item-${i.id}`],
] as const satisfies readonly (readonly [string, (item: LedgerJsonItem) => string])[];

/** The characters a spreadsheet reads as the start of a formula or a control sequence when a cell begins with them. */
export const CSV_FORMULA_TRIGGERS = ["=", "+", "-", "@", "\t", "\r"] as const;

/**
 * A cell a spreadsheet shows as text, never evaluates: one that begins with a formula trigger gets a leading
 * single quote, as OWASP recommends against CSV injection (https://owasp.org/www-community/attacks/CSV_Injection).
 * The quote is visible in tools that are not spreadsheets; docs/action-items.md says so.
 */
export function csvSafeCell(value: string): string {
  return CSV_FORMULA_TRIGGERS.some((c) => value.startsWith(c)) ? `'${value}` : value;
}

/**
 * `/action-items.csv`: RFC 4180 (CRLF line ends, fields with commas, quotes or line breaks quoted, quotes doubled),
 * UTF-8 with a byte-order mark — without it Excel reads the file as the local code page and garbles non-ASCII names.
 * Every cell goes through csvSafeCell, so text from a postmortem can never run as a formula.
 */
export function ledgerCsv(ledger: Ledger, options: ExportOptions): string {
  const rows = ledgerJson(ledger, options).items.map((item) => CSV_COLUMNS.map(([, value]) => csvSafeCell(value(item))));
  return stringify([CSV_COLUMNS.map(([name]) => name), ...rows], { bom: true, record_delimiter: "windows" });
}

/** `/action-items.ics`: one all-day entry per outstanding item on its due date, linking back to its postmortem. */
export function ledgerIcs(ledger: Ledger, options: ExportOptions): string {
  const host = new URL(options.site).hostname;
  const calendar = ical({
    name: `${options.siteName ?? "Hindsight"} action items`,
    description: "Outstanding follow-ups from postmortems, on their due dates.",
    prodId: { company: "Hindsight", product: "Action items", language: "EN" },
  });
  const stamp = new Date(options.generated);
  for (const item of ledgerJson(ledger, options).items) {
    if (item.status === "done" || item.status === "wont-do") continue;
    const url = `${item.postmortem.url}#item-${item.id}`;
    calendar.createEvent({
      id: `${item.postmortem.id}-${item.id}@${host}`,
      start: new Date(`${item.due}T00:00:00Z`),
      allDay: true,
      stamp,
      summary: `[${item.priority}] ${item.titleText}`,
      description: [
        item.titleText,
        `Owner: ${item.ownerName}${item.assignee === null ? "" : ` (${item.assignee})`}`,
        `Status: ${item.status}`,
        `From: ${item.postmortem.title} (${item.postmortem.date})`,
        url,
      ].join("\n"),
      url,
    });
  }
  return calendar.toString();
}
