/**
 * Ordinary authoring mistakes, one at a time in a valid postmortem: each is caught at its line and
 * column, at its level, with a fix computed from what the author wrote.
 */
import { describe, expect, test } from "vitest";
import type { Diagnostic } from "../../src/lib/validate/diagnostic.ts";
import { validatePostmortemFile, type FileContext } from "../../src/lib/validate/validate-content.ts";
import { API_ERRORS_TEXT, positionOf } from "../support/content-fixture.ts";

const CONTEXT: FileContext = {
  today: "2024-06-01",
  catalogs: {
    teams: [
      { id: "platform", name: "Platform" },
      { id: "web", name: "Web" },
    ],
    services: [{ id: "api", name: "Public API", owner: "platform", tier: "tier-1" }],
    categories: [{ id: "software-change", name: "Software change", description: "A change." }],
  },
  catalogFiles: { teams: "content/teams.yaml", services: "content/services.yaml", taxonomy: "content/taxonomy.yaml" },
};

/** The problems of the API fixture with `from` replaced by `to`, and the text checked. */
function check(from: string, to: string): { text: string; problems: Diagnostic[] } {
  if (!API_ERRORS_TEXT.includes(from)) throw new Error(`the fixture has no ${JSON.stringify(from)}`);
  const text = API_ERRORS_TEXT.replace(from, to);
  const problems: Diagnostic[] = [];
  validatePostmortemFile(text, "f.mdx", problems, undefined, CONTEXT);
  return { text, problems };
}

const STARTED = 'started: "2024-03-01T10:00:00Z"';

describe("facts that used to reach readers without a word", () => {
  test("a done item completed in the future is an error at its date", () => {
    const { text, problems } = check('completed: "2024-04-10"', 'completed: "2024-09-10"');
    expect(problems).toEqual([
      expect.objectContaining({
        ...positionOf(text, '"2024-09-10"'),
        path: "actionItems.1.completed",
        rule: "completed-in-future",
        message: expect.stringMatching(/^2024-09-10 is in the future \(today is 2024-06-01\) — .*status: in-progress/) as string,
      }),
    ]);
    expect(problems[0]?.level).toBeUndefined(); // an error
  });

  test("a completion date tomorrow in UTC is allowed: the author's calendar may be ahead", () => {
    expect(check('completed: "2024-04-10"', 'completed: "2024-06-02"').problems).toEqual([]);
  });

  test("events at the same time and of the same kind are duplicates only when their texts match, ignoring case and spaces", () => {
    const event = '  - at: "2024-03-01T10:40:00Z"\n    kind: mitigation\n    text: Rolled back.';
    const other = '  - at: "2024-03-01T10:40:00Z"\n    kind: mitigation\n    text: Paged the owner.';
    const again = '  - at: "2024-03-01T10:40:00Z"\n    kind: mitigation\n    text: " rolled BACK. "';
    const { problems } = check(event, `${event}\n${other}\n${again}`);
    expect(problems).toEqual([
      expect.objectContaining({
        path: "timeline.3",
        rule: "duplicate-event",
        message: "repeats event 2 (same time, kind and text) — remove one of them",
      }),
    ]);
  });

  test("two identical timeline events are a warning at the second", () => {
    const event = '  - at: "2024-03-01T10:40:00Z"\n    kind: mitigation\n    text: Rolled back.';
    const { text, problems } = check(event, `${event}\n${event}`);
    expect(problems).toEqual([
      {
        file: "f.mdx",
        ...positionOf(text, "at:", "Rolled back."),
        path: "timeline.2",
        level: "warning",
        rule: "duplicate-event",
        message: "repeats event 2 (same time, kind and text) — remove one of them",
      },
    ]);
  });

  test("local times written with +00:00 in a Pacific postmortem are a warning that shows both readings", () => {
    const { text, problems } = check("timezone: Europe/London", "timezone: America/Los_Angeles");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      ...positionOf(text, '"2024-03-01T10:00:00Z"'),
      path: "started",
      level: "warning",
      rule: "zone-offset",
    });
    expect(problems[0]?.message).toBe(
      '"2024-03-01T10:00:00Z" (and 5 more times with Z) has offset Z (UTC), but America/Los_Angeles was at -08:00 then, so readers see 02:00 local time — if 10:00 was the local time, write "2024-03-01 10:00" (read in America/Los_Angeles); if the times are UTC on purpose, keep them',
    );
  });

  test("a localhost ticket is a warning naming the host", () => {
    const { text, problems } = check("ticket: https://tracker.example.com/OPS-1", "ticket: http://localhost:8080/browse/OPS-1");
    expect(problems).toEqual([
      expect.objectContaining({
        ...positionOf(text, "http://localhost"),
        path: "actionItems.0.ticket",
        level: "warning",
        rule: "private-ticket",
        message: expect.stringContaining('"http://localhost:8080/browse/OPS-1" points at localhost') as string,
      }),
    ]);
  });

  test.each(["http://127.0.0.1/OPS-1", "http://10.2.3.4/OPS-1", "http://192.168.1.5/OPS-1", "http://[::1]/OPS-1"])(
    "a ticket on the private or loopback address %s is a warning",
    (url) => {
      expect(check("ticket: https://tracker.example.com/OPS-1", `ticket: ${url}`).problems.map((p) => p.rule)).toEqual([
        "private-ticket",
      ]);
    },
  );

  test("unclosed emphasis in a Markdown field is an error at the asterisks themselves", () => {
    const { text, problems } = check(
      "description: Requests failed with *500* errors.",
      "description: Requests failed with **500 errors.",
    );
    expect(problems).toEqual([
      expect.objectContaining({
        ...positionOf(text, "**500"),
        path: "impact.description",
        rule: "unclosed-emphasis",
        message: expect.stringMatching(
          /^"\*\*" is never closed, so it would show as literal \*\* on the page — close it/,
        ) as string,
      }),
    ]);
  });

  test("closed, escaped and coded asterisks are fine", () => {
    const to = "description: Requests failed with **500** errors, \\*\\* stars and `**/*.ts` globs.";
    expect(check("description: Requests failed with *500* errors.", to).problems).toEqual([]);
  });
});

