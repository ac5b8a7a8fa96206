import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import {
  localInstant,
  resolveStarted,
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
    const iso = (value: string, zone: string) => {
      const resolved = resolveStarted(value, zone);
      return resolved.ok ? resolved.iso : resolved.message;
    };
    expect(iso("2026-07-01T14:05", "Europe/London")).toBe("2026-07-01T14:05:00+01:00");
    expect(iso("2026-01-01 14:05", "America/Los_Angeles")).toBe("2026-01-01T14:05:00-08:00");
    expect(iso("2026-01-01T14:05:00Z", "Asia/Tokyo")).toBe("2026-01-01T14:05:00Z");
    expect(iso("2026-03-29", "Europe/Berlin")).toBe("2026-03-29T00:00:00+01:00");
    expect(iso("yesterday", "UTC")).toBe(
      '"yesterday" is not a time — write it as 2026-11-25T14:05 (in UTC) or with an offset, 2026-11-25T14:05:00+01:00',
    );
    expect(iso("2026-02-30T10:00", "UTC")).toContain('"2026-02-30T10:00" is not a time');
  });

  test("a start time the clocks skipped or repeated is refused with both offsets, never guessed", () => {
    const skipped = resolveStarted("2026-03-08T02:30", "America/Los_Angeles");
    expect(skipped.ok).toBe(false);
    expect(skipped.ok || skipped.message).toContain("never happened in America/Los_Angeles");
    expect(skipped.ok || skipped.message).toContain('"2026-03-08T02:30:00-08:00" or "2026-03-08T02:30:00-07:00"');
    const repeated = resolveStarted("2026-11-01 01:30", "America/Los_Angeles");
    expect(repeated.ok || repeated.message).toContain(
      '"2026-11-01T01:30:00-07:00" (the first) or "2026-11-01T01:30:00-08:00" (the second)',
    );
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
