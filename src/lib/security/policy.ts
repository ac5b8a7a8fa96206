/**
 * The site's security policy, written once: Astro puts the Content-Security-Policy in a `<meta>` tag
 * (with hashes of anything it inlines), and `public/_headers` carries the same policy plus the headers a
 * meta tag cannot set, for hosts that read that file (Netlify, Cloudflare Pages and compatible servers).
 */

/** Directives besides script-src and style-src, which Astro writes itself. */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  // pagefind's search runs its WebAssembly in a worker served from /pagefind/.
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

/**
 * script-src: our own bundled modules, and WebAssembly compilation for pagefind. Never 'unsafe-inline'.
 * No hashes: no page inlines a script (the build checks it; src/integrations/content-security.ts).
 */
export const SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"] as const;

/** style-src: our own external stylesheets. Never 'unsafe-inline'. */
export const STYLE_SOURCES = ["'self'"] as const;

/** The full policy as an HTTP header value, including what only a header can say (frame-ancestors). */
export function contentSecurityPolicyHeader(): string {
  return [
    ...CSP_DIRECTIVES,
    `script-src ${SCRIPT_SOURCES.join(" ")}`,
    `style-src ${STYLE_SOURCES.join(" ")}`,
    "frame-ancestors 'none'",
  ].join("; ");
}

/** How long browsers remember to use HTTPS only: two years, as hstspreload.org asks. */
export const HSTS_MAX_AGE_SECONDS = 63_072_000;

/** Headers every response should carry. */
export function securityHeaders(): [string, string][] {
  return [
    ["Content-Security-Policy", contentSecurityPolicyHeader()],
    ["X-Content-Type-Options", "nosniff"],
    ["Referrer-Policy", "strict-origin-when-cross-origin"],
    ["Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"],
    ["X-Frame-Options", "DENY"],
    ["Cross-Origin-Opener-Policy", "same-origin"],
    // Browsers then refuse plain HTTP for two years. Without `preload`: joining the browsers' preload list is
    // a decision for whoever owns the domain (docs/security.md).
    ["Strict-Transport-Security", `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`],
  ];
}

/** The `_headers` file (Netlify / Cloudflare Pages syntax) for every path. */
export function headersFile(): string {
  const lines = ["# Generated from src/lib/security/policy.ts by `npm run headers`; a test fails when it is stale.", "/*"];
  for (const [name, value] of securityHeaders()) lines.push(`  ${name}: ${value}`);
  return `${lines.join("\n")}\n`;
}
