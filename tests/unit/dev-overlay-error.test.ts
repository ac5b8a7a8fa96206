import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/lib/validate/diagnostic.ts";
import { overlayError } from "../../src/lib/validate/dev-problems.ts";

const ERROR: Diagnostic = {
  file: "postmortems/a.mdx",
  line: 4,
  column: 8,
  path: "severity",
  message: 'unknown "SEV9" — use SEV1 to SEV4',
};
const WARNING: Diagnostic = {
  file: "postmortems/b.mdx",
  line: 3,
  column: 5,
  path: "timeline.2",
  message: "repeats event 2 — remove one",
  level: "warning",
  rule: "duplicate-event",
};

describe("the dev server's overlay error", () => {
  it("locates the first problem, gives its fix as the hint and lists the rest, counted by level", () => {
    const error = overlayError([ERROR, WARNING, WARNING], "/kb")!;
    expect(error.message).toBe(
      [
        'postmortems/a.mdx:4:8  severity  unknown "SEV9"',
        "",
        "Also (1 error and 2 warnings in all):",
        "- postmortems/b.mdx:3:5  timeline.2  warning: repeats event 2 — remove one",
        "- postmortems/b.mdx:3:5  timeline.2  warning: repeats event 2 — remove one",
      ].join("\n"),
    );
    expect(error.title).toBe("The content has errors");
    expect(error.hint).toBe("use SEV1 to SEV4. Save the file and this page reloads.");
    expect(error.loc).toEqual({ file: "/kb/postmortems/a.mdx", line: 4, column: 8 });
  });

  it("says the content has warnings when nothing is an error, and is absent when nothing is wrong", () => {
    expect(overlayError([WARNING], "/kb")?.title).toBe("The content has warnings");
    expect(overlayError([], "/kb")).toBeUndefined();
  });
});
