/** The properties every input must keep, shared by the fuzz suite and the replay of kept regressions. */
import { expect } from "vitest";
import { BodyAllowlistError } from "../../src/lib/markdown/body-plugins.ts";
import { publicFileExists } from "../../src/lib/markdown/body-allowlist.ts";
import type { Diagnostic } from "../../src/lib/validate/diagnostic.ts";
import { splitFrontmatter } from "../../src/lib/validate/source.ts";
import { validatePostmortemFile } from "../../src/lib/validate/validate-content.ts";
import { join } from "node:path";
import { ROOT } from "../support/paths.ts";
import { compileLikeTheBuild, htmlOutsideAllowlist, renderBody } from "./render.ts";

export const FUZZ_FILE = "content/postmortems/2024-01-01-fuzz.mdx";
const context = { imageExists: publicFileExists(join(ROOT, "public")) };

/** Each problem names the file, a line and column inside it, and says what to do. */
export function expectLocated(diagnostics: readonly Diagnostic[], text: string, file = FUZZ_FILE): void {
  const lines = text.split("\n").length;
  for (const d of diagnostics) {
    expect(d.file, JSON.stringify(d)).toBe(file);
    expect(Number.isInteger(d.line) && d.line >= 1 && d.line <= lines + 1, JSON.stringify(d)).toBe(true);
    expect(Number.isInteger(d.column) && d.column >= 1, JSON.stringify(d)).toBe(true);
    expect(d.message.trim().length, JSON.stringify(d)).toBeGreaterThan(0);
    expect(d.message, JSON.stringify(d)).toContain(" — ");
  }
}

/** Validates one postmortem's text in-process: never throws, every problem located. */
export function validateText(text: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  validatePostmortemFile(text, FUZZ_FILE, out, undefined, context);
  expectLocated(out, text);
  return out;
}

/**
 * When validate accepts a body, the build's MDX compiler accepts it too (the two cannot disagree), and the
 * HTML it renders holds no element or attribute outside the allowlist, as parsed by a real HTML parser.
 */
export async function expectBuildAgrees(text: string, diagnostics: readonly Diagnostic[]): Promise<void> {
  const split = splitFrontmatter(text);
  if (!split.ok || diagnostics.some((d) => d.path === "body" || d.path === "frontmatter")) return;
  const body = split.source.body;
  try {
    await compileLikeTheBuild(body);
  } catch (error) {
    if (error instanceof BodyAllowlistError) throw new Error(`validate accepted a body the build refuses:\n${error.message}`);
    throw new Error(`validate accepted a body the build cannot compile: ${(error as Error).message}`);
  }
  expect(htmlOutsideAllowlist(await renderBody(body))).toEqual([]);
}
