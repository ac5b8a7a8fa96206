import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { EVENT_TIME_PATTERN, KEY_TIME_PATTERN } from "../../src/lib/schema/time.ts";
import { editorSchemas, serializeSchema } from "../../src/lib/validate/json-schema.ts";
import { ROOT } from "../support/paths.ts";

describe("editor JSON Schemas", () => {
  test.each(Object.keys(editorSchemas()))(
    "the committed schema/%s is up to date (run `npm run schema` if this fails)",
    (name) => {
      const committed = readFileSync(join(ROOT, "schema", name), "utf8");
      expect(committed).toBe(serializeSchema(editorSchemas()[name]!));
    },
  );

  test("every frontmatter field carries its description for hover help", () => {
    const schema = editorSchemas()["postmortem.schema.json"] as { properties: Record<string, { description?: string }> };
    const missing = Object.entries(schema.properties)
      .filter(([, field]) => !field.description)
      .map(([name]) => name);
    expect(missing).toEqual([]);
    expect(schema.properties["started"]?.description).toBe("When impact began.");
  });

  test("calendar dates keep their format and times their pattern (an offset instant or a local wall time)", () => {
    const text = serializeSchema(editorSchemas()["postmortem.schema.json"]!);
    expect(text).toContain(`"pattern": ${JSON.stringify(KEY_TIME_PATTERN)}`);
    expect(text).toContain(`"pattern": ${JSON.stringify(EVENT_TIME_PATTERN)}`);
    expect(text).toContain('"format": "date"');
  });
});
