import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicyHeader, headersFile, SCRIPT_SOURCES, STYLE_SOURCES } from "../../src/lib/security/policy.ts";
import { parseHeadersFile } from "../support/serve.ts";
import { ROOT } from "../support/paths.ts";

describe("the security policy", () => {
  it("never allows inline scripts or styles", () => {
    expect(SCRIPT_SOURCES).not.toContain("'unsafe-inline'");
    expect(STYLE_SOURCES).not.toContain("'unsafe-inline'");
    expect(contentSecurityPolicyHeader()).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
  });

  it("allows what pagefind needs and forbids framing", () => {
    const csp = contentSecurityPolicyHeader();
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).toContain("worker-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it("is what public/_headers says (run `npm run headers` after changing the policy)", () => {
    expect(readFileSync(join(ROOT, "public", "_headers"), "utf8")).toBe(headersFile());
  });

  it("applies to every path with the headers a host should send", () => {
    const [rule] = parseHeadersFile(headersFile());
    expect(rule?.pattern.test("/postmortems/x/")).toBe(true);
    expect(rule?.headers.map(([name]) => name)).toEqual(
      expect.arrayContaining(["Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy"]),
    );
  });

  it("tells browsers to use HTTPS only, for two years and every subdomain", () => {
    const [rule] = parseHeadersFile(headersFile());
    expect(rule?.headers).toContainEqual(["Strict-Transport-Security", "max-age=63072000; includeSubDomains"]);
  });
});
