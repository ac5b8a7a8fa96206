/** Where tests find the project and the sites they build. */
import { fileURLToPath } from "node:url";
import { join } from "node:path";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const TEST_OUTPUT = join(ROOT, ".test-output");
/** The sample knowledge base (content/), built once per test run by the global setup. */
export const SAMPLE_DIST = join(TEST_OUTPUT, "sample", "dist");
export const FIXTURES = join(ROOT, "tests", "fixtures");
