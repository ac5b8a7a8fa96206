// Node strips TypeScript types itself, except under node_modules (its rule against publishing TypeScript), which is
// where Hindsight lives when a knowledge base depends on it. There, strip the types of Hindsight's own files here.
// Hooks apply to the thread that registers them: the command and the dev server's validation thread both call this.
import { registerHooks, stripTypeScriptTypes } from "node:module";
import { readFileSync } from "node:fs";

/** Registers the hook when `own` (the URL of Hindsight's folder, ending in "/") is inside node_modules. */
export function stripOwnTypes(own) {
  if (!own.includes("/node_modules/")) return;
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
