/**
 * Runs the development server's validation on a thread of its own (dev-validation-worker.ts): the first run
 * goes on while Astro starts, and a save does not hold up rendering. Should the thread fail, the runs go on
 * in this thread, so problems are still reported.
 */
import { Worker } from "node:worker_threads";
import { DevValidation } from "../lib/validate/dev-validation.ts";
import type { ValidateOptions } from "../lib/validate/validate-content.ts";
import type { RunRequest, RunResult } from "./dev-validation-worker.ts";

interface Waiting {
  request: RunRequest;
  resolve: (result: RunResult) => void;
}

export class ValidationThread {
  readonly #options: ValidateOptions;
  readonly #onFailure: (error: Error) => void;
  #worker: Worker | undefined;
  #fallback: DevValidation | undefined;
  /** Requests sent and not answered yet, oldest first (the worker answers in order). */
  #waiting: Waiting[] = [];

  constructor(options: ValidateOptions, onFailure: (error: Error) => void) {
    this.#options = options;
    this.#onFailure = onFailure;
    const worker = new Worker(new URL("./dev-validation-worker.mjs", import.meta.url), { workerData: options });
    worker.unref();
    worker.on("message", (result: RunResult) => this.#waiting.shift()?.resolve(result));
    worker.on("error", (error) => this.#fail(error));
    worker.on("exit", (code) => {
      if (this.#worker === worker) this.#fail(new Error(`the validation thread stopped (exit code ${code})`));
    });
    this.#worker = worker;
  }

  /** The problems of the content folder as it is now; `forget` checks every file again. */
  run(forget = false): Promise<RunResult> {
    const request: RunRequest = { forget };
    if (!this.#worker) return Promise.resolve(this.#runHere(request));
    return new Promise((resolve) => {
      this.#waiting.push({ request, resolve });
      this.#worker!.postMessage(request);
    });
  }

  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    await worker?.terminate();
  }

  #runHere(request: RunRequest): RunResult {
    this.#fallback ??= new DevValidation(this.#options);
    if (request.forget) this.#fallback.forget();
    const { diagnostics, postmortems } = this.#fallback.run();
    return { diagnostics, postmortems };
  }

  #fail(error: Error): void {
    if (!this.#worker) return;
    this.#worker = undefined;
    this.#onFailure(error);
    for (const waiting of this.#waiting.splice(0)) waiting.resolve(this.#runHere({ forget: true }));
  }
}
