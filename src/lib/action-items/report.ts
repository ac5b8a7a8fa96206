/** Text renderings of ledger rows for terminals, chat channels and issues (`hindsight actions`). */
import { plainText } from "../markdown/plain-text.ts";
import { groupByStatus, type LedgerItem } from "./ledger.ts";

export interface ReportOptions {
  /** The date the figures are for. */
  today: string;
  /** Site base URL for links; without it links are site paths. */
  site?: string;
  teamName?: (id: string) => string;
}

const link = (item: LedgerItem, site: string | undefined) => {
  const path = `${item.postmortem.url}#item-${item.id}`;
  return site ? new URL(path, site).href : path;
};

function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

function dueNote(item: LedgerItem): string {
  if (item.overdue) return `${item.daysOverdue} day${item.daysOverdue === 1 ? "" : "s"} overdue`;
  if (item.status === "done") return `done ${item.completed ?? ""}`.trim();
  return "";
}

/** An aligned plain-text table, one row per item. */
export function formatTable(items: readonly LedgerItem[], options: ReportOptions): string {
  if (items.length === 0) return `No action items match (as of ${options.today}).`;
  const header = ["Key", "Pri", "Status", "Owner", "Due", "Late", "Title"];
  const rows = items.map((i) => [
    i.key,
    i.priority,
    i.status,
    options.teamName?.(i.owner) ?? i.owner,
    i.due,
    i.overdue ? `${i.daysOverdue}d` : "",
    truncate(plainText(i.title).replace(/\s+/g, " "), 60),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c === cells.length - 1 ? cell : cell.padEnd(widths[c]!)))
      .join("  ")
      .trimEnd();
  const overdue = items.filter((i) => i.overdue).length;
  return [
    line(header),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map(line),
    "",
    `${items.length} item${items.length === 1 ? "" : "s"}, ${overdue} overdue, as of ${options.today}.`,
  ].join("\n");
}

/** Markdown text is pasted into chat and issues: keep a title from breaking the list it sits in. */
function inlineMarkdown(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}

/** One Markdown list line per item. */
function markdownLine(item: LedgerItem, options: ReportOptions): string {
  const owner = options.teamName?.(item.owner) ?? item.owner;
  const who = item.assignee ? `${owner} (${item.assignee})` : owner;
  const late = dueNote(item);
  return `- **${item.priority}** [${item.key}](${link(item, options.site)}): ${inlineMarkdown(item.title)} — ${who}, ${item.status}, due ${item.due}${late ? ` (**${late}**)` : ""}`;
}

/**
 * A Markdown digest for a chat channel or an issue: a one-line summary, then the items grouped overdue
 * first, then by status.
 */
export function formatMarkdown(items: readonly LedgerItem[], options: ReportOptions & { heading?: string }): string {
  const overdue = items.filter((i) => i.overdue).length;
  const lines = [`## ${options.heading ?? "Action items"} — as of ${options.today}`, ""];
  if (items.length === 0) {
    lines.push("Nothing to report: no action items match.");
    return lines.join("\n");
  }
  lines.push(`${items.length} item${items.length === 1 ? "" : "s"}, **${overdue} overdue**.`);
  for (const group of groupByStatus(items)) {
    if (group.items.length === 0) continue;
    lines.push("", `### ${group.label} (${group.items.length})`, "", ...group.items.map((i) => markdownLine(i, options)));
  }
  return lines.join("\n");
}
