/** `hindsight validate`: checks the content folder and prints every problem at once. */
import { contentDir } from "../lib/content-paths.ts";
import {
  formatReport,
  hasErrors,
  OUTPUT_FORMATS,
  sortDiagnostics,
  strict,
  type OutputFormat,
} from "../lib/validate/diagnostic.ts";
import { validateContent, validateFiles } from "../lib/validate/validate-content.ts";
import { readArguments } from "./arguments.ts";

export const summary = "Check postmortems and catalogs; print every problem as file:line:col";

const HELP = `Usage: hindsight validate [<file.mdx>…] [--content <dir>] [--format text|json|github] [--strict] [--against <git-ref>]

Checks the catalogs and every postmortem in the content folder (default: $HINDSIGHT_CONTENT or content/)
and prints all problems, one per line: file:LINE:COL  field.path  what is wrong — how to fix it.
Given postmortem files, it checks only those, plus the rules across files they touch (file names and
ids, catalog references, related, priorActionItems, aliases): fast enough for an editor or a pre-commit hook.
Warnings are printed too but do not fail the check.
Exit code 0 when there is no error, 1 when there are errors, 2 on a usage error.

  --content <dir>     the content folder to check
  --format <format>   text (default), json (machine-readable) or github (GitHub Actions annotations)
  --strict            treat warnings as errors
  --against <ref>     also fail when an action item or a published postmortem that exists at the git
                      ref (for example origin/main) has disappeared`;

export async function run(args: string[]): Promise<number> {
  const parsed = readArguments("validate", HELP, {
    args,
    allowPositionals: true,
    options: {
      content: { type: "string" },
      format: { type: "string", default: "text" },
      against: { type: "string" },
      strict: { type: "boolean", default: false },
      help: { type: "boolean", short: "h" },
    },
  });
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;
  const format = values.format as OutputFormat;
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) {
    console.error(`hindsight validate: unknown format "${values.format}" — use one of ${OUTPUT_FORMATS.join(", ")}`);
    return 2;
  }
  const dir = values.content ?? contentDir();
  // A catalog touches every postmortem: given one, check everything.
  const onlyPostmortems = positionals.length > 0 && positionals.every((file) => file.endsWith(".mdx"));
  const result = onlyPostmortems ? validateFiles({ contentDir: dir, files: positionals }) : validateContent({ contentDir: dir });
  let diagnostics = result.diagnostics;
  if (values.against !== undefined) {
    // Loaded only for this option: it reads git and parses YAML, which a plain run never needs.
    const { AgainstError, compareWithRef } = await import("../lib/validate/against.ts");
    try {
      diagnostics = sortDiagnostics([...diagnostics, ...compareWithRef(values.against, dir)]);
    } catch (error) {
      if (error instanceof AgainstError) {
        console.error(`hindsight validate: ${error.message}`);
        return 2;
      }
      throw error;
    }
  }
  if (values.strict) diagnostics = strict(diagnostics);
  const checked = onlyPostmortems ? `${positionals.length} ${positionals.length === 1 ? "file" : "files"}` : undefined;
  const report = formatReport({ postmortems: result.postmortems, diagnostics, ...(checked ? { files: checked } : {}) }, format);
  if (report) console.log(report);
  return hasErrors(diagnostics) ? 1 : 0;
}