describe("messages computed from the author's own input", () => {
  test("a tab in the YAML says tab, once, on its line", () => {
    const { text, problems } = check("  customerFacing: true", "\tcustomerFacing: true");
    expect(problems).toEqual([
      expect.objectContaining({
        ...positionOf(text, "\tcustomerFacing"),
        path: "frontmatter",
        message:
          "YAML syntax error: this line is indented with a tab — YAML allows only spaces for indentation; replace the tab with spaces",
      }),
    ]);
  });

  test("month 13 is called a month, not a day", () => {
    const { problems } = check(STARTED, 'started: "2024-13-01T10:00:00Z"');
    expect(problems.map((p) => p.message)).toEqual([
      '"2024-13-01T10:00:00Z" is not a real date and time: there is no month 13 — months run from 01 to 12',
    ]);
  });

  test("30 February names the month's real length", () => {
    const { problems } = check('due: "2024-04-01"', 'due: "2024-02-30"');
    expect(problems.map((p) => p.message)).toEqual([
      '"2024-02-30" is not a real date: February 2024 has 29 days, so day 30 does not exist — check the day',
    ]);
  });

  test("hour 24 is called an hour", () => {
    const { problems } = check(STARTED, 'started: "2024-03-01T24:00:00Z"');
    expect(problems[0]?.message).toContain("hour 24 does not exist — hours run from 00 to 23");
  });

  test("an owner written as a person's name suggests only teams that exist", () => {
    const { text, problems } = check("    owner: platform\n    status: open", "    owner: Ada Lovelace\n    status: open");
    expect(problems).toEqual([
      expect.objectContaining({
        ...positionOf(text, "Ada Lovelace"),
        path: "actionItems.0.owner",
        message:
          '"Ada Lovelace" looks like a person\'s name, but owner is the id of a team in content/teams.yaml (existing ids: platform, web) — put the person in `assignee`',
      }),
    ]);
  });

  test("an owner close to a real team id suggests that id", () => {
    const { problems } = check("    owner: platform\n    status: open", "    owner: Platform\n    status: open");
    expect(problems[0]?.message).toBe(
      '"Platform" is not a team id — use an id from content/teams.yaml (did you mean "platform"?)',
    );
  });

  test("the quote-it hint for an unquoted timestamp shows the author's own time", () => {
    const { problems } = check(STARTED, "started: 2024-03-01T09:58:00-08:00");
    expect(problems.map((p) => p.message)).toEqual([
      'this timestamp is not quoted, so YAML turned it into a date and dropped its UTC offset — put it in quotes: "2024-03-01T09:58:00-08:00"',
    ]);
  });

  test("a time without an offset gets the zone's own offset as the example", () => {
    const { problems } = check("timezone: Europe/London", "timezone: Europe/Berlin");
    expect(problems[0]?.rule).toBe("zone-offset");
    const missing = check(STARTED, 'started: "2024-03-01T10:00:00"').problems;
    expect(missing.map((p) => p.message)).toEqual([
      '"2024-03-01T10:00:00" has no UTC offset — add one: "2024-03-01T10:00:00+00:00" if it is Europe/London time, "2024-03-01T10:00:00Z" if it is UTC; or write "2024-03-01 10:00" to read it in Europe/London',
    ]);
  });
});

