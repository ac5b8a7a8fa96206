/**
 * Runs `hindsight validate` at the start of `astro build`, so a build over invalid content stops at once
 * with the same messages (file:line:col, every problem) instead of failing later on the first one.
 * In `astro dev` the problems are logged as warnings, so the preview keeps running while an author types.
 * The same pass also gives the redirects for renamed postmortems (their `aliases`), so content is read once.
 */
import type { AstroIntegration } from "astro";
import { contentDir } from "../lib/content-paths.ts";
import { aliasRedirects } from "../lib/postmortem/aliases.ts";
import { formatDiagnostic } from "../lib/validate/diagnostic.ts";
import { validateContent } from "../lib/validate/validate-content.ts";

export default function validateContentIntegration(): AstroIntegration {
  return {
    name: "hindsight:validate",
    hooks: {
      "astro:config:setup": ({ command, config, logger, updateConfig }) => {
        if (command !== "build" && command !== "dev") return;
        const result = validateContent({ contentDir: contentDir() });
        updateConfig({
          redirects: aliasRedirects(result.valid, config.base),
          // Drafts are shown by `astro dev` only. Decided by the command, not by DEV/MODE variables, which an
          // environment can set by accident: a draft must never reach a production build.
          vite: { define: { "import.meta.env.HINDSIGHT_INCLUDE_DRAFTS": JSON.stringify(command === "dev") } },
        });
        const lines = result.diagnostics.map(formatDiagnostic);
        if (lines.length === 0) {
          logger.info(`${result.postmortems} postmortems and 3 catalogs are valid.`);
          return;
        }
        const heading = `hindsight validate found ${lines.length} ${lines.length === 1 ? "problem" : "problems"} in the content:`;
        if (command === "dev") {
          logger.warn(`${heading}\n${lines.join("\n")}`);
          return;
        }
        throw new Error(
          `${heading}\n${lines.join("\n")}\nFix them (run \`npm run validate\` to check again) and build once more.`,
        );
      },
    },
  };
}
