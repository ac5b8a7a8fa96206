import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { NGINX_DEFAULTS, nginxServerBlock } from "../../src/lib/deploy/nginx.ts";
import { QUERY_ECHO_LOCATION, queryEchoMarkup } from "../../src/lib/search/query-echo.ts";
import { headersFile, securityHeaders } from "../../src/lib/security/policy.ts";
import { ROOT } from "../support/paths.ts";
import { parseHeadersFile } from "../support/serve.ts";
import { visibleText } from "../support/visible-text.ts";

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

describe("showing the search words back without JavaScript", () => {
  it("turns server-side includes on for the search page only, under the base path", () => {
    const config = nginxServerBlock({ root: "/srv/www", port: 8081, base: "kb" });
    expect(config.match(/\bssi on;/g)).toHaveLength(1);
    const searchLocation = config.slice(config.indexOf("location = /kb/search/index.html {"));
    expect(searchLocation.slice(0, searchLocation.indexOf("\n    }"))).toContain("ssi on;");
    expect(config).toContain(`location /kb/${QUERY_ECHO_LOCATION} {\n        internal;`);
  });

  it("has the page include the location the configuration answers, and echo the words entity-encoded", () => {
    const markup = queryEchoMarkup("/kb/");
    expect(markup).toContain(`include virtual="/kb/${QUERY_ECHO_LOCATION}$`);
    const echoes = [...markup.matchAll(/<!--# echo var="(\w+)" encoding="(\w+)" -->/g)].map((m) => [m[1], m[2]]);
    expect(echoes.filter(([, encoding]) => encoding !== "entity").map(([name]) => name)).toEqual([
      "hindsight_echo_open",
      "hindsight_echo_close",
    ]);
  });

  it("shows nothing on a host without server-side includes: every command is an HTML comment", () => {
    expect(visibleText(`<body>${queryEchoMarkup("/")}</body>`)).toBe("");
  });
});
