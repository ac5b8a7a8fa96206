/** Builds the sample knowledge base once per run; integration and browser tests read the result. */
import { rmSync } from "node:fs";
import { dirname } from "node:path";
import { buildSite } from "./site.ts";

export default async function setup(): Promise<() => void> {
  const result = await buildSite(`sample-${process.pid}`, "content");
  if (result.code !== 0) throw new Error(`The sample site failed to build:\n${result.output}`);
  process.env["HINDSIGHT_SAMPLE_DIST"] = result.dist;
  return () => rmSync(dirname(result.dist), { recursive: true, force: true });
}
