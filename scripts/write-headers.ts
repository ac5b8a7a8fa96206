/** Writes public/_headers from the security policy. */
import { writeFileSync } from "node:fs";
import { headersFile } from "../src/lib/security/policy.ts";

writeFileSync(new URL("../public/_headers", import.meta.url), headersFile());
console.log("Wrote public/_headers");
