/**
 * Content problems as the development server shows them: in the browser (Astro's error overlay, with the
 * author's file, line, column and fix) and in the terminal. The integration stores the latest result here
 * on every save; the request middleware waits for a validation that is still running, then throws the result
 * while there are errors, so every page shows it until the file is fixed. State lives on `globalThis` because
 * the integration and the middleware are loaded by different module loaders in the same process.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { countByLevel, formatDiagnostic, levelOf, type Diagnostic } from "./diagnostic.ts";

const KEY = Symbol.for("hindsight.dev-problems");

interface State {
  diagnostics: Diagnostic[];
  /** The folder diagnostic paths are relative to. */
  root: string;
  /** The validation still running, if any. */
  pending?: Promise<void>;
}

type Holder = { [KEY]?: State };

function state(): State {
  const holder = globalThis as Holder;
  const existing: State | undefined = holder[KEY];
  if (existing) return existing;
  const created: State = { diagnostics: [], root: "" };
  holder[KEY] = created;
  return created;
}

/** Records the latest validation result of the development server. */
export function setDevProblems(diagnostics: Diagnostic[], root: string): void {
  Object.assign(state(), { diagnostics, root });
}

/** Marks a validation as running until `run` settles (it records its result): pages wait for it. */
export function devProblemsPending(run: Promise<unknown>): void {
  const current = state();
  const pending: Promise<void> = run.then(
    () => undefined,
    () => undefined,
  );
  current.pending = pending;
  void pending.then(() => {
    if (current.pending === pending) delete current.pending;
  });
}

/** Resolves once no validation is running, so a page is never rendered before its content was checked. */
export async function devProblemsSettled(): Promise<void> {
  for (let pending = (globalThis as Holder)[KEY]?.pending; pending; pending = (globalThis as Holder)[KEY]?.pending) await pending;
}

/** The latest validation result of the development server (none outside it). */
export function devProblems(): Diagnostic[] {
  return (globalThis as Holder)[KEY]?.diagnostics ?? [];
}

/** What the error overlay shows: the problem at `loc`, its fix as the hint, and every other problem listed. */
export interface OverlayError extends Error {
  title: string;
  hint: string;
  /** The lines around the problem, with a caret under its column. */
  frame: string;
  id: string;
  loc: { file: string; line: number; column: number };
}

/** The message part before " — " and the fix after it. */
function splitFix(message: string): { what: string; fix: string } {
  const at = message.indexOf(" — ");
  return at === -1 ? { what: message, fix: "" } : { what: message.slice(0, at), fix: message.slice(at + 3) };
}

/** Two lines either side of `line`, numbered, with a caret under `column` (empty when the file cannot be read). */
export function codeFrame(file: string, line: number, column: number): string {
  let lines: string[];
  try {
    lines = readFileSync(file, "utf8").split("\n");
  } catch {
    return "";
  }
  const first = Math.max(1, line - 2);
  const last = Math.min(lines.length, line + 2);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    out.push(`${n === line ? ">" : " "} ${String(n).padStart(width)} | ${lines[n - 1] ?? ""}`);
    if (n === line) out.push(`  ${" ".repeat(width)} | ${" ".repeat(Math.max(0, column - 1))}^`);
  }
  return out.join("\n");
}

/** An overlay error for a list of problems (the first is the one located), or undefined when there are none. */
export function overlayError(diagnostics: readonly Diagnostic[], root: string): OverlayError | undefined {
  const first = diagnostics[0];
  if (first === undefined) return undefined;
  const errors = diagnostics.filter((d) => levelOf(d) === "error").length;
  const { what, fix } = splitFix(first.message);
  const others = diagnostics.slice(1).map((d) => `- ${formatDiagnostic(d)}`);
  const file = resolve(root, first.file);
  const message = [
    `${first.file}:${first.line}:${first.column}  ${first.path}  ${levelOf(first) === "warning" ? "warning: " : ""}${what}`,
    ...(others.length > 0 ? ["", `Also (${countByLevel(diagnostics)} in all):`, ...others] : []),
  ].join("\n");
  return Object.assign(new Error(message), {
    name: "ContentProblem",
    title: errors > 0 ? "The content has errors" : "The content has warnings",
    hint: fix ? `${fix}. Save the file and this page reloads.` : "Fix it, save the file and this page reloads.",
    id: file,
    frame: codeFrame(file, first.line, first.column),
    loc: { file, line: first.line, column: first.column },
    stack: "",
  });
}

/** Throws the overlay error while the content has errors (warnings alone let pages render). */
export function throwIfContentErrors(): void {
  const state = (globalThis as Holder)[KEY];
  if (!state) return;
  const errors = state.diagnostics.filter((d) => levelOf(d) === "error");
  const error = overlayError(errors, state.root);
  if (error) throw error;
}

/** The problems of `file` (as diagnostics name it) first, then every other one, each group in its order. */
export function savedFileFirst(diagnostics: readonly Diagnostic[], file: string): Diagnostic[] {
  return [...diagnostics.filter((d) => d.file === file), ...diagnostics.filter((d) => d.file !== file)];
}
