/** Writes public/_headers and deploy/nginx/hindsight.conf from the security policy. */
import { mkdirSync, writeFileSync } from "node:fs";
import { NGINX_DEFAULTS, nginxServerBlock } from "../src/lib/deploy/nginx.ts";
import { headersFile } from "../src/lib/security/policy.ts";

writeFileSync(new URL("../public/_headers", import.meta.url), headersFile());
console.log("Wrote public/_headers");
mkdirSync(new URL("../deploy/nginx/", import.meta.url), { recursive: true });
writeFileSync(new URL("../deploy/nginx/hindsight.conf", import.meta.url), nginxServerBlock(NGINX_DEFAULTS));
console.log("Wrote deploy/nginx/hindsight.conf");
