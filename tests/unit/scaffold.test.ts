import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import {
  localInstant,
  parseStarted,
  postmortemIdFor,
  wallClockTime,
  scaffoldPostmortem,
  slugify,
} from "../../src/lib/scaffold/postmortem-template.ts";
import type { Diagnostic } from "../../src/lib/validate/diagnostic.ts";
import { validatePostmortemFile } from "../../src/lib/validate/validate-content.ts";

describe("scaffold", () => {
  test("slugify makes lower-case kebab-case without accents or apostrophes", () => {
    expect(slugify("Dashboards down: Tomás's DB deleted!")).toBe("dashboards-down-tomass-db-deleted");
    expect(slugify("???")).toBe("incident");
  });

  test("slugify ends at a whole word within 60 characters and leaves out unreadable giant words", () => {
    const title = "Checkout latency regression after the payment gateway migration to the new regional cluster";
    const slug = slugify(title);
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toBe("checkout-latency-regression-after-the-payment-gateway");
    for (const word of slug.split("-")) expect(title.toLowerCase().split(" ")).toContain(word);
    expect(slugify(`Error ${"a".repeat(70)} in logs`)).toBe("error-in-logs");
  });

  test("names, titles and ids are written by the YAML library, so nothing the author types changes the structure", () => {
    const text = scaffoldPostmortem({
      title: 'Deploy "v2": rollback\n---\nstatus: published',
      severity: "SEV2",
      services: ["api"],
      teams: ["platform"],
      started: "2026-11-20T14:05:00+01:00",
      timezone: "Europe/Berlin",
      authors: ["Raman, Priya", "Lee\n---\nstatus: published", "- dash", "#hash"],
    });
    const yaml = /^---\n([\s\S]*?)\n---\n/.exec(text)![1]!;
    const data = parse(yaml) as Record<string, unknown>;
    expect(data["authors"]).toEqual(["Raman, Priya", "Lee\n---\nstatus: published", "- dash", "#hash"]);
    expect(data["title"]).toBe('Deploy "v2": rollback\n---\nstatus: published');
    expect(data["status"]).toBe("draft");
    expect(text.split("\n").filter((line) => line === "---")).toHaveLength(2);
  });

  test("the id starts with the start date as written", () => {
    expect(postmortemIdFor("2026-11-20T00:30:00+01:00", "Late night")).toBe("2026-11-20-late-night");
  });

  test("a wall-clock start time gets the time zone's offset, summer and winter", () => {
    expect(parseStarted("2026-07-01T14:05", "Europe/London")).toBe("2026-07-01T14:05:00+01:00");
    expect(parseStarted("2026-01-01 14:05", "America/Los_Angeles")).toBe("2026-01-01T14:05:00-08:00");
    expect(parseStarted("2026-01-01T14:05:00Z", "Asia/Tokyo")).toBe("2026-01-01T14:05:00Z");
    expect(parseStarted("yesterday", "UTC")).toBeUndefined();
  });

  test("now is written in the author's zone with its offset", () => {
    expect(localInstant(new Date("2026-11-26T03:15:00Z"), "Asia/Kolkata")).toBe("2026-11-26T08:45:00+05:30");
  });

  test("the skeleton validates as a draft", () => {
    const text = scaffoldPostmortem({
      title: "Checkout failed",
      severity: "SEV1",
      services: ["api"],
      teams: ["platform"],
      started: "2026-11-20T14:05:00+01:00",
      timezone: "Europe/Berlin",
      authors: ["Ada"],
    });
    const problems: Diagnostic[] = [];
    const data = validatePostmortemFile(text, "x.mdx", problems);
    expect(problems).toEqual([]);
    expect(data?.status).toBe("draft");
    expect(data?.timeline[0]?.at).toBe("2026-11-20T14:05:00+01:00");
  });
});

describe("times in the skeleton", () => {
  test("are written in the short wall-clock form, except in a repeated hour, where the offset says which", () => {
    expect(wallClockTime("2016-01-04T20:22:00-08:00", "America/Los_Angeles")).toBe("2016-01-04 20:22");
    expect(wallClockTime("2024-10-27T01:30:00+01:00", "Europe/London")).toBe("2024-10-27T01:30:00+01:00");
  });
});