describe("local times", () => {
  test("a quoted wall-clock time is read in the postmortem's zone", () => {
    const { problems } = check(
      'started: "2024-03-01T10:00:00Z"\ndetected: "2024-03-01T10:05:00Z"',
      'started: "2024-03-01 10:00"\ndetected: "2024-03-01 10:05"',
    );
    expect(problems).toEqual([]);
  });

  test("a wall-clock time in the spring-forward gap is an error with both candidate offsets", () => {
    const { text, problems } = check(STARTED, 'started: "2024-03-31 01:30"');
    expect(problems).toEqual([
      expect.objectContaining({
        ...positionOf(text, '"2024-03-31 01:30"'),
        path: "started",
        message:
          '"2024-03-31 01:30" never happened in Europe/London: the clocks skipped it when the offset changed from +00:00 to +01:00 — check the time, or write it with the offset your source used: "2024-03-31T01:30:00+00:00" or "2024-03-31T01:30:00+01:00"',
      }),
    ]);
  });

  test("a wall-clock time in the repeated autumn hour is an error with both instants", () => {
    const { problems } = check(STARTED, 'started: "2023-10-29 01:30"');
    expect(problems.map((p) => p.message)).toContain(
      '"2023-10-29 01:30" happened twice in Europe/London (the clocks went back) — write which one with its offset: "2023-10-29T01:30:00+01:00" (the first) or "2023-10-29T01:30:00+00:00" (the second)',
    );
  });
});

describe("honest uncertainty", () => {
  const EVENT = '  - at: "2024-03-01T10:40:00Z"\n    kind: mitigation';

  test("an approximate and a date-only event are accepted", () => {
    const { problems } = check(EVENT, '  - at: "2024-03-01"\n    approximate: true\n    kind: mitigation');
    expect(problems).toEqual([]);
  });

  test("a context event weeks before the incident is allowed; any other kind there is not", () => {
    const before = '  - at: "2024-02-01"\n    kind: context\n    text: The parser change shipped, unnoticed.\n';
    expect(check("timeline:\n", `timeline:\n${before}`).problems).toEqual([]);
    const trigger = check("timeline:\n", `timeline:\n${before.replace("context", "trigger")}`).problems;
    expect(trigger.map((p) => p.message)).toEqual([expect.stringContaining("is more than a day outside the incident") as string]);
    expect(trigger[0]?.message).toContain("kind: context");
  });

  test("a done item may say its completion date is unknown, and not also give one", () => {
    expect(check('    completed: "2024-04-10"\n', "    completedDateUnknown: true\n").problems).toEqual([]);
    const both = check('    completed: "2024-04-10"\n', '    completed: "2024-04-10"\n    completedDateUnknown: true\n').problems;
    expect(both.map((p) => p.path)).toEqual(["actionItems.1.completedDateUnknown"]);
  });
});
