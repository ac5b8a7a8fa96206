/** The import report: per file and in total, as a terminal table or as JSON. */
import type { FileResult, ImportAction } from "./run.ts";

export interface ImportTotals {
  files: number;
  actions: Record<ImportAction, number>;
  /** Drafts with no problem `hindsight validate` would report on their own. */
  valid: number;
  timelineRowsInSources: number;
  timelineRowsRecovered: number;
  timelineRowsKeptInBody: number;
  actionItems: number;
  /** Fields left for authors (`imported.todo` entries), summed. */
  todo: number;
  warnings: number;
  lostSentences: number;
}

export interface ImportReport {
  dryRun: boolean;
  files: Omit<FileResult, "text">[];
  totals: ImportTotals;
}

/** The report of a run. */
export function importReport(results: readonly FileResult[], dryRun: boolean): ImportReport {
  const totals: ImportTotals = {
    files: results.length,
    actions: { created: 0, updated: 0, unchanged: 0, refused: 0, failed: 0 },
    valid: 0,
    timelineRowsInSources: 0,
    timelineRowsRecovered: 0,
    timelineRowsKeptInBody: 0,
    actionItems: 0,
    todo: 0,
    warnings: 0,
    lostSentences: 0,
  };
  for (const r of results) {
    totals.actions[r.action]++;
    if (r.problems?.length === 0) totals.valid++;
    if (r.findings) {
      totals.timelineRowsInSources += r.findings.timelineRows.inSource;
      totals.timelineRowsRecovered += r.findings.timelineRows.recovered;
      totals.timelineRowsKeptInBody += r.findings.timelineRows.keptInBody;
      totals.actionItems += r.findings.actionItems;
      totals.warnings += r.findings.warnings.length;
    }
    totals.todo += r.todo?.length ?? 0;
    totals.lostSentences += r.lost?.length ?? 0;
  }
  const files = results.map((r) => {
    const copy = { ...r };
    delete copy.text;
    return copy;
  });
  return { dryRun, files, totals };
}

/** "actionItems.0.owner, actionItems.1.owner" → "actionItems.*.owner (2)": a readable list for the terminal. */
export function groupedTodo(todo: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const path of todo) {
    const key = path.replace(/\.\d+\./, ".*.");
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, n]) => (key.includes("*") ? `${key} (${n})` : key)).join(", ");
}

const WOULD: Record<ImportAction, string> = {
  created: "would create",
  updated: "would update",
  unchanged: "unchanged",
  refused: "refused",
  failed: "failed",
};

/** The report as an aligned table with the warnings and what is left for authors underneath. */
export function formatImportTable(report: ImportReport): string {
  const header = ["Source", "Draft", "Result", "Timeline rows", "Action items", "To fill", "Warnings"];
  const rows = report.files.map((f) => [
    f.source,
    f.id ?? "—",
    report.dryRun ? WOULD[f.action] : f.action,
    f.findings ? `${f.findings.timelineRows.recovered}/${f.findings.timelineRows.inSource}` : "—",
    f.findings ? String(f.findings.actionItems) : "—",
    f.todo ? String(f.todo.length) : "—",
    f.findings ? String(f.findings.warnings.length) : "—",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i >= 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  const out = [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)];
  const notes: string[] = [];
  for (const f of report.files) {
    const items = [
      ...(f.reason ? [f.reason] : []),
      ...(f.findings?.warnings ?? []),
      ...(f.problems ?? []).map((p) => `would not validate: ${p}`),
      ...(f.lost ?? []).map((s) => `sentence missing from the draft: "${s}"`),
    ];
    if (f.todo && f.todo.length > 0 && f.action !== "unchanged") items.push(`to fill: ${groupedTodo(f.todo)}`);
    if (items.length > 0) notes.push(`${f.source}${f.id ? ` → ${f.id}` : ""}`, ...items.map((i) => `  - ${i}`));
  }
  if (notes.length > 0) out.push("", ...notes);
  const t = report.totals;
  const done = report.dryRun ? "would be written (dry run: nothing written)" : "written";
  out.push(
    "",
    `${t.files} source${t.files === 1 ? "" : "s"}: ${t.actions.created + t.actions.updated} ${done}, ${t.actions.unchanged} unchanged, ${t.actions.refused} refused, ${t.actions.failed} failed.`,
    `Timeline rows: ${t.timelineRowsRecovered} of ${t.timelineRowsInSources} in the timeline, ${t.timelineRowsKeptInBody} without an exact time kept in the body. Action items: ${t.actionItems}. Fields left to authors: ${t.todo}. Warnings: ${t.warnings}.`,
  );
  return out.join("\n");
}
