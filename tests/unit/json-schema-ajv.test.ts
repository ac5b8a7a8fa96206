/**
 * The editor schema checked by a third-party validator (ajv, draft 2020-12): it accepts every valid
 * postmortem and rejects the bad inputs of the CLI's own fixtures wherever JSON Schema can express the rule,
 * so an editor and `hindsight validate` agree there.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { BAD_INPUTS } from "../fixtures/invalid/cases.ts";
import { splitFrontmatter } from "../../src/lib/validate/source.ts";
import { API_ERRORS, API_ERRORS_TEXT, createContent, pm } from "../support/content-fixture.ts";
import { ROOT } from "../support/paths.ts";

const schema = JSON.parse(readFileSync(join(ROOT, "schema", "postmortem.schema.json"), "utf8")) as object;
const ajv = new Ajv2020({ allErrors: true, strict: false });
const check = ajv.compile(schema);

/** The frontmatter as an editor's YAML language server reads it (YAML 1.2: timestamps stay text). */
function frontmatter(text: string): unknown {
  const split = splitFrontmatter(text);
  if (!split.ok) throw new Error(split.message);
  return parse(split.source.yaml);
}

const valid = (text: string) => check(frontmatter(text));

/** The bad inputs whose rule is one JSON Schema can state (the rest span files, order times or need a parser). */
const EXPRESSIBLE = [
  "an unknown top-level key",
  "an unknown nested key",
  "a missing required field",
  "a severity outside its list",
  "a status outside its list",
  "a timestamp without offset",
  "an action status outside its list",
  "done without completed",
  "completed on an open item",
  "wont-do without a reason",
];

describe("the editor schema under ajv (draft 2020-12)", () => {
  test.each(readdirSync(join(ROOT, "content", "postmortems")))("accepts the sample postmortem %s", (name) => {
    const text = readFileSync(join(ROOT, "content", "postmortems", name), "utf8");
    expect(valid(text), JSON.stringify(check.errors)).toBe(true);
  });

  test("accepts local times, date-only approximate events, context events and unknown completion dates", () => {
    const text = API_ERRORS_TEXT.replace('started: "2024-03-01T10:00:00Z"', 'started: "2024-03-01 10:00"')
      .replace('  - at: "2024-03-01T10:40:00Z"\n', '  - at: "2024-03-01"\n    approximate: true\n')
      .replace('completed: "2024-04-10"', "completedDateUnknown: true")
      .replace("    kind: trigger", "    kind: context");
    expect(valid(text), JSON.stringify(check.errors)).toBe(true);
  });

  test.each(EXPRESSIBLE)("rejects %s, as the validator does", (name) => {
    const badInput = BAD_INPUTS.find((c) => c.name === name);
    expect(badInput, name).toBeDefined();
    const f = createContent();
    try {
      const [expected] = badInput!.apply(f);
      const file = expected!.file.replace(/^content\//, "");
      expect(valid(f.read(file))).toBe(false);
    } finally {
      f.cleanup();
    }
  });

  test.each([
    ["a done item without completed", "    status: open", "    status: done"],
    ["a wont-do item without reason", "    status: open", "    status: wont-do"],
    ["a javascript: ticket", "ticket: https://tracker.example.com/OPS-1", 'ticket: "javascript:alert(1)"'],
    ["a ticket without a host", "ticket: https://tracker.example.com/OPS-1", "ticket: https:///OPS-1"],
    ["data loss without a note", "  dataLoss: none", "  dataLoss: permanent"],
    ["a published postmortem without resolved", 'resolved: "2024-03-01T11:00:00Z"\n', ""],
    ["a time that is neither an instant nor a local time", 'started: "2024-03-01T10:00:00Z"', 'started: "yesterday"'],
  ])("rejects %s", (_, from, to) => {
    expect(API_ERRORS_TEXT).toContain(from);
    expect(valid(API_ERRORS_TEXT.replace(from, to))).toBe(false);
  });

  test("the fixture it breaks is valid to begin with", () => {
    const f = createContent();
    try {
      expect(valid(f.read(pm(API_ERRORS)))).toBe(true);
    } finally {
      f.cleanup();
    }
  });
});
