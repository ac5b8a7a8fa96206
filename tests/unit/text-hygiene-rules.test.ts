import { describe, expect, it } from "vitest";
import { hygieneFindings } from "../support/text-hygiene.ts";
import { labelText, visibleText } from "../support/visible-text.ts";

const faults = (text: string) => hygieneFindings(text).map((f) => f.fault);

describe("the text-hygiene rules", () => {
  it.each([
    ["9 open action items,7 overdue(as of 30 Nov 2026)", "word glued after a comma or semicolon"],
    ["9 open action items, 7 overdue(as of 30 Nov 2026)", "word glued to an opening bracket"],
    ["Hindsight — postmortems kept in git. How to write a postmortem ·Action-item ledger", "word glued to a middle dot"],
    ["23done items. As of 2026-11-30, when the site was built.", "number glued to a word"],
    ["23 done items. As of2026-11-30, when the site was built.", "word glued to a number"],
    [
      "An item is overdue when it is still open after its due date.Open the action-item ledger.",
      "sentence glued after a full stop",
    ],
    ["Showing 1 of 1 items.", "singular count with a plural noun"],
    ["Status: Wont Do", "raw fixed-list value instead of its label"],
    ["Status: in-progress", "raw fixed-list value instead of its label"],
    ["23:37mitigationConfiguration and file locations are restored", "words glued together (lower case then capital)"],
    ["4 Jan 2016SEV1 · Critical", "number glued to a capitalised word"],
    ["2016-01-04-dashboard-outage-deleted-metadata-tables#A4Recurred while open", "key glued to a word"],
  ])("find the fault in %j", (text, fault) => {
    expect(faults(text)).toContain(fault);
  });

  it.each([
    "9 open action items, 7 overdue (as of 30 Nov 2026)",
    "Hindsight — postmortems kept in git. How to write a postmortem · Action-item ledger",
    "23 done items. As of 2026-11-30, when the site was built.",
    "1 item, 2 items, 1 postmortem (1 SEV2), 1,000 items",
    "23:37 — Mitigation — Configuration and file locations are restored; most dashboards load again.",
    "Status: Won't do. In progress. The DynamoDB tables and a MapReduce job; see https://example.com/a.Path",
    "SEV1 · Critical, p90 4 h 12 min, 5xx errors, HTTP 503",
  ])("pass the well-written %j", (text) => {
    expect(hygieneFindings(text)).toEqual([]);
  });
});

describe("the visible text of a page", () => {
  it("joins inline elements exactly as the markup writes them and breaks lines at blocks", () => {
    const html = `<body><p><a href="/">postmortem</a> ·<a href="/l/">ledger</a></p><p>23<span>done</span></p></body>`;
    expect(visibleText(html)).toBe("postmortem ·ledger\n\n23done");
  });

  it("leaves out scripts, styles, code and hidden elements", () => {
    const html = `<body><p>Shown <code>raw-key#A1</code></p><script>let a=1</script><style>p{}</style><p hidden>1 items</p></body>`;
    expect(visibleText(html)).toBe("Shown");
  });
});

describe("the text of a page's pictures and labels", () => {
  it("joins an SVG's title, description and labels as an extractor reads them, so a glued description shows", () => {
    const html = `<body><svg role="img"><title>Open items</title> <desc>By age.</desc><text>Under 30 days</text></svg></body>`;
    expect(labelText(html).split("\n")).toEqual(["Open items By age.Under 30 days", "Open items", "By age."]);
    expect(faults(labelText(html))).toContain("sentence glued after a full stop");
  });

  it("reads aria-label, title and alt values, and leaves out hidden elements and code", () => {
    const html = `<body><nav aria-label="9 open items,7 overdue"><a title="Due 8 Jan:3 days late">x</a></nav><img alt="A chart" src="a.png"><p hidden aria-label="1 items"></p><code title="raw">k</code></body>`;
    expect(labelText(html).split("\n")).toEqual(["9 open items,7 overdue", "Due 8 Jan:3 days late", "A chart"]);
    expect(faults(labelText(html))).toContain("word glued after a comma or semicolon");
  });

  it("accepts frontmatter field names that an explanation names on purpose", () => {
    expect(hygieneFindings("Items a later incident cites in priorActionItems while they were open.")).toEqual([]);
  });
});
