import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { allowlistMarkdown, componentPropsMarkdown, generatedSection } from "../../src/lib/markdown/reference-docs.ts";
import { ROOT } from "../support/paths.ts";

/** Markdown as Prettier may lay it out: table cells trimmed, separator rows reduced to ---, lines trimmed. */
function normalise(markdown: string): string {
  return markdown
    .split("\n")
    .map((line) => {
      const trimmed = line.trim();
      if (!trimmed.startsWith("|")) return trimmed;
      return trimmed
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim().replace(/^:?-+:?$/, "---"))
        .join("|");
    })
    .join("\n")
    .replace(/\n{2,}/g, "\n\n");
}

const doc = (name: string) => readFileSync(join(ROOT, "docs", name), "utf8");

describe("documents generated from the rules", () => {
  test("docs/authoring.md lists each component's props as the schema defines them", () => {
    const section = generatedSection(doc("authoring.md"), "component-props");
    expect(section, "docs/authoring.md has no component-props section").toBeDefined();
    expect(normalise(section!)).toBe(normalise(componentPropsMarkdown()));
  });

  test("docs/security.md lists the body allowlist as the code defines it", () => {
    const section = generatedSection(doc("security.md"), "body-allowlist");
    expect(section, "docs/security.md has no body-allowlist section").toBeDefined();
    expect(normalise(section!)).toBe(normalise(allowlistMarkdown()));
  });

  test("docs/security.md quotes the limits the validator applies", async () => {
    const limits = await import("../../src/lib/validate/limits.ts");
    const { MAX_ID_LENGTH } = await import("../../src/lib/schema/identifiers.ts");
    const text = doc("security.md");
    for (const bytes of [limits.MAX_FRONTMATTER_BYTES, limits.MAX_BODY_BYTES, limits.MAX_CATALOG_BYTES])
      expect(text).toContain(`| ${limits.formatBytes(bytes)}`);
    expect(text).toContain(`${limits.MAX_ALIAS_EXPANSION.toLocaleString("en")} in a document`);
    expect(text).toContain(`${MAX_ID_LENGTH} ASCII characters`);
  });
});
