/**
 * Runs `hindsight validate` at the start of `astro build`, so a build over invalid content stops at once
 * with the same messages (file:line:col, every problem) instead of failing later on the first one;
 * warnings are printed and the build goes on.
 * In `astro dev` it validates again on every save of a content file (checking again only the files whose text
 * changed, and the rules across files): problems are printed in the terminal and shown in the browser (Astro's
 * error overlay, at the saved file's first problem, with the fix); while there are errors every page shows
 * them, and fixing the file brings the page back.
 * The same pass also gives the redirects for renamed postmortems (their `aliases`), so content is read once.
 */
import { relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration, AstroIntegrationLogger } from "astro";
import { contentDir } from "../lib/content-paths.ts";
import { aliasRedirects } from "../lib/postmortem/aliases.ts";
import { formatDiagnostic, hasErrors, levelOf, type Diagnostic } from "../lib/validate/diagnostic.ts";
import { devProblems, overlayError, savedFileFirst, setDevProblems } from "../lib/validate/dev-problems.ts";
import { DevValidation } from "../lib/validate/dev-validation.ts";
import { validateContent } from "../lib/validate/validate-content.ts";

function report(diagnostics: Diagnostic[]): string {
  const errors = diagnostics.filter((d) => levelOf(d) === "error").length;
  const warnings = diagnostics.length - errors;
  const parts = [
    errors > 0 ? `${errors} ${errors === 1 ? "error" : "errors"}` : "",
    warnings > 0 ? `${warnings} ${warnings === 1 ? "warning" : "warnings"}` : "",
  ].filter(Boolean);
  return `hindsight validate found ${parts.join(" and ")} in the content:\n${diagnostics.map(formatDiagnostic).join("\n")}`;
}

function log(logger: AstroIntegrationLogger, diagnostics: Diagnostic[]): void {
  if (diagnostics.length === 0) return;
  if (hasErrors(diagnostics)) logger.error(report(diagnostics));
  else logger.warn(report(diagnostics));
}

export default function validateContentIntegration(): AstroIntegration {
  let root = process.cwd();
  let publicDir = resolve(root, "public");
  let devValidation: DevValidation | undefined;
  return {
    name: "hindsight:validate",
    hooks: {
      "astro:config:setup": ({ command, config, logger, updateConfig, addMiddleware }) => {
        if (command !== "build" && command !== "dev") return;
        root = fileURLToPath(config.root);
        publicDir = fileURLToPath(config.publicDir);
        if (command === "dev") devValidation = new DevValidation({ contentDir: contentDir(), cwd: root, publicDir });
        const result = devValidation ? devValidation.run() : validateContent({ contentDir: contentDir(), cwd: root });
        updateConfig({
          redirects: aliasRedirects(result.valid, config.base),
          // Drafts are shown by `astro dev` only. Decided by the command, not by DEV/MODE variables, which an
          // environment can set by accident: a draft must never reach a production build.
          vite: { define: { "import.meta.env.HINDSIGHT_INCLUDE_DRAFTS": JSON.stringify(command === "dev") } },
        });
        if (command === "dev") {
          setDevProblems(result.diagnostics, root);
          addMiddleware({ order: "pre", entrypoint: new URL("./dev-problems-middleware.ts", import.meta.url) });
          log(logger, result.diagnostics);
          if (result.diagnostics.length === 0) logger.info(`${result.postmortems} postmortems and 3 catalogs are valid.`);
          return;
        }
        if (result.diagnostics.length === 0) {
          logger.info(`${result.postmortems} postmortems and 3 catalogs are valid.`);
          return;
        }
        if (!hasErrors(result.diagnostics)) {
          logger.warn(report(result.diagnostics));
          return;
        }
        throw new Error(
          `${report(result.diagnostics)}\nFix the errors (run \`npm run validate\` to check again) and build once more.`,
        );
      },
      "astro:server:setup": ({ server, logger }) => {
        const validation = devValidation;
        if (!validation) return;
        const folder = resolve(root, contentDir()) + sep;
        const images = publicDir + sep;
        // A content folder outside the project (HINDSIGHT_CONTENT) is not watched by default.
        server.watcher.add(folder);
        const onChange = (path: string) => {
          const absolute = resolve(path);
          // Bodies' images are checked against the public folder: a change there can fix or break any file.
          if (absolute.startsWith(images)) validation.forget();
          else if (!absolute.startsWith(folder)) return;
          const before = devProblems();
          const result = validation.run();
          setDevProblems(result.diagnostics, root);
          const hot = server.environments.client.hot;
          if (result.diagnostics.length > 0) {
            log(logger, result.diagnostics);
            // The overlay points at the saved file's first problem and lists every other one.
            const error = overlayError(savedFileFirst(result.diagnostics, relative(root, absolute).split(sep).join("/")), root)!;
            // Astro's overlay reads `hint` besides Vite's fields.
            const err = {
              message: error.message,
              stack: "",
              id: error.id,
              loc: error.loc,
              hint: error.hint,
              frame: error.frame,
              plugin: "hindsight",
            };
            hot.send({ type: "error", err });
          } else if (before.length > 0) {
            logger.info("The content problems are fixed.");
            hot.send({ type: "full-reload", path: "*" });
          }
        };
        server.watcher.on("change", onChange);
        server.watcher.on("add", onChange);
        server.watcher.on("unlink", onChange);
      },
    },
  };
}
