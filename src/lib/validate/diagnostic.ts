import type { Level } from "./rules.ts";
import { countOf } from "../format/count.ts";

/** A located problem: what `hindsight validate` prints, one per line. */
export interface Diagnostic {
  /** Path of the file, relative to the working directory, with forward slashes. */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  /** The field (`actionItems.2.owner`), or `frontmatter`, `body`, `(file)`. */
  path: string;
  /** What is wrong — how to fix it. */
  message: string;
  /** Absent means error: only warnings say so. */
  level?: Level;
  /** The id of the rule in src/lib/validate/rules.ts, where known. */
  rule?: string;
}

/** The level of a diagnostic (errors leave it out). */
export function levelOf(d: Diagnostic): Level {
  return d.level ?? "error";
}

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => levelOf(d) === "error");
}

/** `--strict`: every warning becomes an error. */
export function strict(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d) => (d.level === "warning" ? { ...d, level: "error" as const } : d));
}

/** Sorts by file, then position, then field, then message, so that output is stable and reads top to bottom. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      a.path.localeCompare(b.path) ||
      a.message.localeCompare(b.message),
  );
}

/** Drops exact repeats (the same message at the same place). */
export function uniqueDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.file}\0${d.line}\0${d.column}\0${d.path}\0${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `file:LINE:COL  field.path  message`, with `warning:` before the message of a warning. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}  ${d.path}  ${d.level === "warning" ? "warning: " : ""}${d.message}`;
}

export const OUTPUT_FORMATS = ["text", "json", "github"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Escapes GitHub workflow-command data and property values. */
function escapeData(value: string): string {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** One GitHub Actions `::error` or `::warning` annotation per problem. */
export function formatGithub(d: Diagnostic): string {
  return `::${levelOf(d)} file=${escapeProperty(d.file)},line=${d.line},col=${d.column},title=${escapeProperty(d.path)}::${escapeData(d.message)}`;
}

export interface ValidationSummary {
  /** How many postmortem files were read. */
  postmortems: number;
  /** What was checked, when not the whole content folder ("2 files"). */
  files?: string;
  diagnostics: Diagnostic[];
}

/** The problems of a run counted by level: "2 errors and 1 warning", "1 warning" ("" when there are none). */
export function countByLevel(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => levelOf(d) === "error").length;
  const warnings = diagnostics.length - errors;
  return [errors > 0 ? countOf(errors, "error") : "", warnings > 0 ? countOf(warnings, "warning") : ""]
    .filter(Boolean)
    .join(" and ");
}

/** Renders a whole run in one of the output formats (without a trailing newline). */
export function formatReport(summary: ValidationSummary, format: OutputFormat): string {
  const { diagnostics } = summary;
  if (format === "json") {
    const problems = diagnostics.map((d) => ({ ...d, level: levelOf(d) }));
    return JSON.stringify({ ok: !hasErrors(diagnostics), postmortems: summary.postmortems, problems }, null, 2);
  }
  if (format === "github") return diagnostics.map(formatGithub).join("\n");
  const checked = summary.files ?? `${countOf(summary.postmortems, "postmortem")} and 3 catalogs`;
  if (diagnostics.length === 0) return `✔ ${checked} ${summary.files === undefined ? "are" : "is"} valid.`;
  const errors = diagnostics.filter((d) => levelOf(d) === "error");
  const warnings = diagnostics.length - errors.length;
  const files = new Set(errors.map((d) => d.file)).size;
  const warningText = countOf(warnings, "warning");
  const last =
    errors.length === 0
      ? `✔ ${checked} ${summary.files === undefined ? "are" : "is"} valid, with ${warningText}.`
      : `✖ ${countOf(errors.length, "problem")} in ${countOf(files, "file")}${warnings > 0 ? `, and ${warningText}` : ""}.`;
  return [...diagnostics.map(formatDiagnostic), "", last].join("\n");
}
