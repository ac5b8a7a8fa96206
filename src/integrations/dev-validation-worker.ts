/**
 * The development server's validation, on a thread of its own so that pages keep rendering while it runs.
 * Each message asks for a run over the content folder as it is now (`forget`: check every file again) and is
 * answered, in order, with the problems found.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { Diagnostic } from "../lib/validate/diagnostic.ts";
import { DevValidation } from "../lib/validate/dev-validation.ts";
import type { ValidateOptions } from "../lib/validate/validate-content.ts";

export interface RunRequest {
  forget: boolean;
}

export interface RunResult {
  diagnostics: Diagnostic[];
  postmortems: number;
}

const validation = new DevValidation(workerData as ValidateOptions);
parentPort?.on("message", (request: RunRequest) => {
  if (request.forget) validation.forget();
  const { diagnostics, postmortems } = validation.run();
  parentPort?.postMessage({ diagnostics, postmortems } satisfies RunResult);
});
