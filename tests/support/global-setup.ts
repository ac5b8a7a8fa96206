/** Builds the sample knowledge base once; integration and browser tests read the result. */
import { buildSite } from "./site.ts";

export default async function setup(): Promise<void> {
  const result = await buildSite("sample", "content");
  if (result.code !== 0) throw new Error(`The sample site failed to build:\n${result.output}`);
}
