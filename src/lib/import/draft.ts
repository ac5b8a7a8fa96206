/**
 * Turns one old postmortem into a draft: the frontmatter the source states, placeholders named in
 * `imported.todo` for what it does not, and a body that keeps every other block under its original heading.
 */
import type { Paragraph, RootContent } from "mdast";
import { resolveStarted, slugify } from "../scaffold/postmortem-template.ts";
import { TO_FILL, UNASSIGNED } from "../schema/imported.ts";
import { SUMMARY_MAX, TIMELINE_SLACK_MS, TITLE_MAX } from "../schema/postmortem.ts";
import type { ActionStatus, ActionType, CauseKind, Priority, Severity, TimelineKind } from "../schema/vocabulary.ts";
import { extractActionItems, type SourceActionItem } from "./action-items.ts";
import { blockLines, blocksToMarkdown, inlineToMarkdown, plainText } from "./markdown-out.ts";
import { outline, roleOf, type Section, type SectionRole } from "./sections.ts";
import { sourceTree, type SourceFormat } from "./source-tree.ts";
import { addMinutes, readDuration, rowInstant, statedZone } from "./times.ts";
import { extractTimeline, type SourceRow } from "./timeline.ts";

/** Catalog entries the importer may match names against. */
export interface CatalogNames {
  teams: { id: string; name: string }[];
}

export interface ImportInput {
  /** The source's file name (kept in `imported.source`). */
  fileName: string;
  text: string;
  format: SourceFormat;
  /** SHA-256 of the source bytes. */
  sha256: string;
  /** The zone for a document that states none (`--timezone`). */
  timezone?: string | undefined;
  catalogs?: CatalogNames;
}

/** The frontmatter of an imported draft, in the order it is written. */
export interface DraftFrontmatter {
  title: string;
  summary: string;
  severity: Severity;
  status: "draft";
  authors: string[];
  reviewers: string[];
  tags: string[];
  services: string[];
  teams: string[];
  timezone: string;
  started: string;
  detected: string;
  resolved?: string;
  impact: { description: string; customerFacing: boolean; dataLoss: "none" | "recovered" | "permanent" };
  detection: { method: "alert" | "customer-report" | "employee" | "automated-test" | "other"; note: string };
  timeline: { at: string; kind: TimelineKind; text: string }[];
  causes: { kind: CauseKind; category: string; text: string }[];
  lessons: { wentWell: string[]; wentWrong: string[]; gotLucky: string[] };
  actionItems: {
    id: string;
    title: string;
    type: ActionType;
    priority: Priority;
    owner: string;
    assignee?: string;
    status: ActionStatus;
    due: string;
    completed?: string;
    ticket?: string;
  }[];
  imported: { source: string; sha256: string; todo: string[] };
}

/** What the import found, for the report. */
export interface DraftFindings {
  /** Top-level fields filled from the source. */
  filled: string[];
  timelineRows: { inSource: number; recovered: number; keptInBody: number };
  actionItems: number;
  warnings: string[];
}

export interface Draft {
  /** `YYYY-MM-DD-slug`, before any suffix for a clash. */
  baseId: string;
  frontmatter: DraftFrontmatter;
  /** MDX body (plain Markdown with MDX escapes). */
  body: string;
  findings: DraftFindings;
}

/** Thrown when a source cannot become a valid draft (no date anywhere); the message says how to fix it. */
export class ImportError extends Error {}

const ms = (instant: string) => Date.parse(instant);

interface Collected {
  summary?: string;
  summaryConsumed: boolean;
  impact?: string;
  detectionNote?: string;
  rows: SourceRow[];
  /** Timeline rows whose time could not be read (kept in the body). */
  unreadable: number;
  startsUnreadable: boolean;
  kept: Map<Section, string[]>;
  zone?: string | undefined;
  causes: { kind: CauseKind; text: string }[];
  lessons: DraftFrontmatter["lessons"];
  items: SourceActionItem[];
  ttd?: number | undefined;
  ttr?: number | undefined;
  tags: string[];
  warnings: string[];
}

