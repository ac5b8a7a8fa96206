import { describe, expect, test } from "vitest";
import { precisionNote, timelineSections } from "../../src/lib/postmortem/timeline-sections.ts";
import { postmortemSchema } from "../../src/lib/schema/index.ts";
import { validFrontmatter } from "../support/postmortem-builder.ts";

const parsed = postmortemSchema.parse(
  validFrontmatter({
    timezone: "America/Los_Angeles",
    started: "2024-03-01 10:00",
    detected: "2024-03-01 10:05",
    mitigated: "2024-03-01 10:40",
    resolved: "2024-03-01 11:00",
    timeline: [
      { at: "2024-02-06", kind: "context", text: "The flag parser change shipped." },
      { at: "2024-03-01 10:00", kind: "trigger", text: "Flag pushed." },
      { at: "2024-03-01 10:45", approximate: true, kind: "mitigation", text: "Flag reverted." },
      { at: "2024-03-01", kind: "communication", text: "Status page updated." },
    ],
  }),
);

describe("the text timeline", () => {
  test("wall-clock times are read in the postmortem's zone", () => {
    expect(parsed.started).toBe("2024-03-01T10:00:00-08:00");
    expect(parsed.timeline[0]).toMatchObject({ at: "2024-02-06T00:00:00-08:00", dateOnly: true });
  });

  test("puts context events under 'Before the incident' with their date, then the days of the incident", () => {
    const sections = timelineSections(parsed.timeline, parsed.timezone, parsed.started);
    expect(sections.map((s) => [s.label, s.rows.map((r) => r.clock)])).toEqual([
      ["Before the incident", ["6 Feb 2024"]],
      ["Fri, 1 Mar 2024", ["10:00", "≈ 10:45", "day"]],
    ]);
    expect(sections[1]?.rows[1]?.precision).toBe("approximately 10:45");
    expect(sections[1]?.rows[2]?.precision).toBe("time not known");
    expect(precisionNote(parsed.timeline)).toBe(
      "≈ marks a time known only approximately; “day” or a date alone marks an event known only by its date.",
    );
  });
});
