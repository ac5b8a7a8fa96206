/** Runs the real `hindsight` command in a child process. */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "../support/paths.ts";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  lines: string[];
}

export function hindsight(
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; input?: string } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [join(ROOT, "bin", "hindsight.mjs"), ...args],
      { cwd: options.cwd ?? ROOT, env: { ...process.env, NO_COLOR: "1", ...options.env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== "number") {
          reject(new Error(error.message));
          return;
        }
        const code = error ? Number(error.code) : 0;
        resolve({ code, stdout, stderr, lines: stdout.split("\n").filter((l) => l.length > 0) });
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
    else child.stdin?.end();
  });
}
