/**
 * Timeline rows from a section: a table with a time column, list items or lines that start with a time.
 * A row whose time cannot be read exactly stays in the body, in its original form, with a warning.
 */
import type { Paragraph, RootContent, Table, TableRow } from "mdast";
import type { TimelineKind } from "../schema/vocabulary.ts";
import { blocksToMarkdown, inlineToMarkdown, plainText } from "./markdown-out.ts";
import { isZoneStatement, leadingDate, looksLikeTime, readRowTime, statedZone, zoneNamed, type RowTime } from "./times.ts";

/** One row of the source's timeline. */
export interface SourceRow {
  /** The time as written in the source. */
  written: string;
  /** The time, when it could be read exactly. */
  time: RowTime | undefined;
  /** What happened (Markdown). */
  text: string;
  kind: TimelineKind;
}

export interface TimelineExtraction {
  rows: SourceRow[];
  /** Rows whose time could not be read, in the source's form (Markdown), kept in the body. */
  kept: string[];
  /** A zone stated in the section ("All times in UTC", a "Time (CET)" column). */
  zone: string | undefined;
  /** How many rows are in `kept`. */
  unreadable: number;
  /** True when the first row of the source has no exact time, so the start of the incident is unknown. */
  startsUnreadable: boolean;
}

/** Labels in the event text that say what kind of event it is. */
const KIND_MARKERS: readonly [RegExp, TimelineKind][] = [
  [/^\W*(detection|detected|discovery|discovered)\W*:/i, "detection"],
  [/^\W*(recovery|recovered)\W*:/i, "recovery"],
  [/^\W*(resolution|resolved)\W*:|\(resolved\)|outage ends/i, "resolution"],
  [/^\W*(mitigation|mitigated)\W*:|outage mitigated/i, "mitigation"],
  [/^\W*trigger\W*:|\(problem started\)|outage begins/i, "trigger"],
  [/^\W*escalation\W*:/i, "escalation"],
];

/** The kind an event's text states, or `other`: the importer does not guess. */
export function kindOf(text: string): TimelineKind {
  return KIND_MARKERS.find(([pattern]) => pattern.test(text))?.[1] ?? "other";
}

function decorate(time: RowTime, text: string): string {
  const notes = [time.approximate ? "approximate time" : "", time.until ? `until ${time.until}` : ""].filter(Boolean);
  return notes.length > 0 ? `(${notes.join(", ")}) ${text}` : text;
}

function row(written: string, time: RowTime | undefined, text: string): SourceRow {
  return { written, time, text: time ? decorate(time, text) : text, kind: kindOf(text) };
}

/** "Time (UTC)", "UTC", "Time [Europe/Berlin]". */
function zoneInHeader(name: string): string | undefined {
  const word = /[([]\s*([A-Za-z_/+-]+)\s*[)\]]/.exec(name)?.[1] ?? /^\W*([A-Z]{2,4})\W*$/.exec(name)?.[1];
  return word ? zoneNamed(word) : undefined;
}

const TIME_HEADER = /time|date|when|utc|cet|gmt/i;
const EVENT_HEADER = /event|description|what|happened|action|details?|summary|activity|notes?/i;

function fromTable(table: Table, day: string | undefined, out: TimelineExtraction): boolean {
  const [header, ...body] = table.children;
  if (!header || body.length === 0) return false;
  const names = header.children.map((c) => plainText(c));
  let timeColumn = names.findIndex((n) => TIME_HEADER.test(n));
  if (timeColumn < 0) timeColumn = 0;
  let eventColumn = names.findIndex((n, i) => i !== timeColumn && EVENT_HEADER.test(n));
  if (eventColumn < 0) eventColumn = names.findIndex((_, i) => i !== timeColumn);
  if (eventColumn < 0) return false;
  const readable = body.filter((r) => readRowTime(plainText(r.children[timeColumn] ?? []), day) !== undefined);
  if (readable.length === 0 && !body.some((r) => looksLikeTime(plainText(r.children[timeColumn] ?? [])))) return false;
  out.zone ??= statedZone(names[timeColumn]!) ?? zoneInHeader(names[timeColumn]!);
  const unreadable: TableRow[] = [];
  for (const r of body) {
    const written = plainText(r.children[timeColumn] ?? []);
    const time = readRowTime(written, day);
    const extras = r.children
      .map((cell, i) => ({ name: names[i] ?? "", value: inlineToMarkdown(cell.children) }))
      .filter((c, i) => i !== timeColumn && i !== eventColumn && c.value !== "")
      .map((c) => (c.name ? ` (${c.name}: ${c.value})` : ` (${c.value})`));
    const text = inlineToMarkdown(r.children[eventColumn]?.children ?? []) + extras.join("");
    if (time && text.trim() !== "") out.rows.push(row(written, time, text.trim()));
    else {
      if (out.rows.length === 0) out.startsUnreadable = true;
      unreadable.push(r);
    }
  }
  out.unreadable += unreadable.length;
  if (unreadable.length > 0) out.kept.push(blocksToMarkdown([{ ...table, children: [header, ...unreadable] }]));
  return true;
}

