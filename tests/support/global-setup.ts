/** Builds the sample knowledge base once per run; integration and browser tests read the result. */
import { rmSync } from "node:fs";
import { dirname } from "node:path";
import { SAMPLE_TODAY } from "./paths.ts";
import { buildSite } from "./site.ts";

export default async function setup(): Promise<() => void> {
  const result = await buildSite(`sample-${process.pid}`, "content", { HINDSIGHT_TODAY: SAMPLE_TODAY });
  if (result.code !== 0) throw new Error(`The sample site failed to build:\n${result.output}`);
  process.env["HINDSIGHT_SAMPLE_DIST"] = result.dist;
  return () => rmSync(dirname(result.dist), { recursive: true, force: true });
}
