import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { load } from "js-yaml";
import { describe, expect, test } from "vitest";
import { importDocument, type Draft } from "../../src/lib/import/draft.ts";
import { renderDraft } from "../../src/lib/import/render-draft.ts";
import { draftTexts, lostSentences, sourceTexts } from "../../src/lib/import/sentences.ts";
import { formatOf, sourceTree } from "../../src/lib/import/source-tree.ts";
import { TO_FILL, UNASSIGNED } from "../../src/lib/schema/imported.ts";
import { splitFrontmatter } from "../../src/lib/validate/source.ts";
import { validatePostmortemFile } from "../../src/lib/validate/validate-content.ts";
import type { Diagnostic } from "../../src/lib/validate/diagnostic.ts";
import { FIXTURES } from "../support/paths.ts";

const TEAMS = [
  { id: "platform", name: "Platform" },
  { id: "web", name: "Web" },
  { id: "data-pipeline", name: "Data Pipeline" },
];

function importText(fileName: string, text: string, timezone?: string): Draft {
  return importDocument({
    fileName,
    text,
    format: formatOf(fileName)!,
    sha256: createHash("sha256").update(text).digest("hex"),
    timezone,
    catalogs: { teams: TEAMS },
  });
}

function importFixture(name: string, timezone?: string): { draft: Draft; text: string; source: string } {
  const source = readFileSync(join(FIXTURES, "import", name), "utf8");
  const draft = importText(name, source, timezone);
  return { draft, text: renderDraft(draft), source };
}

function problems(text: string): string[] {
  const out: Diagnostic[] = [];
  validatePostmortemFile(text, "draft.mdx", out);
  return out.map((d) => `${d.path}: ${d.message}`);
}

/** Sentences of the source missing from the written draft (frontmatter values and body). */
function lost(name: string, source: string, text: string): string[] {
  const split = splitFrontmatter(text);
  if (!split.ok) throw new Error(split.message);
  return lostSentences(sourceTexts(sourceTree(source, formatOf(name)!)), draftTexts(load(split.source.yaml), split.source.body));
}

describe("the Google SRE book template (Markdown)", () => {
  const { draft, text, source } = importFixture("sre-template.md");
  const fm = draft.frontmatter;

  test("fills title, summary, authors, impact and detection from their headings", () => {
    expect(fm.title).toBe("Nightly billing run charged 212 customers twice");
    expect(fm.summary).toMatch(/^A retry in the nightly billing run/);
    expect(fm.authors).toEqual(["amira", "jonas"]);
    expect(fm.impact.description).toMatch(/^212 customers were charged twice/);
    expect(fm.detection.note).toBe("A customer e-mailed support about two identical charges at 07:55.");
  });

  test("reads a timeline of clock times under a date line that states the zone", () => {
    expect(fm.timezone).toBe("UTC");
    expect(fm.timeline.map((e) => e.at)).toEqual([
      "2025-05-14T01:10:00+00:00",
      "2025-05-14T01:42:00+00:00",
      "2025-05-14T01:44:00+00:00",
      "2025-05-14T07:55:00+00:00",
      "2025-05-14T08:20:00+00:00",
      "2025-05-14T09:30:00+00:00",
      "2025-05-14T11:05:00+00:00",
    ]);
    expect(fm.timeline.map((e) => e.kind)).toEqual(["other", "trigger", "other", "detection", "other", "other", "recovery"]);
    expect(fm.detected).toBe("2025-05-14T07:55:00+00:00");
    expect(fm.resolved).toBe("2025-05-14T11:05:00+00:00");
  });

  test("takes causes by heading: Root Causes are root, Trigger is the trigger", () => {
    expect(fm.causes.map((c) => [c.kind, c.category])).toEqual([
      ["root", UNASSIGNED],
      ["trigger", UNASSIGNED],
    ]);
  });

  test("sorts lessons into what went well, what went wrong and where we got lucky", () => {
    expect(fm.lessons.wentWell).toEqual(["Support recognised the pattern after the second e-mail."]);
    expect(fm.lessons.wentWrong).toHaveLength(2);
    expect(fm.lessons.gotLucky).toEqual(["The gateway's maintenance window was short."]);
  });

  test("reads the action-item table's type, owner (a team or a person), ticket and a (done) marker", () => {
    expect(fm.actionItems.map((a) => [a.id, a.type, a.owner, a.assignee, a.ticket, a.status])).toEqual([
      ["A1", "prevent", "platform", undefined, "https://tracker.example.com/browse/BILL-77", "open"],
      ["A2", "detect", UNASSIGNED, "amira", undefined, "open"],
      ["A3", "process", "web", undefined, undefined, "done"],
    ]);
  });

  test("lists every placeholder in imported.todo, and names the source and its checksum", () => {
    expect(fm.imported.source).toBe("sre-template.md");
    expect(fm.imported.sha256).toBe(createHash("sha256").update(source).digest("hex"));
    expect(fm.imported.todo).toEqual(
      expect.arrayContaining([
        "severity",
        "services",
        "teams",
        "impact.customerFacing",
        "actionItems.1.owner",
        "actionItems.2.completed",
      ]),
    );
    expect(fm.imported.todo).not.toContain("authors");
    expect(fm.imported.todo).not.toContain("actionItems.0.owner");
  });

  test("keeps what no field holds in the body, under its original heading", () => {
    expect(draft.body).toContain("## Resolution\n\nBilling stopped the retry queue");
    expect(draft.body).toContain("## Supporting information");
    expect(draft.body).not.toContain("## Timeline");
  });

  test("writes a draft that validates and loses no sentence", () => {
    expect(problems(text)).toEqual([]);
    expect(lost("sre-template.md", source, text)).toEqual([]);
  });
});

