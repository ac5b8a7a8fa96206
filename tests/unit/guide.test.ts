import { describe, expect, test } from "vitest";
import { frontmatterFields } from "../../src/lib/validate/field-reference.ts";

describe("the guide's field reference", () => {
  const fields = frontmatterFields();
  const field = (path: string) => fields.find((f) => f.path === path);

  test("lists every top-level and nested field with the schema's description", () => {
    expect(field("title")).toEqual({
      path: "title",
      depth: 0,
      type: "string",
      required: true,
      description: "The headline: what broke, for whom, in plain words.",
      values: [],
    });
    expect(field("actionItems[].due")).toMatchObject({
      depth: 1,
      type: "date",
      required: true,
      description: "The date it is due, YYYY-MM-DD.",
    });
    expect(field("impact.dataLoss")).toMatchObject({ type: "one of", values: ["none", "recovered", "permanent"] });
    expect(fields.every((f) => f.description.length > 0)).toBe(true);
  });

  test("fields with defaults or marked optional are not required", () => {
    expect(field("tags")?.required).toBe(false);
    expect(field("resolved")?.required).toBe(false);
    expect(field("started")).toMatchObject({ type: "local time or time with offset", required: true });
  });
});
