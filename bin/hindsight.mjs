#!/usr/bin/env node
// Entry point of the `hindsight` command. The CLI is TypeScript run by Node's type stripping (Node >= 22.18),
// so this file only checks the runtime and hands over.
import { registerHooks, stripTypeScriptTypes } from "node:module";
import { readFileSync } from "node:fs";

const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(
    `hindsight needs Node.js 22.18 or newer (this is ${process.version}); run it through npm scripts or npx, which use the project's pinned Node.`,
  );
  process.exit(2);
}

// Node strips types itself, except under node_modules (its rule against publishing TypeScript), which is where
// Hindsight lives when a knowledge base depends on it. There, strip the types of Hindsight's own files here.
const own = new URL("../", import.meta.url).href;
if (own.includes("/node_modules/")) {
  // stripTypeScriptTypes warns that it is experimental on first use; the warning means nothing to a reader.
  const quietly = (strip) => {
    const emitWarning = process.emitWarning;
    process.emitWarning = (warning, ...rest) =>
      String(warning).includes("stripTypeScriptTypes") ? undefined : emitWarning.call(process, warning, ...rest);
    try {
      return strip();
    } finally {
      process.emitWarning = emitWarning;
    }
  };
  registerHooks({
    load(url, context, nextLoad) {
      if (!url.startsWith(own) || !url.endsWith(".ts") || url.slice(own.length).includes("node_modules/"))
        return nextLoad(url, context);
      const source = quietly(() => stripTypeScriptTypes(readFileSync(new URL(url), "utf8"), { mode: "strip", sourceUrl: url }));
      return { format: "module", source, shortCircuit: true };
    },
  });
}

const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
