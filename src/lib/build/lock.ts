/**
 * One build at a time per output and cache folder: a lock file holding the builder's process id, created
 * atomically (`wx`). A lock whose process no longer runs (a build killed with SIGKILL, a crashed machine)
 * is stale and taken over, so a dead build never blocks the next one.
 */
import { openSync, readFileSync, rmSync, writeSync, closeSync } from "node:fs";
import { hostname } from "node:os";

/** What a lock file records. */
export interface LockOwner {
  pid: number;
  host: string;
  started: string;
}

/** Thrown when another live build holds the lock; the message says which process and what to do. */
export class BuildLockedError extends Error {}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readOwner(path: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(path, "utf8")) as Partial<LockOwner>;
    return typeof owner.pid === "number"
      ? { pid: owner.pid, host: String(owner.host), started: String(owner.started) }
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes the lock at `path` for this process and returns its release function; throws BuildLockedError when
 * a running process holds it. A lock from another host is respected (its process cannot be checked from here).
 */
export function acquireLock(path: string, what: string): () => void {
  const owner: LockOwner = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, `${JSON.stringify(owner)}\n`);
      closeSync(fd);
      return () => {
        if (readOwner(path)?.pid === process.pid) rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readOwner(path);
      const alive = holder !== undefined && (holder.host !== owner.host || isRunning(holder.pid));
      if (alive) {
        throw new BuildLockedError(
          `another build of ${what} is running (process ${holder.pid} on ${holder.host}, since ${holder.started}) — wait for it to finish; if no build is running, delete ${path}`,
        );
      }
      // Stale: its process is gone (or the file is unreadable). Remove it and try once more.
      rmSync(path, { force: true });
    }
  }
  throw new BuildLockedError(`could not take the build lock ${path} — another build took it at the same moment; try again`);
}
