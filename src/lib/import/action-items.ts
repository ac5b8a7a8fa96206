/**
 * Action items from a list or a table: the text as written, and whatever the source states about owner,
 * ticket, status, priority, type and due date. What it does not state is left for the author.
 */
import type { ListItem, Nodes, RootContent, Table, TableCell } from "mdast";
import { isCalendarDate } from "../schema/time.ts";
import { ACTION_TYPES, PRIORITIES, type ActionStatus, type ActionType, type Priority } from "../schema/vocabulary.ts";
import { blocksToMarkdown, inlineToMarkdown, plainText } from "./markdown-out.ts";

/** What the source says about one action item. */
export interface SourceActionItem {
  /** The item as written (Markdown), status markers and all: nothing is cut from it. */
  title: string;
  owner?: string;
  ticket?: string;
  status?: ActionStatus;
  priority?: Priority;
  type?: ActionType;
  due?: string;
}

/** Status markers: "(done)", "[DONE]", "✅", a Confluence status lozenge's text, a table's status cell. */
const STATUS_MARKERS: readonly [RegExp, ActionStatus][] = [
  [/\b(won'?t do|wont[- ]do|will not do|not doing|cancell?ed|rejected)\b/i, "wont-do"],
  [/\b(in[- ]progress|ongoing|started|doing|wip)\b/i, "in-progress"],
  [/\bblocked\b/i, "blocked"],
  [/✅|✔|\b(done|completed?|fixed|closed|resolved|finished)\b/i, "done"],
  [/\b(open|todo|to do|not started|planned|new)\b/i, "open"],
];

/** A status stated in brackets or as a whole cell: "(done)", "[in progress]", "DONE". */
function statusIn(text: string, whole: boolean): ActionStatus | undefined {
  const candidates = whole ? [text] : [...text.matchAll(/[([]\s*([^)\]]{1,20})\s*[)\]]|(✅|✔)/g)].map((m) => m[1] ?? m[2] ?? "");
  for (const candidate of candidates) {
    const status = STATUS_MARKERS.find(([pattern]) => pattern.test(candidate))?.[1];
    if (status && (!whole || candidate.trim().split(/\s+/).length <= 3)) return status;
  }
  return undefined;
}

const TICKET_URL =
  /https?:\/\/[^\s)>\]]+\/(?:browse|issues|pull|tickets?|work_?items?|_workitems\/edit|show_bug\.cgi\?id=)\/?[A-Za-z0-9_-]*\d[^\s)>\]]*/i;
