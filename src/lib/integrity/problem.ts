/** A problem found in content, before it is given a line and column. */
export interface Problem {
  /** Path of the file, relative to the project root, with forward slashes. */
  file: string;
  /** Path of the offending field inside the file (empty for the whole file). */
  path: (string | number)[];
  /** What is wrong — how to fix it. */
  message: string;
  /** Set only on warnings: problems are errors unless they say so. */
  level?: "warning";
  /** The id of the rule in src/lib/validate/rules.ts, where known. */
  rule?: string;
}

/** `actionItems.2.owner` style rendering of a field path. */
export function formatPath(path: readonly (string | number | symbol)[]): string {
  return path.length === 0 ? "(file)" : path.map(String).join(".");
}

/** "file  field  message", the form CLI tools and build errors share (without a line number). */
export function formatProblem(problem: Problem): string {
  return `${problem.file}  ${formatPath(problem.path)}  ${problem.message}`;
}
