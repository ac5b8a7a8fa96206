/** `hindsight dev`: previews the knowledge base in the current folder, drafts included, reloading on every save. */
import { parseArgs } from "node:util";
import { runAstro, siteFolders } from "./astro-site.ts";

export const summary = "Preview the site with drafts at http://localhost:4321/, reloading on every save";

const HELP = `Usage: hindsight dev [--content <dir>] [--port <number>] [--host]

Serves the knowledge base in the current folder (content/ by default, or $HINDSIGHT_CONTENT) with drafts
shown, and reloads pages as you save. --port and --host are passed to Astro's dev server.`;

export async function run(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        content: { type: "string" },
        port: { type: "string" },
        host: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    console.error(`hindsight dev: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const extra = [...(values.port ? ["--port", values.port] : []), ...(values.host ? ["--host"] : [])];
  return runAstro("dev", extra, siteFolders(process.cwd(), { content: values.content, outDir: undefined }));
}