/** Splits "14:51 News reports…" or "**2020-01-20 13:50** — text" into its time and its text. */
function splitLine(
  markdown: string,
  day: string | undefined,
): { written: string; time: RowTime | undefined; text: string } | undefined {
  const tokens = markdown.split(" ");
  for (let k = Math.min(6, tokens.length - 1); k >= 1; k--) {
    const written = tokens
      .slice(0, k)
      .join(" ")
      .replace(/[\s:,|–—-]+$/, "");
    const time = readRowTime(written.replace(/\\/g, ""), day);
    if (time) {
      const text = tokens
        .slice(k)
        .join(" ")
        .replace(/^[\s:,|–—-]+/, "");
      return text ? { written, time, text } : undefined;
    }
  }
  return looksLikeTime(markdown) ? { written: tokens[0] ?? "", time: undefined, text: markdown } : undefined;
}

/** Rows of a timeline section, the zone it states, and what must stay in the body. */
export function extractTimeline(nodes: readonly RootContent[]): TimelineExtraction & { rest: RootContent[] } {
  const out: TimelineExtraction = { rows: [], kept: [], zone: undefined, unreadable: 0, startsUnreadable: false };
  const rest: RootContent[] = [];
  let day: string | undefined;
  for (const node of nodes) {
    if (node.type === "table" && fromTable(node, day, out)) continue;
    if (node.type === "paragraph") {
      const text = plainText(node);
      const zone = statedZone(text);
      const date = leadingDate(text);
      if (date && !readRowTime(text, date)) day = date;
      if (zone && isZoneStatement(text)) {
        out.zone ??= zone;
        continue;
      }
      if (date && text.trim() === date) continue;
      if (linesAsRows(node, day, out)) continue;
    }
    if (node.type === "list" && listAsRows(node.children, day, out)) continue;
    rest.push(node);
  }
  return { ...out, rest };
}

function linesAsRows(node: Paragraph, day: string | undefined, out: TimelineExtraction): boolean {
  const lines = blocksToMarkdown([node]).split("\n");
  const parsed = lines.map((line) => splitLine(line.trim(), day));
  if (!parsed.some((p) => p?.time)) return false;
  parsed.forEach((p, i) => {
    if (p?.time) out.rows.push(row(p.written, p.time, p.text));
    else {
      out.kept.push(lines[i]!.trim());
      if (p && out.rows.length === 0) out.startsUnreadable = true;
      if (p) out.unreadable++;
    }
  });
  return true;
}

function listAsRows(
  items: Extract<RootContent, { type: "list" }>["children"],
  day: string | undefined,
  out: TimelineExtraction,
): boolean {
  const parsed = items.map((item) => {
    const markdown = blocksToMarkdown(item.children).replace(/\n+/g, " ");
    return { markdown, line: splitLine(markdown, day) };
  });
  if (!parsed.some((p) => p.line?.time)) return false;
  const kept: string[] = [];
  for (const p of parsed) {
    if (p.line?.time) out.rows.push(row(p.line.written, p.line.time, p.line.text));
    else {
      kept.push(`- ${p.markdown}`);
      if (p.line && out.rows.length === 0) out.startsUnreadable = true;
      if (p.line) out.unreadable++;
    }
  }
  if (kept.length > 0) out.kept.push(kept.join("\n"));
  return true;
}