/** Paragraphs and list items of a block list, each as one Markdown line. */
function entries(nodes: readonly RootContent[]): { texts: string[]; rest: RootContent[] } {
  const texts: string[] = [];
  const rest: RootContent[] = [];
  const hasList = nodes.some((n) => n.type === "list");
  for (const node of nodes) {
    if (node.type === "list") {
      for (const item of node.children) {
        const text = blocksToMarkdown(item.children)
          .split("\n")
          .map((l) => l.trim())
          .filter(Boolean)
          .join(" ");
        if (plainText(item) !== "") texts.push(text);
      }
    } else if (node.type === "paragraph" && !hasList) texts.push(inlineToMarkdown(node.children));
    else rest.push(node);
  }
  return { texts, rest };
}

/** A paragraph that only names a lessons bucket in bold ("**What went well**"). */
export function bucketHeading(node: RootContent): SectionRole | undefined {
  if (node.type !== "paragraph" || node.children.length !== 1 || node.children[0]!.type !== "strong") return undefined;
  const role = roleOf(plainText(node));
  return role === "wentWell" || role === "wentWrong" || role === "gotLucky" ? role : undefined;
}

const BUCKET = { wentWell: "wentWell", wentWrong: "wentWrong", gotLucky: "gotLucky" } as const;

/** Reads every recognised section; what a section does not yield stays in `kept`. */
function collect(sections: Section[]): Collected {
  const c: Collected = {
    summaryConsumed: false,
    rows: [],
    unreadable: 0,
    startsUnreadable: false,
    kept: new Map(),
    causes: [],
    lessons: { wentWell: [], wentWrong: [], gotLucky: [] },
    items: [],
    tags: [],
    warnings: [],
  };
  const keep = (section: Section, nodes: readonly RootContent[], extra: string[] = []) => {
    const markdown = [...extra, ...nodes.map((n) => blocksToMarkdown([n]))].filter(Boolean);
    if (markdown.length > 0) c.kept.set(section, [...(c.kept.get(section) ?? []), ...markdown]);
  };
  let previous: SectionRole = "other";
  for (const section of sections) {
    let role = section.role;
    // "### 2015-10-21 (all times UTC)" under a timeline continues it.
    if (role === "other" && previous === "timeline" && /^\d{4}-\d{2}-\d{2}/.test(section.heading)) role = "timeline";
    const nodes =
      role === "timeline" && section.role === "other" ? [paragraphOf(section.heading), ...section.nodes] : section.nodes;
    switch (role) {
      case "summary": {
        const first = nodes.find((n): n is Paragraph => n.type === "paragraph");
        if (first && c.summary === undefined) {
          c.summary = plainText(first);
          c.summaryConsumed =
            nodes.length === 1 && first.children.every((n) => n.type === "text") && c.summary.length <= SUMMARY_MAX;
        }
        if (!c.summaryConsumed) keep(section, nodes);
        break;
      }
      case "impact":
      case "detection": {
        const paragraphs = nodes.filter((n): n is Paragraph => n.type === "paragraph");
        const text = paragraphs[0] ? inlineToMarkdown(paragraphs[0].children) : undefined;
        if (text) {
          if (role === "impact") c.impact ??= text;
          else c.detectionNote ??= text;
        }
        if (!(nodes.length === 1 && text)) keep(section, nodes);
        break;
      }
      case "timeline": {
        const found = extractTimeline(nodes);
        c.rows.push(...found.rows);
        c.unreadable += found.unreadable;
        if (c.rows.length === found.rows.length) c.startsUnreadable ||= found.startsUnreadable;
        c.zone ??= found.zone;
        keep(section, found.rest, found.kept);
        break;
      }
      case "trigger":
      case "root":
      case "contributing": {
        const { texts, rest } = entries(nodes);
        c.causes.push(...texts.map((text) => ({ kind: role, text })));
        keep(section, rest);
        break;
      }
      case "actions": {
        const { items, rest } = extractActionItems(nodes);
        c.items.push(...items);
        keep(section, rest);
        break;
      }
      case "wentWell":
      case "wentWrong":
      case "gotLucky": {
        const { texts, rest } = entries(nodes);
        c.lessons[BUCKET[role]].push(...texts);
        keep(section, rest);
        break;
      }
      case "lessons": {
        // A bold label ("**What went well**") sorts the list right after it; a label with no list stays in the body.
        let bucket: "wentWell" | "wentWrong" | "gotLucky" | undefined;
        let label: RootContent | undefined;
        const rest: RootContent[] = [];
        for (const node of nodes) {
          const named = bucketHeading(node);
          if (label && !(node.type === "list" && bucket)) rest.push(label);
          label = undefined;
          if (named) {
            bucket = BUCKET[named as keyof typeof BUCKET];
            label = node;
          } else if (bucket && node.type === "list") c.lessons[bucket].push(...entries([node]).texts);
          else {
            bucket = undefined;
            rest.push(node);
          }
        }
        if (label) rest.push(label);
        keep(section, rest);
        break;
      }
      case "stats": {
        readStats(nodes, c);
        keep(section, nodes);
        break;
      }
      default:
        keep(section, nodes);
    }
    if (role !== "other" || section.depth <= 2) previous = role;
  }
  return c;
}

