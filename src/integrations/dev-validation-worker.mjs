// Entry of the dev server's validation thread (dev-validation-worker.ts). A new thread does not inherit the hooks
// that run Hindsight's TypeScript (strip-own-types.mjs), so it registers them before loading it.
import { stripOwnTypes } from "../../bin/strip-own-types.mjs";

stripOwnTypes(new URL("../../", import.meta.url).href);
await import("./dev-validation-worker.ts");
