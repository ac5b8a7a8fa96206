/**
 * Runs `hindsight validate` at the start of `astro build`, so a build over invalid content stops at once
 * with the same messages (file:line:col, every problem) instead of failing later on the first one;
 * warnings are printed and the build goes on.
 * The same pass also gives the redirects for renamed postmortems (their `aliases`), so content is read once.
 * In `astro dev` the validation runs on a thread of its own, at start and again on every save of a content file
 * (checking again only the files whose text changed, and the rules across files): problems are printed in the
 * terminal and shown in the browser (Astro's error overlay, at the saved file's first problem, with the fix);
 * while there are errors every page shows them, and fixing the file brings the page back.
 */
import { relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration, AstroIntegrationLogger } from "astro";
import { contentDir } from "../lib/content-paths.ts";
import { aliasRedirects } from "../lib/postmortem/aliases.ts";
import { countByLevel, formatDiagnostic, hasErrors, type Diagnostic } from "../lib/validate/diagnostic.ts";
import { devProblems, devProblemsPending, overlayError, savedFileFirst, setDevProblems } from "../lib/validate/dev-problems.ts";
import { aliasesOf, fileFingerprint, runUntilSettled } from "../lib/validate/dev-validation.ts";
import { validateContent } from "../lib/validate/validate-content.ts";
import { ValidationThread } from "./dev-validation-thread.ts";

function report(diagnostics: Diagnostic[]): string {
  return `hindsight validate found ${countByLevel(diagnostics)} in the content:\n${diagnostics.map(formatDiagnostic).join("\n")}`;
}

function log(logger: AstroIntegrationLogger, diagnostics: Diagnostic[]): void {
  if (diagnostics.length === 0) return;
  if (hasErrors(diagnostics)) logger.error(report(diagnostics));
  else logger.warn(report(diagnostics));
}

/** Shows a save's result: problems in the terminal and the overlay, or a reload once they are fixed. */
type DevServer = Parameters<NonNullable<AstroIntegration["hooks"]["astro:server:setup"]>>[0]["server"];

function showSaved(
  server: DevServer,
  logger: AstroIntegrationLogger,
  diagnostics: Diagnostic[],
  before: Diagnostic[],
  saved: string,
  root: string,
): void {
  const hot = server.environments.client.hot;
  if (diagnostics.length > 0) {
    log(logger, diagnostics);
    // The overlay points at the saved file's first problem and lists every other one.
    const error = overlayError(savedFileFirst(diagnostics, saved), root)!;
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
}

export default function validateContentIntegration(): AstroIntegration {
  let root = process.cwd();
  let publicDir = resolve(root, "public");
  let thread: ValidationThread | undefined;
  return {
    name: "hindsight:validate",
    hooks: {
      "astro:config:setup": ({ command, config, logger, updateConfig, addMiddleware }) => {
        if (command !== "build" && command !== "dev") return;
        root = fileURLToPath(config.root);
        publicDir = fileURLToPath(config.publicDir);
        // Drafts are shown by `astro dev` only. Decided by the command, not by DEV/MODE variables, which an
        // environment can set by accident: a draft must never reach a production build.
        const define = { "import.meta.env.HINDSIGHT_INCLUDE_DRAFTS": JSON.stringify(command === "dev") };
        if (command === "dev") {
          // The validation runs on its own thread while Astro starts; pages wait for its result (the
          // middleware), and the redirects of renamed postmortems come from a quick read of their aliases.
          updateConfig({ redirects: aliasRedirects(aliasesOf(contentDir()), config.base), vite: { define } });
          addMiddleware({ order: "pre", entrypoint: new URL("./dev-problems-middleware.ts", import.meta.url) });
          thread = new ValidationThread({ contentDir: contentDir(), cwd: root, publicDir }, (error) =>
            logger.warn(`The content is checked on the server's own thread from now on: ${error.message}`),
          );
          const first = thread.run().then(({ diagnostics, postmortems }) => {
            setDevProblems(diagnostics, root);
            log(logger, diagnostics);
            if (diagnostics.length === 0) logger.info(`${postmortems} postmortems and 3 catalogs are valid.`);
          });
          devProblemsPending(first);
          return;
        }
        const result = validateContent({ contentDir: contentDir(), cwd: root });
        updateConfig({ redirects: aliasRedirects(result.valid, config.base), vite: { define } });
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
        const validation = thread;
        if (!validation) return;
        const folder = resolve(root, contentDir()) + sep;
        const images = publicDir + sep;
        // A content folder outside the project (HINDSIGHT_CONTENT) is not watched by default.
        server.watcher.add(folder);
        const onChange = (path: string) => {
          const absolute = resolve(path);
          // Bodies' images are checked against the public folder: a change there can fix or break any file.
          const publicChanged = absolute.startsWith(images);
          if (!publicChanged && !absolute.startsWith(folder)) return;
          const saved = relative(root, absolute).split(sep).join("/");
          const settled = runUntilSettled(
            () => validation.run(publicChanged),
            () => fileFingerprint(absolute),
          );
          const run = settled.then(({ diagnostics }) => {
            const before = devProblems();
            setDevProblems(diagnostics, root);
            showSaved(server, logger, diagnostics, before, saved, root);
          });
          devProblemsPending(run);
        };
        server.watcher.on("change", onChange);
        server.watcher.on("add", onChange);
        server.watcher.on("unlink", onChange);
      },
      "astro:server:done": async () => {
        await thread?.close();
        thread = undefined;
      },
    },
  };
}