function paragraphOf(text: string): Paragraph {
  return { type: "paragraph", children: [{ type: "text", value: text }] };
}

/** "Time to detection: 54 minutes", "Time to recovery: 2 hours", "Category: Kubernetes". */
function readStats(nodes: readonly RootContent[], c: Collected): void {
  const lines = nodes.flatMap((n) =>
    n.type === "list"
      ? n.children.map((i) => plainText(i))
      : n.type === "table"
        ? n.children.map((r) => plainText(r.children))
        : [plainText(n)],
  );
  for (const line of lines) {
    const [label, ...value] = line.split(/:\s*|\s+\|\s+/);
    const text = value.join(":").trim();
    if (!label || !text) continue;
    if (/time to (detect|detection)/i.test(label)) c.ttd ??= readDuration(text);
    else if (/time to (recover|recovery|resolve|resolution|restore)/i.test(label)) c.ttr ??= readDuration(text);
    else if (/^category$/i.test(label.trim()) && /[a-z]/i.test(text) && slugify(text) !== "incident") c.tags.push(slugify(text));
  }
}

/** "Severity: SEV2", "Severity: 2", "Sev 1" stated as a label. */
export function statedSeverity(text: string): Severity | undefined {
  const m =
    /\bseverity(?:\s+level)?\s*[:=|-]?\s*(?:sev(?:erity)?\s*-?\s*)?([1-4])\b/i.exec(text) ?? /\bSEV\s*-?\s*([1-4])\b/.exec(text);
  return m ? (`SEV${m[1]}` as Severity) : undefined;
}