const OWNER = /\b(?:owner|owned by|assignee|assigned to)\s*[:=]?\s*@?([A-Za-z][\w .'-]{0,40}?)(?=[,;)\]]|$|\s+-|\s+—)/i;
const DUE = /\b(?:due|deadline|by)\s*[:=]?\s*(\d{4}-\d{2}-\d{2})\b/i;

function facts(text: string): Omit<SourceActionItem, "title"> {
  const out: Omit<SourceActionItem, "title"> = {};
  const plain = text.replace(/\\/g, "");
  const ticket = TICKET_URL.exec(plain)?.[0];
  if (ticket) out.ticket = ticket;
  const owner = OWNER.exec(plain)?.[1]?.trim();
  if (owner) out.owner = owner;
  const status = statusIn(plain, false);
  if (status) out.status = status;
  const priority = /\b(P[0-3])\b/.exec(plain)?.[1] as Priority | undefined;
  if (priority) out.priority = priority;
  const due = DUE.exec(plain)?.[1];
  if (due && isCalendarDate(due)) out.due = due;
  return out;
}

function fromListItem(item: ListItem): SourceActionItem | undefined {
  const title = blocksToMarkdown(item.children)
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .join(" ");
  if (plainText(item) === "") return undefined;
  const found = facts(title);
  if (item.checked === true) found.status = "done";
  return { title, ...found };
}

const COLUMNS = {
  title: /^(action( items?)?|items?|tasks?|title|what|description|follow[ -]?ups?)$/i,
  owner: /^(owner|owners|assignee|who|responsible|team)$/i,
  ticket: /^(ticket|bug|issue|jira|link|tracking|reference)s?$/i,
  status: /^(status|state|done\??)$/i,
  priority: /^(priority|prio)$/i,
  type: /^(type|kind|category)$/i,
  due: /^(due( date)?|deadline|target( date)?|eta)$/i,
} as const;

function fromTable(table: Table): SourceActionItem[] {
  const [header, ...rows] = table.children;
  if (!header) return [];
  const names = header.children.map((c) => plainText(c));
  const column = (key: keyof typeof COLUMNS) => names.findIndex((n) => COLUMNS[key].test(n));
  let titleColumn = column("title");
  if (titleColumn < 0) titleColumn = 0;
  const known = {
    owner: column("owner"),
    ticket: column("ticket"),
    status: column("status"),
    priority: column("priority"),
    type: column("type"),
    due: column("due"),
  };
  return rows.flatMap((row) => {
    const cell = (i: number) => (i < 0 ? "" : plainText(row.children[i] ?? []));
    const base = inlineToMarkdown(row.children[titleColumn]?.children ?? []);
    const item: SourceActionItem = { title: base, ...facts(base) };
    // Columns whose value moved into a field; every other cell stays in the title, so nothing is lost.
    const consumed = new Set<number>([titleColumn]);
    const owner = cell(known.owner);
    if (owner && !/^(n\/?a|-|none|tbd|\?)$/i.test(owner)) {
      item.owner = owner.replace(/^@/, "");
      consumed.add(known.owner);
    }
    const ticketCell = row.children[known.ticket];
    const url = ticketCell ? ticketUrl(ticketCell) : undefined;
    if (url) {
      item.ticket = url;
      consumed.add(known.ticket);
    }
    const status = cell(known.status) ? statusIn(cell(known.status), true) : undefined;
    if (status) {
      item.status = status;
      consumed.add(known.status);
    }
    const priority = /^\s*(P[0-3])\s*$/i.exec(cell(known.priority))?.[1]?.toUpperCase();
    if (priority && (PRIORITIES as readonly string[]).includes(priority)) {
      item.priority = priority as Priority;
      consumed.add(known.priority);
    }
    const type = cell(known.type).toLowerCase().trim();
    if ((ACTION_TYPES as readonly string[]).includes(type)) {
      item.type = type as ActionType;
      consumed.add(known.type);
    }
    const due = /^\s*(\d{4}-\d{2}-\d{2})\s*$/.exec(cell(known.due))?.[1];
    if (due && isCalendarDate(due)) {
      item.due = due;
      consumed.add(known.due);
    }
    const extras = row.children
      .map((c, i) => ({ i, name: names[i] ?? "", value: inlineToMarkdown(c.children) }))
      .filter((c) => !consumed.has(c.i) && c.value !== "")
      .map((c) => (c.name ? `(${c.name}: ${c.value})` : `(${c.value})`));
    item.title = [base, ...extras].filter(Boolean).join(" ");
    return item.title === "" ? [] : [item];
  });
}

/** The address of a ticket cell: a link's destination or a bare URL. */
function ticketUrl(cell: TableCell): string | undefined {
  let found: string | undefined;
  const walk = (node: Nodes) => {
    if (found) return;
    if (node.type === "link" && /^https?:\/\//.test(node.url)) found = node.url;
    else if ("children" in node) node.children.forEach(walk);
  };
  walk(cell);
  return found ?? /https?:\/\/[^\s)>\]]+/.exec(plainText(cell))?.[0];
}

/** The action items in a section's blocks, and the blocks that are not items (kept in the body). */
export function extractActionItems(nodes: readonly RootContent[]): { items: SourceActionItem[]; rest: RootContent[] } {
  const items: SourceActionItem[] = [];
  const rest: RootContent[] = [];
  for (const node of nodes) {
    if (node.type === "list") items.push(...node.children.flatMap((i) => fromListItem(i) ?? []));
    else if (node.type === "table") items.push(...fromTable(node));
    else rest.push(node);
  }
  return { items, rest };
}
