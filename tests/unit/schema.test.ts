import { describe, expect, it } from "vitest";
import { postmortemSchema, teamsFileSchema, servicesFileSchema } from "../../src/lib/schema/index.ts";
import { actionItem, validFrontmatter, type Frontmatter } from "../support/postmortem-builder.ts";

/** The issues of a failed parse as "path: message" lines. */
function problems(input: Frontmatter): string[] {
  const result = postmortemSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("the postmortem schema", () => {
  it("accepts a complete published postmortem", () => {
    expect(problems(validFrontmatter())).toEqual([]);
  });

  it("fills optional lists with empty defaults", () => {
    const parsed = postmortemSchema.parse(validFrontmatter({ reviewers: undefined, tags: undefined }));
    expect(parsed.reviewers).toEqual([]);
    expect(parsed.related).toEqual([]);
    expect(parsed.lessons).toEqual({ wentWell: [], wentWrong: [], gotLucky: [] });
  });

  it("rejects an unknown top-level key and suggests the intended one", () => {
    expect(problems(validFrontmatter({ actionitems: [] }))).toEqual([
      ': unknown key "actionitems" — did you mean "actionItems"?',
    ]);
  });

  it("rejects an unknown nested key", () => {
    const out = problems(validFrontmatter({ impact: { description: "x", customerFacing: true, dataLoss: "none", sevrity: 1 } }));
    expect(out).toEqual([
      'impact: unknown key "sevrity" — remove it; allowed keys here are description, customerFacing, usersAffected, customersAffected, dataLoss, dataLossNote',
    ]);
  });

  it("names the allowed severities when one is outside the list", () => {
    expect(problems(validFrontmatter({ severity: "SEV0" }))).toEqual([
      'severity: "SEV0" is not allowed — use one of SEV1, SEV2, SEV3, SEV4',
    ]);
  });

  it("names the allowed document statuses", () => {
    expect(problems(validFrontmatter({ status: "final" }))).toEqual([
      'status: "final" is not allowed — use one of draft, in-review, published, withdrawn',
    ]);
  });

  it("rejects an ISO timestamp without a UTC offset and shows the offset and the local form", () => {
    expect(problems(validFrontmatter({ detected: "2024-03-01T10:05:00" }))).toEqual([
      'detected: "2024-03-01T10:05:00" has no UTC offset — add one, for example "2024-03-01T10:05:00Z", or write it as "2024-03-01 10:05" to read it in the postmortem\'s timezone',
    ]);
  });

  it("tells the author to quote a timestamp that YAML turned into a date", () => {
    const [message] = problems(validFrontmatter({ started: new Date("2024-03-01T10:00:00Z") }));
    expect(message).toMatch(
      /^started: this timestamp is not quoted, so YAML turned it into a date and dropped its UTC offset — put it in quotes/,
    );
  });

  it("rejects an impossible calendar date", () => {
    expect(problems(validFrontmatter({ actionItems: [actionItem({ due: "2024-02-30" })] }))).toEqual([
      'actionItems.0.due: "2024-02-30" is not a real date: February 2024 has 29 days, so day 30 does not exist — check the day',
    ]);
  });

  it("accepts an unquoted due date that YAML turned into a date", () => {
    const parsed = postmortemSchema.parse(
      validFrontmatter({ actionItems: [actionItem({ due: new Date("2024-04-01T00:00:00Z") })] }),
    );
    expect(parsed.actionItems[0]?.due).toBe("2024-04-01");
  });

  it("rejects an unknown time zone", () => {
    expect(problems(validFrontmatter({ timezone: "Pacific Time" }))).toEqual([
      'timezone: "Pacific Time" is not an IANA time zone — use a name such as "America/Los_Angeles", "Europe/Copenhagen" or "UTC"',
    ]);
  });

  it("enforces started ≤ detected ≤ mitigated ≤ resolved", () => {
    expect(problems(validFrontmatter({ mitigated: "2024-03-01T09:00:00Z" }))).toContain(
      "mitigated: mitigated (2024-03-01T09:00:00Z) is before detected (2024-03-01T10:05:00Z) — the order must be started ≤ detected ≤ mitigated ≤ resolved",
    );
  });

  it("requires a resolution time once the postmortem leaves draft", () => {
    expect(problems(validFrontmatter({ resolved: undefined }))).toEqual([
      "resolved: is required once the postmortem is published — add the time service was fully restored",
    ]);
    expect(problems(validFrontmatter({ resolved: undefined, status: "draft" }))).toEqual([]);
  });

  it("names both events when the timeline is out of order", () => {
    const timeline = [
      { at: "2024-03-01T10:05:00Z", kind: "detection", text: "b" },
      { at: "2024-03-01T10:00:00Z", kind: "trigger", text: "a" },
    ];
    expect(problems(validFrontmatter({ timeline }))).toEqual([
      "timeline.1.at: event 2 (2024-03-01T10:00:00Z) is earlier than event 1 (2024-03-01T10:05:00Z) — keep the timeline in chronological order",
    ]);
  });

  it("flags a timeline event more than a day outside the incident", () => {
    const timeline = [{ at: "2024-02-20T10:00:00Z", kind: "trigger", text: "a" }];
    expect(problems(validFrontmatter({ timeline }))[0]).toMatch(
      /^timeline\.0\.at: event 1 \(2024-02-20T10:00:00Z\) is more than a day outside the incident/,
    );
  });

  it("requires a timeline, a root or contributing cause and, for SEV1 and SEV2, an action item when published", () => {
    expect(problems(validFrontmatter({ timeline: [], causes: [], actionItems: [] }))).toEqual([
      "timeline: is empty — a published postmortem needs a timeline of what happened",
      "causes: has no root or contributing cause — a published postmortem must say why it happened",
      "actionItems: is empty — a SEV2 postmortem needs at least one follow-up action item",
    ]);
  });

  it("requires a trigger or detection event in a published timeline", () => {
    const timeline = [{ at: "2024-03-01T10:40:00Z", kind: "mitigation", text: "a" }];
    expect(problems(validFrontmatter({ timeline }))).toEqual([
      "timeline: has no trigger or detection event — add the event that started the incident or the moment it was noticed",
    ]);
  });

  it("rejects duplicate action-item ids", () => {
    expect(problems(validFrontmatter({ actionItems: [actionItem(), actionItem()] }))).toEqual([
      'actionItems.1.id: "A1" is already used by action item 1 — give each item its own id',
    ]);
  });

  it("rejects an action status outside its list", () => {
    expect(problems(validFrontmatter({ actionItems: [actionItem({ status: "closed" })] }))).toEqual([
      'actionItems.0.status: "closed" is not allowed — use one of open, in-progress, blocked, done, wont-do',
    ]);
  });

  it("requires completed for done items and forbids it otherwise", () => {
    expect(problems(validFrontmatter({ actionItems: [actionItem({ status: "done" })] }))).toEqual([
      "actionItems.0.completed: is required when status is done — add the date it was completed, or `completedDateUnknown: true` if nobody knows it",
    ]);
    expect(problems(validFrontmatter({ actionItems: [actionItem({ completed: "2024-03-10" })] }))).toEqual([
      "actionItems.0.completed: is only allowed when status is done (it is open) — remove it or set status: done",
    ]);
  });

  it("rejects completion and due dates before the incident started", () => {
    const out = problems(
      validFrontmatter({ actionItems: [actionItem({ status: "done", completed: "2024-01-10", due: "2024-01-01" })] }),
    );
    expect(out).toEqual([
      "actionItems.0.completed: 2024-01-10 is before the incident started (2024-03-01T10:00:00Z) — check the date",
      "actionItems.0.due: 2024-01-01 is before the incident started (2024-03-01T10:00:00Z) — check the date",
    ]);
  });

  it("requires a reason for a withdrawn postmortem, and allows one only then", () => {
    expect(problems(validFrontmatter({ status: "withdrawn" }))).toEqual([
      "withdrawnReason: is required when status is withdrawn — say why the postmortem was taken back, for example which one replaces it",
    ]);
    expect(problems(validFrontmatter({ status: "withdrawn", withdrawnReason: "A duplicate of 2024-01-01-x." }))).toEqual([]);
    expect(problems(validFrontmatter({ withdrawnReason: "Why?" }))).toEqual([
      "withdrawnReason: is only allowed when status is withdrawn (it is published) — remove it or set status: withdrawn",
    ]);
  });

  it("requires a reason for wont-do items", () => {
    expect(problems(validFrontmatter({ actionItems: [actionItem({ status: "wont-do" })] }))).toEqual([
      "actionItems.0.reason: is required when status is wont-do — say why the item will not be done",
    ]);
  });

  it("rejects a ticket that is not an http(s) URL", () => {
    expect(problems(validFrontmatter({ actionItems: [actionItem({ ticket: "OPS-123" })] }))).toEqual([
      'actionItems.0.ticket: "OPS-123" is not a valid http(s) URL — paste the full address, starting with https://',
    ]);
  });

  it("rejects unsafe link schemes in Markdown fields", () => {
    const impact = { description: "See [the logs](javascript:alert(1)).", customerFacing: true, dataLoss: "none" };
    expect(problems(validFrontmatter({ impact }))[0]).toBe(
      'impact.description: link "javascript:alert(1" is not allowed — use an http, https or mailto URL, or a site path starting with "/"',
    );
  });

  it("rejects an empty title and a summary over the limit", () => {
    expect(problems(validFrontmatter({ title: " ", summary: "x".repeat(401) }))).toEqual([
      "title: is empty — write a headline that says what broke",
      "summary: is longer than 400 characters — keep it to two or three sentences; details belong in the body",
    ]);
  });

  it("requires a note when data was lost", () => {
    const impact = { description: "x", customerFacing: true, dataLoss: "permanent" };
    expect(problems(validFrontmatter({ impact }))).toEqual([
      "impact.dataLossNote: is required when dataLoss is permanent — say what data was affected and how it was recovered or why it could not be",
    ]);
  });
});

describe("the catalog schemas", () => {
  it("rejects a team with an unknown key", () => {
    const result = teamsFileSchema.safeParse([{ id: "web", name: "Web", slack: "#web" }]);
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      'unknown key "slack" — remove it; allowed keys here are id, name, contact, channel, description',
    ]);
  });

  it("rejects a service tier outside its list", () => {
    const result = servicesFileSchema.safeParse([{ id: "api", name: "API", owner: "web", tier: "gold" }]);
    expect(result.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([
      "0.tier: expected one of tier-1, tier-2, tier-3",
    ]);
  });
});

describe("values YAML reads as something other than text", () => {
  it("tell the author to quote a tag that YAML read as a number", () => {
    expect(problems(validFrontmatter({ tags: [503] }))).toEqual([
      'tags.0: 503 was read as a number, not text — put it in quotes: "503"',
    ]);
  });
});
