#!/usr/bin/env node
// Entry point of the `hindsight` command. The CLI is TypeScript run by Node's type stripping (Node >= 22.18),
// so this file only checks the runtime and hands over.
import { stripOwnTypes } from "./strip-own-types.mjs";

const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(
    `hindsight needs Node.js 22.18 or newer (this is ${process.version}); run it through npm scripts or npx, which use the project's pinned Node.`,
  );
  process.exit(2);
}

// Hindsight's own files are stripped of their types once and kept (strip-own-types.mjs).
stripOwnTypes(new URL("../", import.meta.url).href);

const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
