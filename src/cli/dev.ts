/** `hindsight dev`: previews the knowledge base in the current folder, drafts included, reloading on every save. */
import { runAstro, siteFolders } from "./astro-site.ts";
import { readArguments } from "./arguments.ts";

export const summary = "Preview the site with drafts at http://localhost:4321/, reloading on every save";

const HELP = `Usage: hindsight dev [--content <dir>] [--port <number>] [--host]

Serves the knowledge base in the current folder (content/ by default, or $HINDSIGHT_CONTENT) with drafts
shown, and reloads pages as you save. --port and --host are passed to Astro's dev server.`;

export async function run(args: string[]): Promise<number> {
  const parsed = readArguments("dev", HELP, {
    args,
    options: {
      content: { type: "string" },
      port: { type: "string" },
      host: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (typeof parsed === "number") return parsed;
  const { values } = parsed;
  const extra = [...(values.port ? ["--port", values.port] : []), ...(values.host ? ["--host"] : [])];
  return runAstro("dev", extra, siteFolders(process.cwd(), { content: values.content, outDir: undefined }));
}