describe("the generic layout (Markdown)", () => {
  const { draft, text, source } = importFixture("generic.md");
  const fm = draft.frontmatter;

  test("reads a stated severity and the zone from an IANA name", () => {
    expect(fm.severity).toBe("SEV1");
    expect(fm.imported.todo).not.toContain("severity");
    expect(fm.timezone).toBe("Europe/Dublin");
    expect(fm.started).toBe("2025-01-15T10:00:00+00:00");
  });

  test("sorts a timeline that is out of order, keeps every row and says so", () => {
    expect(fm.timeline.map((e) => e.at.slice(11, 16))).toEqual(["10:00", "10:04", "10:09", "10:29"]);
    expect(draft.findings.warnings.some((w) => w.startsWith("timeline rows out of order in the source"))).toBe(true);
  });

  test("reads task-list checkboxes, owners, tickets, due dates and priorities written in the item", () => {
    const [a1, a2, a3] = fm.actionItems;
    expect(a1).toMatchObject({
      status: "done",
      owner: "platform",
      ticket: "https://tracker.example.com/browse/AUTH-9",
      due: "2025-02-01",
      priority: "P1",
    });
    expect(a1!.title).toContain("Add a schema for the login service configuration");
    expect(a2).toMatchObject({ status: "open", owner: "web" });
    expect(a3).toMatchObject({ status: "in-progress", owner: UNASSIGNED });
  });

  test("writes a draft that validates and loses no sentence", () => {
    expect(problems(text)).toEqual([]);
    expect(lost("generic.md", source, text)).toEqual([]);
  });
});

describe("a Google Docs export (HTML)", () => {
  const { draft, text, source } = importFixture("google-docs.html");
  const fm = draft.frontmatter;

  test('takes the title from <p class="title"> and reads text split into styled spans', () => {
    expect(fm.title).toBe("Checkout payments failed after a card-processor certificate expired");
    expect(fm.summary).toBe(
      "For 47 minutes, card payments at checkout failed because the client certificate we present to the card processor expired. Orders paid by invoice were not affected.",
    );
    expect(fm.severity).toBe("SEV2");
  });

  test("reads tables without header cells, the zone in a column header, and Google's redirect links", () => {
    expect(fm.timezone).toBe("UTC");
    expect(fm.imported.todo).not.toContain("timezone");
    expect(fm.timeline).toHaveLength(4);
    expect(fm.actionItems[0]).toMatchObject({
      title: "Alert 30 days before any certificate expires",
      type: "detect",
      status: "done",
      ticket: "https://tracker.example.com/browse/PAY-812",
    });
    expect(fm.actionItems[1]).toMatchObject({ status: "in-progress", assignee: "Priya Raman" });
  });

  test("drops scripts, keeps a javascript: link's text only, and escapes braces and angle brackets", () => {
    expect(text).not.toContain("document.title");
    expect(text).not.toContain("javascript:");
    expect(draft.body).toContain("Open the incident channel");
    expect(text).toContain("\\\\<script>alert(1)\\\\</script>");
    expect(text).toContain("\\\\{including the openssl steps}");
  });

  test("writes a draft that validates and loses no sentence", () => {
    expect(problems(text)).toEqual([]);
    expect(lost("google-docs.html", source, text)).toEqual([]);
  });
});

describe("a Confluence export (HTML)", () => {
  const { draft, text, source } = importFixture("confluence.html");
  const fm = draft.frontmatter;

  test("reads the page title, a severity in a status macro, and the zone statement", () => {
    expect(fm.title).toBe("Search results empty after an index rebuild");
    expect(fm.severity).toBe("SEV3");
    expect(fm.timezone).toBe("Europe/Berlin");
    expect(fm.started).toBe("2023-09-28T02:00:00+02:00");
  });

  test("keeps a row without an exact time in the body and warns", () => {
    expect(fm.timeline).toHaveLength(4);
    expect(draft.findings.timelineRows).toEqual({ inSource: 5, recovered: 4, keptInBody: 1 });
    expect(draft.body).toContain("| 2023-09-28 ??:?? | Someone noticed the export job had failed silently the evening before. |");
  });

  test("reads status macros, owners matched to teams, priorities and due dates in the action-item table", () => {
    expect(fm.actionItems.map((a) => [a.status, a.owner, a.assignee, a.priority, a.due])).toEqual([
      ["done", UNASSIGNED, "search", "P1", "2023-10-15"],
      ["in-progress", "data-pipeline", undefined, "P2", "2023-10-31"],
    ]);
  });

  test("takes lessons under bold labels and keeps the closing paragraph in the body", () => {
    expect(fm.lessons.wentWell).toEqual(["Switching the alias back took one command."]);
    expect(draft.body).toContain("We will review the alert delays");
  });

  test("writes a draft that validates and loses no sentence", () => {
    expect(problems(text)).toEqual([]);
    expect(lost("confluence.html", source, text)).toEqual([]);
  });
});

