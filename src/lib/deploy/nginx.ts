/**
 * The production nginx configuration, written from the same security policy as `public/_headers`, so the
 * two can never disagree. deploy/nginx/hindsight.conf is its output for the defaults (`npm run headers`
 * rewrites it; a test fails when it is stale); tests generate it for a temporary folder and port and run
 * Debian's nginx with it.
 */
import { queryEchoLocations } from "../search/query-echo.ts";
import { securityHeaders } from "../security/policy.ts";

export interface NginxSiteOptions {
  /** The folder nginx serves: the built site, or the folder above it when the site lives under `base`. */
  root: string;
  /** The port to listen on. */
  port: number;
  /** The path the site was built for (HINDSIGHT_BASE), with leading and trailing slashes; default "/". */
  base?: string;
}

/** Where the Docker image and the default configuration serve from, and listen. */
export const NGINX_DEFAULTS = { root: "/usr/share/nginx/html", port: 8080, base: "/" } as const satisfies NginxSiteOptions;

/** Hashed asset file names under this folder never change content, so they may be cached for a year. */
const ASSET_FOLDER = "_astro/";

/** nginx needs double quotes escaped inside a quoted value; the policy has none today, but never trust that. */
const quoted = (value: string) => `"${value.replace(/["\\]/g, "\\$&")}"`;

function headerLines(indent: string): string[] {
  return securityHeaders().map(([name, value]) => `${indent}add_header ${name} ${quoted(value)} always;`);
}

function normalisedBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, "");
  return trimmed === "" ? "/" : `/${trimmed}/`;
}

/** A `server { }` block for nginx's `http { }` context (Debian: a file in /etc/nginx/conf.d/). */
export function nginxServerBlock(options: NginxSiteOptions): string {
  const base = normalisedBase(options.base ?? "/");
  const indent = "    ";
  return [
    "# Generated from src/lib/security/policy.ts and src/lib/deploy/nginx.ts by `npm run headers`; a test fails when it is stale.",
    "# Serves a built Hindsight site with the headers of public/_headers, its 404 page and its alias redirects",
    "# (pages that forward a former postmortem id to the current one). Include it in nginx's http { } block.",
    "server {",
    `${indent}listen ${options.port};`,
    `${indent}server_name _;`,
    `${indent}root ${options.root};`,
    `${indent}index index.html;`,
    `${indent}charset utf-8;`,
    `${indent}charset_types text/css text/plain text/xml application/javascript application/json text/csv text/calendar application/rss+xml;`,
    `${indent}server_tokens off;`,
    "    # Redirects nginx makes itself (a folder without its slash) keep the host and port the reader used.",
    `${indent}absolute_redirect off;`,
    `${indent}gzip on;`,
    `${indent}gzip_types text/css application/javascript application/json image/svg+xml application/xml application/rss+xml text/csv text/calendar application/wasm;`,
    "",
    "    # The same headers as public/_headers, on every response including errors.",
    ...headerLines(indent),
    "",
    `${indent}error_page 404 ${base}404.html;`,
    "",
    "    # public/_headers is for other hosts; nginx has the headers above.",
    `${indent}location = ${base}_headers {`,
    `${indent}${indent}return 404;`,
    `${indent}}`,
    "",
    `${indent}location ${base} {`,
    `${indent}${indent}try_files $uri $uri/ =404;`,
    `${indent}}`,
    "",
    ...queryEchoLocations(base, indent),
    "",
    "    # add_header in a location replaces the server's list, so this one repeats the security headers.",
    `${indent}location ${base}${ASSET_FOLDER} {`,
    `${indent}${indent}add_header Cache-Control "public, max-age=31536000, immutable" always;`,
    ...headerLines(indent + indent),
    `${indent}${indent}try_files $uri =404;`,
    `${indent}}`,
    "}",
    "",
  ].join("\n");
}
