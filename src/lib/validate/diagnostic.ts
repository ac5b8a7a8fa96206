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

/** `file:LINE:COL  field.path  message` */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}  ${d.path}  ${d.message}`;
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

/** One GitHub Actions `::error` annotation per problem. */
export function formatGithub(d: Diagnostic): string {
  return `::error file=${escapeProperty(d.file)},line=${d.line},col=${d.column},title=${escapeProperty(d.path)}::${escapeData(d.message)}`;
}

export interface ValidationSummary {
  /** How many postmortem files were read. */
  postmortems: number;
  diagnostics: Diagnostic[];
}

/** Renders a whole run in one of the output formats (without a trailing newline). */
export function formatReport(summary: ValidationSummary, format: OutputFormat): string {
  const { diagnostics } = summary;
  if (format === "json") {
    return JSON.stringify({ ok: diagnostics.length === 0, postmortems: summary.postmortems, problems: diagnostics }, null, 2);
  }
  if (format === "github") return diagnostics.map(formatGithub).join("\n");
  if (diagnostics.length === 0)
    return `✔ ${summary.postmortems} ${summary.postmortems === 1 ? "postmortem" : "postmortems"} and 3 catalogs are valid.`;
  const files = new Set(diagnostics.map((d) => d.file)).size;
  const noun = diagnostics.length === 1 ? "problem" : "problems";
  return [
    ...diagnostics.map(formatDiagnostic),
    "",
    `✖ ${diagnostics.length} ${noun} in ${files} ${files === 1 ? "file" : "files"}.`,
  ].join("\n");
}