describe("what the source does not state", () => {
  test("becomes a placeholder named in imported.todo, never a made-up value", () => {
    const draft = importText(
      "bare.md",
      "# Disk full\n\n## Timeline\n\n| Time | Event |\n| --- | --- |\n| 2024-01-02 03:04 | Disk full. |\n",
    );
    const fm = draft.frontmatter;
    expect(fm.summary).toBe(TO_FILL);
    expect(fm.services).toEqual([UNASSIGNED]);
    expect(fm.impact.description).toBe(TO_FILL);
    expect(fm.imported.todo).toEqual(
      expect.arrayContaining([
        "timezone",
        "summary",
        "severity",
        "authors",
        "services",
        "teams",
        "detected",
        "resolved",
        "impact.description",
      ]),
    );
    expect(draft.findings.warnings[0]).toMatch(/states no time zone/);
  });

  test("--timezone gives the zone of a document that states none", () => {
    const draft = importText(
      "bare.md",
      "# Disk full\n\n## Timeline\n\n| Time | Event |\n| --- | --- |\n| 2024-07-02 03:04 | Disk full. |\n",
      "America/New_York",
    );
    expect(draft.frontmatter.timezone).toBe("America/New_York");
    expect(draft.frontmatter.started).toBe("2024-07-02T03:04:00-04:00");
    expect(draft.frontmatter.imported.todo).not.toContain("timezone");
  });

  test("a timeline row at a time the clocks skipped is refused, naming the row and both offsets", () => {
    const source =
      "# Disk full\n\n## Timeline\n\n| Time | Event |\n| --- | --- |\n| 2024-03-10 01:50 | Alerts fired. |\n| 2024-03-10 02:30 | Disk full. |\n";
    expect(() => importText("gap.md", source, "America/New_York")).toThrow(
      'the timeline row "2024-03-10 02:30": "2024-03-10 02:30" never happened in America/New_York',
    );
    expect(() => importText("gap.md", source, "America/New_York")).toThrow(
      '"2024-03-10T02:30:00-05:00" or "2024-03-10T02:30:00-04:00"',
    );
  });

  test("a document with no date at all is refused with a fix", () => {
    expect(() => importText("notes.md", "# Notes\n\nSomething broke.\n")).toThrow(/no date found.*add a line such as/);
  });
});

describe("the nothing-lost check", () => {
  test("finds a sentence that is missing from the draft", () => {
    const source = "# T\n\n## Summary\n\nFirst sentence here. Second sentence there.\n";
    expect(lostSentences(sourceTexts(sourceTree(source, "markdown")), "First sentence here.")).toEqual([
      "Second sentence there.",
    ]);
  });

  test("ignores Markdown syntax, case, punctuation and the times moved into fields", () => {
    const source = "- 14:51 The **cache** was *cold*.\n";
    expect(lostSentences(sourceTexts(sourceTree(source, "markdown")), "the cache was cold")).toEqual([]);
  });
});

describe("hostile Markdown", () => {
  const source = [
    "# Hostile",
    "",
    "## Summary",
    "",
    'import fs from "fs"',
    "",
    "export const x = 1",
    "",
    '<img src=x onerror="alert(1)">',
    "",
    "{alert(1)} and <Callout>x</Callout>",
    "",
    "## Timeline",
    "",
    "All times in UTC.",
    "",
    "| Time | Event |",
    "| --- | --- |",
    "| 2024-01-02 03:04 | export default {a} <script>x</script> |",
    "",
    "[click](javascript:alert(1)) ![pixel](data:image/png;base64,AAAA)",
    "",
  ].join("\n");
  const draft = importText("hostile.md", source);
  const text = renderDraft(draft);

  test("becomes a body with no ESM, expression, element or unsafe link, and the draft validates", () => {
    expect(draft.body).toContain("&#x69;mport fs from");
    expect(draft.body).toContain("&#x65;xport const x = 1");
    expect(draft.body).toContain('\\<img src=x onerror="alert(1)">');
    expect(draft.body).toContain("\\{alert(1)} and \\<Callout>x\\</Callout>");
    expect(text).not.toContain("javascript:");
    expect(text).not.toContain("data:image");
    expect(draft.findings.warnings.filter((w) => w.startsWith("link to"))).toHaveLength(2);
    expect(problems(text)).toEqual([]);
  });

  test("still loses no sentence", () => {
    expect(lost("hostile.md", source, text)).toEqual([]);
  });
});
