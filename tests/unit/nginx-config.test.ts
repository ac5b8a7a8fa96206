import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { NGINX_DEFAULTS, nginxServerBlock } from "../../src/lib/deploy/nginx.ts";
import { headersFile, securityHeaders } from "../../src/lib/security/policy.ts";
import { ROOT } from "../support/paths.ts";
import { parseHeadersFile } from "../support/serve.ts";

/** The `add_header` lines of one block of an nginx configuration, as [name, value] pairs. */
function addedHeaders(block: string): [string, string][] {
  return [...block.matchAll(/^\s*add_header (\S+) "((?:[^"\\]|\\.)*)" always;$/gm)].map((m) => [m[1] ?? "", m[2] ?? ""]);
}

describe("the nginx configuration", () => {
  it("is what deploy/nginx/hindsight.conf says (run `npm run headers` after changing the policy)", () => {
    expect(readFileSync(join(ROOT, "deploy", "nginx", "hindsight.conf"), "utf8")).toBe(nginxServerBlock(NGINX_DEFAULTS));
  });

  it("sends exactly the headers of public/_headers, in the server and again where a location adds its own", () => {
    const config = nginxServerBlock(NGINX_DEFAULTS);
    const [rule] = parseHeadersFile(headersFile());
    const assets = config.slice(config.indexOf("\n    location /_astro/"));
    const server = config.slice(0, config.indexOf("\n    location"));
    expect(addedHeaders(server)).toEqual(rule?.headers);
    expect(addedHeaders(assets).filter(([name]) => name !== "Cache-Control")).toEqual(securityHeaders());
  });

  it("serves the 404 page, the assets and the _headers guard under the base path the site was built for", () => {
    const config = nginxServerBlock({ root: "/srv/www", port: 8081, base: "kb" });
    expect(config).toContain("listen 8081;");
    expect(config).toContain("root /srv/www;");
    expect(config).toContain("error_page 404 /kb/404.html;");
    expect(config).toContain("location /kb/ {");
    expect(config).toContain("location /kb/_astro/ {");
    expect(config).toContain("location = /kb/_headers {");
  });

  it("escapes a double quote in a header value rather than ending the value early", () => {
    for (const [, value] of addedHeaders(nginxServerBlock(NGINX_DEFAULTS))) expect(value).not.toMatch(/(^|[^\\])"/);
  });
});
