/** Where tests find the project and the sites they build. */
import { fileURLToPath } from "node:url";
import { join } from "node:path";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const TEST_OUTPUT = join(ROOT, ".test-output");
/**
 * The sample knowledge base (content/), built once per test run by the global setup. Each run builds
 * into its own folder (named in HINDSIGHT_SAMPLE_DIST) so that two runs at once never share output.
 */
export const SAMPLE_DIST = process.env["HINDSIGHT_SAMPLE_DIST"] ?? join(TEST_OUTPUT, "sample", "dist");
export const FIXTURES = join(ROOT, "tests", "fixtures");
/** The day the sample site is built for (HINDSIGHT_TODAY), so its figures are reproducible. */
export const SAMPLE_TODAY = "2026-11-30";
