import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { generatedSection } from "../../src/lib/markdown/reference-docs.ts";
import { SUMMARY_MAX, TIMELINE_SLACK_HOURS, TITLE_MAX, TIMELINE_KINDS } from "../../src/lib/schema/index.ts";
import { authoringLimits, limitsMarkdown, rulesMarkdown } from "../../src/lib/validate/authoring-limits.ts";
import { RULES } from "../../src/lib/validate/rules.ts";
import { ROOT } from "../support/paths.ts";

/** Markdown as Prettier may lay it out: table cells trimmed, separator rows reduced to ---. */
function normalise(markdown: string): string {
  return markdown
    .split("\n")
    .map((line) =>
      line.trim().startsWith("|")
        ? line
            .trim()
            .split(/(?<!\\)\|/)
            .map((cell) => cell.trim().replace(/^:?-+:?$/, "---"))
            .join("|")
        : line.trim(),
    )
    .join("\n")
    .trim();
}

const authoring = readFileSync(join(ROOT, "docs", "authoring.md"), "utf8");

describe("docs/authoring.md and the guide say every limit and rule as the validator applies it", () => {
  test("the rules table gives every rule its level, as the code does", () => {
    const section = generatedSection(authoring, "validation-rules");
    expect(section, "docs/authoring.md has no validation-rules section").toBeDefined();
    expect(normalise(section!)).toBe(normalise(rulesMarkdown()));
    for (const rule of RULES) expect(section).toMatch(new RegExp(`\`${rule.id}\`\\s*\\|\\s*${rule.level}`));
  });

  test("the limits table is the one generated from the constants", () => {
    const section = generatedSection(authoring, "authoring-limits");
    expect(section, "docs/authoring.md has no authoring-limits section").toBeDefined();
    expect(normalise(section!)).toBe(normalise(limitsMarkdown()));
  });

  test("the limits name the lengths, the window slack and the allowed values the schema enforces", () => {
    const text = authoringLimits()
      .map((l) => l.rule)
      .join("\n");
    expect(text).toContain(`At most ${TITLE_MAX} characters`);
    expect(text).toContain(`At most ${SUMMARY_MAX} characters`);
    expect(text).toContain(`${TIMELINE_SLACK_HOURS} hours`);
    for (const kind of TIMELINE_KINDS) expect(text).toContain(`\`${kind}\``);
  });
});
