import { describe, expect, it } from "vitest";
import { firstSentence, followUpOf } from "../../src/lib/postmortem/at-a-glance.ts";
import type { ActionItem } from "../../src/lib/schema/index.ts";

const item = (id: string, status: ActionItem["status"], due: string): ActionItem => ({
  id,
  title: `Item ${id}`,
  status,
  due,
  owner: "sre",
  priority: "P1",
  type: "prevent",
});

describe("firstSentence", () => {
  it.each([
    ["A script ran against production. Nothing asked which environment.", "A script ran against production."],
    ["Replicas sat in one zone (zone a). Nobody checked.", "Replicas sat in one zone (zone a)."],
    ["Version 2.4.1 rolled out to 5.5% of hosts. Then all.", "Version 2.4.1 rolled out to 5.5% of hosts."],
    ["One sentence without a full stop", "One sentence without a full stop"],
    ["Lines\n  wrapped in YAML. Second.", "Lines wrapped in YAML."],
  ])("of %j is %j", (text, expected) => {
    expect(firstSentence(text)).toBe(expected);
  });
});

describe("followUpOf", () => {
  it("counts done, won't do, outstanding and overdue items as of a date; due today is not late", () => {
    const items = [
      item("A1", "done", "2026-01-01"),
      item("A2", "wont-do", "2026-01-01"),
      item("A3", "open", "2026-11-29"),
      item("A4", "blocked", "2026-11-01"),
      item("A5", "in-progress", "2026-11-30"),
    ];
    expect(followUpOf(items, "2026-11-30")).toEqual({
      total: 5,
      done: 1,
      wontDo: 1,
      outstanding: 3,
      overdue: 2,
      dueDates: "2026-11-29 2026-11-01 2026-11-30",
    });
  });

  it("is all zeros without action items", () => {
    expect(followUpOf([], "2026-11-30")).toEqual({ total: 0, done: 0, wontDo: 0, outstanding: 0, overdue: 0, dueDates: "" });
  });
});