/** "Authors: a, b and c" in the document's opening lines. */
function statedAuthors(nodes: readonly RootContent[]): string[] {
  for (const node of nodes) {
    const m = /\bauthors?\s*:\s*(.+)$/im.exec(plainText(node));
    if (m)
      return m[1]!
        .split(/\s*(?:,|;|&|\band\b)\s*/)
        .map((s) => s.trim())
        .filter((s) => s.length > 0 && s.length <= 80)
        .slice(0, 10);
  }
  return [];
}

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/** The first date a text states ("2020-01-21", "29 November 2019", "9th of June 2020", "June 9, 2020"). */
export function firstStatedDate(text: string): string | undefined {
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  const month = String.raw`(${MONTHS.join("|")})`;
  const dayFirst = new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?${month}\s+(\d{4})\b`, "i").exec(text);
  const monthFirst = new RegExp(String.raw`\b${month}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`, "i").exec(text);
  const candidates: [number, string][] = [];
  const pad = (n: number) => String(n).padStart(2, "0");
  if (iso) candidates.push([iso.index, `${iso[1]}-${iso[2]}-${iso[3]}`]);
  if (dayFirst)
    candidates.push([
      dayFirst.index,
      `${dayFirst[3]}-${pad(MONTHS.indexOf(dayFirst[2]!.toLowerCase()) + 1)}-${pad(Number(dayFirst[1]))}`,
    ]);
  if (monthFirst)
    candidates.push([
      monthFirst.index,
      `${monthFirst[3]}-${pad(MONTHS.indexOf(monthFirst[1]!.toLowerCase()) + 1)}-${pad(Number(monthFirst[2]))}`,
    ]);
  candidates.sort((a, b) => a[0] - b[0]);
  return candidates.find(([, d]) => !Number.isNaN(Date.parse(d)))?.[1];
}

/** Turns one source document into a draft. */
export function importDocument(input: ImportInput): Draft {
  const safety: string[] = [];
  const tree = sourceTree(input.text, input.format, safety);
  const doc = outline(tree);
  const c = collect(doc.sections);
  c.warnings.push(...new Set(safety));
  const todo: string[] = [];
  const filled: string[] = [];
  const warnings = c.warnings;
  const documentText = blockLines(tree);

  // Zone: the document's own statement, else --timezone, else UTC as a placeholder.
  let timezone = c.zone ?? statedZone(documentText.match(/\(?\ball times[^.)]*\)?/i)?.[0] ?? "") ?? input.timezone;
  if (timezone) filled.push("timezone");
  else {
    timezone = "UTC";
    todo.push("timezone");
    warnings.push("the document states no time zone and --timezone was not given: times were read as UTC — check them");
  }

  // Timeline: rows with exact times, sorted (stable) if the source was out of order.
  const timed = c.rows.map((row, index) => {
    const resolved = row.time ? rowInstant(row.time, timezone) : undefined;
    if (!resolved?.ok)
      throw new ImportError(`the timeline row "${row.written}": ${resolved?.message ?? "has no exact date and time"}`);
    return { row, at: resolved.iso, index };
  });
  const unreadable = c.unreadable;
  const sorted = [...timed].sort((a, b) => ms(a.at) - ms(b.at) || a.index - b.index);
  const moved = sorted.filter((e, i) => e.index !== timed[i]!.index);
  if (moved.length > 0)
    warnings.push(
      `timeline rows out of order in the source (${moved
        .slice(0, 3)
        .map((e) => `"${e.row.written}"`)
        .join(", ")}${moved.length > 3 ? ", …" : ""}): sorted by time`,
    );
  if (unreadable > 0)
    warnings.push(
      `${unreadable} timeline row${unreadable === 1 ? "" : "s"} without an exact date and time: kept in the body under the timeline heading`,
    );
  const timeline = sorted.map(({ row, at }) => ({ at, kind: row.kind, text: row.text }));
  if (timeline.length > 0) filled.push("timeline");

  // Key times. DFDS-style stats measure detection and recovery from the start of impact: the row they line up with.
  const times = timed.length > 0 ? sorted.map((e) => e.at) : [];
  let started: string;
  let detected: string | undefined;
  let resolved: string | undefined;
  if (times.length > 0) {
    const first = times[0]!;
    const lands = (from: string, minutes: number | undefined) =>
      minutes !== undefined && times.some((t) => ms(t) === ms(from) + minutes * 60_000);
    const anchor =
      times.find((t) => lands(t, c.ttr) && lands(t, c.ttd)) ?? times.find((t) => lands(t, c.ttr) || lands(t, c.ttd)) ?? first;
    started = ms(anchor) - ms(first) <= TIMELINE_SLACK_MS ? anchor : first;
    if (started !== anchor || c.startsUnreadable) todo.push("started");
    if (c.ttd !== undefined) detected = addMinutes(anchor, c.ttd, timezone);
    else detected = sorted.find((e) => e.row.kind === "detection")?.at;
    if (c.ttr !== undefined) resolved = addMinutes(anchor, c.ttr, timezone);
    else resolved = [...sorted].reverse().find((e) => e.row.kind === "resolution" || e.row.kind === "recovery")?.at;
    if (resolved === undefined) {
      resolved = times[times.length - 1]!;
      todo.push("resolved");
    }
    filled.push("started");
  } else {
    const stated = firstStatedDate(documentText);
    const typo = stated ? undefined : /\b(\d{4})\d-(\d{2})-(\d{2})\b/.exec(documentText);
    const day =
      stated ??
      (typo && !Number.isNaN(Date.parse(`${typo[1]}-${typo[2]}-${typo[3]}`)) ? `${typo[1]}-${typo[2]}-${typo[3]}` : undefined);
    if (!day)
      throw new ImportError(
        "no date found: the document has no timeline with dates and states no date — add a line such as “Date: 2024-03-01” to the source and import it again",
      );
    if (typo) warnings.push(`the only date is written "${typo[0]}": read as ${day} for the start date only — check it`);
    const midnight = resolveStarted(day, timezone);
    if (!midnight.ok) throw new ImportError(midnight.message);
    started = midnight.iso;
    todo.push("started");
    warnings.push(`no timeline with exact times: started is ${day} at midnight — set the real time`);
  }
  if (detected === undefined || ms(detected) < ms(started)) {
    detected = started;
    todo.push("detected");
  } else filled.push("detected");
  if (resolved !== undefined && ms(resolved) < ms(detected)) {
    warnings.push(`time to recovery ends before detection (${resolved} < ${detected}): resolved left for the author`);
    resolved = undefined;
  }
  if (resolved !== undefined) {
    const last = times[times.length - 1];
    if (last !== undefined && ms(last) > ms(resolved) + TIMELINE_SLACK_MS) {
      warnings.push(`events continue more than a day after the stated recovery: resolved set to the last event — check it`);
      resolved = last;
      todo.push("resolved");
    } else if (!todo.includes("resolved")) filled.push("resolved");
  }

  // Title and summary.
  let title = doc.title ?? input.fileName.replace(/\.[^.]+$/, "");
  const fullTitle = title;
  if (doc.title) filled.push("title");
  if (title.length > TITLE_MAX) {
    title = `${title.slice(0, TITLE_MAX - 1).replace(/\s+\S*$/, "")}…`;
    todo.push("title");
  }
  const summaryFrom =
    c.summary ??
    (doc.preamble.find((n) => n.type === "paragraph") ? plainText(doc.preamble.find((n) => n.type === "paragraph")!) : undefined);
  let summary = summaryFrom ? fitSummary(summaryFrom) : undefined;
  if (summary) filled.push("summary");
  else {
    summary = TO_FILL;
    todo.push("summary");
  }

  // Severity, authors, tags.
  const severity = statedSeverity(documentText);
  if (severity) filled.push("severity");
  else todo.push("severity");
  const authors = statedAuthors(doc.preamble);
  if (authors.length > 0) filled.push("authors");
  else todo.push("authors");
  todo.push("services", "teams");

  const impactDescription = c.impact ?? TO_FILL;
  if (c.impact) filled.push("impact.description");
  todo.push(...(c.impact ? [] : ["impact.description"]), "impact.customerFacing", "impact.dataLoss", "detection.method");
  if (c.detectionNote) filled.push("detection.note");
  else todo.push("detection.note");

  const causes = c.causes.map((cause, i) => {
    todo.push(`causes.${i}.category`);
    return { kind: cause.kind, category: UNASSIGNED, text: cause.text };
  });
  if (causes.length > 0) filled.push("causes");
  const lessons = c.lessons;
  if (lessons.wentWell.length + lessons.wentWrong.length + lessons.gotLucky.length > 0) filled.push("lessons");

  const day = started.slice(0, 10);
  const teams = input.catalogs?.teams ?? [];
  const actionItems = c.items.map((item, i) => {
    const at = (field: string) => `actionItems.${i}.${field}`;
    const team = item.owner
      ? teams.find((t) => t.id === item.owner!.toLowerCase() || t.name.toLowerCase() === item.owner!.toLowerCase())
      : undefined;
    const status = item.status ?? "open";
    const out: DraftFrontmatter["actionItems"][number] = {
      id: `A${i + 1}`,
      title: item.title,
      type: item.type ?? "prevent",
      priority: item.priority ?? "P2",
      owner: team?.id ?? UNASSIGNED,
      status,
      due: item.due ?? day,
    };
    if (!team && item.owner && item.owner.length <= 80) out.assignee = item.owner;
    if (item.ticket) out.ticket = item.ticket;
    if (status === "done") {
      out.completed = day;
      todo.push(at("completed"));
    }
    if (!item.type) todo.push(at("type"));
    if (!item.priority) todo.push(at("priority"));
    if (!team) todo.push(at("owner"));
    if (!item.status) todo.push(at("status"));
    if (!item.due) todo.push(at("due"));
    if (status === "wont-do") (out as Record<string, unknown>)["reason"] = TO_FILL;
    if (status === "wont-do") todo.push(at("reason"));
    return out;
  });
  if (actionItems.length > 0) filled.push("actionItems");
  if (c.tags.length > 0) filled.push("tags");

  const frontmatter: DraftFrontmatter = {
    title,
    summary,
    severity: severity ?? "SEV3",
    status: "draft",
    authors: authors.length > 0 ? authors : [UNASSIGNED],
    reviewers: [],
    tags: [...new Set(c.tags)],
    services: [UNASSIGNED],
    teams: [UNASSIGNED],
    timezone,
    started,
    detected,
    ...(resolved !== undefined ? { resolved } : {}),
    impact: { description: impactDescription, customerFacing: false, dataLoss: "none" },
    detection: { method: "other", note: c.detectionNote ?? TO_FILL },
    timeline,
    causes,
    lessons,
    actionItems,
    imported: { source: input.fileName, sha256: input.sha256, todo: [...new Set(todo)] },
  };

  return {
    baseId: `${day}-${slugify(title)}`,
    frontmatter,
    body: renderBody(doc.preamble, doc.sections, c, fullTitle !== title ? fullTitle : undefined),
    findings: {
      filled: [...new Set(filled)].filter((field) => !todo.includes(field)),
      timelineRows: { inSource: c.rows.length + unreadable, recovered: timeline.length, keptInBody: unreadable },
      actionItems: actionItems.length,
      warnings,
    },
  };
}

/** The first sentences of a summary that fit the summary field. */
function fitSummary(text: string): string {
  if (text.length <= SUMMARY_MAX) return text;
  const sentences = text.split(/(?<=[.!?])\s+/);
  let out = "";
  for (const sentence of sentences) {
    if ((out ? `${out} ${sentence}` : sentence).length > SUMMARY_MAX) break;
    out = out ? `${out} ${sentence}` : sentence;
  }
  return out || `${text.slice(0, SUMMARY_MAX - 1).replace(/\s+\S*$/, "")}…`;
}

/** The body: the preamble and every block not moved into a field, under its original heading. */
function renderBody(
  preamble: readonly RootContent[],
  sections: readonly Section[],
  c: Collected,
  fullTitle: string | undefined,
): string {
  const parts: string[] = [];
  if (fullTitle) parts.push(blocksToMarkdown([paragraphOf(fullTitle)]));
  if (preamble.length > 0) parts.push(blocksToMarkdown([...preamble]));
  const minDepth = Math.min(...sections.map((s) => s.depth), 6);
  for (const section of sections) {
    const kept = c.kept.get(section);
    if (!kept) continue;
    const depth = Math.min(6, section.depth - minDepth + 2);
    const heading = section.headingNode
      ? blocksToMarkdown([{ ...section.headingNode, depth: depth as 2 }])
      : `## ${section.heading}`;
    parts.push(heading, ...kept);
  }
  return parts.join("\n\n").trim();
}
