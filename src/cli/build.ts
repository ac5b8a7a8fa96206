/** `hindsight build`: validates the content and builds the site into dist/ of the current folder. */
import { parseArgs } from "node:util";
import { runAstro, siteFolders } from "./astro-site.ts";

export const summary = "Validate the content and build the site (default: content/ into dist/)";

const HELP = `Usage: hindsight build [--content <dir>] [--out <dir>]

Builds the knowledge base in the current folder with Hindsight's site: the content (default:
$HINDSIGHT_CONTENT or content/) is validated first, and the site is written to --out (default:
$HINDSIGHT_OUT_DIR or dist/). HINDSIGHT_SITE and HINDSIGHT_BASE set the public address and base path.`;

export async function run(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: { content: { type: "string" }, out: { type: "string" }, help: { type: "boolean", short: "h" } },
    }));
  } catch (error) {
    console.error(`hindsight build: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  return runAstro("build", [], siteFolders(process.cwd(), { content: values.content, outDir: values.out }));
}
