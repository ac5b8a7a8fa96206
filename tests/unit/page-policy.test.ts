import { describe, expect, it } from "vitest";
import { inlineCode, metaPolicy, withPagePolicy } from "../../src/lib/security/page-policy.ts";

/** A policy tag with hashes that a page does not need, as a template or an older build may leave. */
const ASTRO_META =
  "<meta http-equiv=\"content-security-policy\" content=\"default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-BF0290pkb3jxQsE7z00xR8Imp8X34FLC88L0lkMnrGw='; style-src 'self' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=';\">";
const metas = (html: string) => html.match(/<meta http-equiv="content-security-policy"/g) ?? [];

describe("each page's Content-Security-Policy", () => {
  it("drops hashes a tag already lists when the page inlines nothing", () => {
    const page = `<!DOCTYPE html><html><head>${ASTRO_META}<script type="module" src="/_astro/a.js"></script></head><body></body></html>`;
    const { html, code } = withPagePolicy(page);
    expect(code).toEqual({ scripts: [], styles: [] });
    expect(metas(html)).toHaveLength(1);
    expect(html).not.toContain("sha256-");
    expect(html).toContain("script-src 'self' 'wasm-unsafe-eval'; style-src 'self'");
  });

  it("lists exactly the hashes of the inline scripts and styles a page has", () => {
    const page = `<!DOCTYPE html><html><head>${ASTRO_META}<style>p{color:red}</style></head><body><script>console.log(1)</script></body></html>`;
    const code = inlineCode(page);
    // Hashes as CSP computes them: SHA-256 of the element's text, base64.
    expect(code.scripts).toEqual(["'sha256-CihokcEcBW4atb/CW/XWsvWwbTjqwQlE9nj9ii5ww5M='"]);
    expect(code.styles).toHaveLength(1);
    expect(withPagePolicy(page).html).toContain(`script-src 'self' 'wasm-unsafe-eval' ${code.scripts[0]!}`);
  });

  it("puts the policy first in the head of a page that has none, before the stylesheets and scripts it governs", () => {
    const page = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><link rel="stylesheet" href="/_astro/a.css"><script type="module" src="/_astro/a.js"></script></head><body></body></html>`;
    const { html } = withPagePolicy(page);
    expect(metas(html)).toHaveLength(1);
    expect(html).toContain(
      `<head><meta http-equiv="content-security-policy" content="${metaPolicy({ scripts: [], styles: [] })}"><meta charset="utf-8">`,
    );
  });

  it("adds a policy to a redirect page that has none, before anything else in it", () => {
    const redirect = `<!doctype html>\n<title>Redirecting to: /postmortems/new/</title>\n<meta http-equiv="refresh" content="0;url=/postmortems/new/">\n<body><a href="/postmortems/new/">Redirecting</a></body>`;
    const { html } = withPagePolicy(redirect);
    expect(metas(html)).toHaveLength(1);
    expect(
      html.startsWith(
        `<!doctype html>\n<meta http-equiv="content-security-policy" content="${metaPolicy({ scripts: [], styles: [] })}">`,
      ),
    ).toBe(true);
  });
});
