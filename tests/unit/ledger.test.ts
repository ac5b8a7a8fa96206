import { describe, expect, it } from "vitest";
import {
  buildLedger,
  citedItems,
  filterLedger,
  postmortemCitations,
  groupByStatus,
  parseActionItemKey,
  sortLedger,
  summarize,
} from "../../src/lib/action-items/ledger.ts";
import { item, postmortem } from "../fixtures/ledger-content.ts";

const TODAY = "2026-11-26";

describe("buildLedger", () => {
  it("makes one row per action item with its global key, postmortem facts and item fields", () => {
    const pm = postmortem(
      "2026-10-01-api-errors",
      [
        item({ id: "A1", assignee: "Grace", ticket: "https://tracker.example.com/OPS-1", priority: "P1", type: "detect" }),
        item({ id: "A2", status: "done", completed: "2026-10-11" }),
      ],
      { severity: "SEV1", services: ["dashboards", "auth"] },
    );
    const ledger = buildLedger([pm], TODAY);
    expect(ledger.items).toHaveLength(2);
    const [a1, a2] = ledger.items;
    expect(a1).toMatchObject({
      key: "2026-10-01-api-errors#A1",
      id: "A1",
      postmortem: {
        id: "2026-10-01-api-errors",
        title: "Incident of 2026-10-01",
        severity: "SEV1",
        date: "2026-10-01",
        url: "/postmortems/2026-10-01-api-errors/",
        services: ["dashboards", "auth"],
      },
      owner: "web-app",
      assignee: "Grace",
      type: "detect",
      priority: "P1",
      status: "open",
      isOpen: true,
      due: "2026-12-01",
      ticket: "https://tracker.example.com/OPS-1",
      ageDays: 56,
      overdue: false,
      daysOverdue: 0,
    });
    expect(a1?.daysToClose).toBeUndefined();
    expect(a2).toMatchObject({ status: "done", completed: "2026-10-11", daysToClose: 10, isOpen: false });
  });

  it("treats an item due today as not overdue and one due yesterday as one day overdue", () => {
    const ledger = buildLedger(
      [postmortem("2026-11-01-x", [item({ id: "A1", due: TODAY }), item({ id: "A2", due: "2026-11-25" })])],
      TODAY,
    );
    expect(ledger.items.map((i) => [i.id, i.overdue, i.daysOverdue])).toEqual([
      ["A1", false, 0],
      ["A2", true, 1],
    ]);
  });

  it("never marks done or won't-do items overdue, whatever their due date", () => {
    const ledger = buildLedger(
      [
        postmortem("2026-01-01-x", [
          item({ id: "A1", status: "done", due: "2026-01-10", completed: "2026-03-01" }),
          item({ id: "A2", status: "wont-do", due: "2026-01-10", reason: "Replaced by A1." }),
          item({ id: "A3", status: "blocked", due: "2026-01-10" }),
        ]),
      ],
      TODAY,
    );
    expect(ledger.items.map((i) => i.overdue)).toEqual([false, false, true]);
  });

  it("leaves drafts and postmortems in review out of the ledger", () => {
    const ledger = buildLedger(
      [
        postmortem("2026-01-01-published", [item()]),
        postmortem("2026-01-02-review", [item()], { status: "in-review" }),
        postmortem("2026-01-03-draft", [item()], { status: "draft" }),
      ],
      TODAY,
    );
    expect(ledger.items.map((i) => i.key)).toEqual(["2026-01-01-published#A1"]);
  });

  it("dates the incident in the postmortem's own time zone", () => {
    const pm = postmortem("2026-01-04-late-night", [item({ due: "2026-02-01" })], {
      timezone: "America/Los_Angeles",
      started: "2026-01-04T20:22:00-08:00",
      detected: "2026-01-04T20:30:00-08:00",
      resolved: "2026-01-04T23:00:00-08:00",
      timeline: [{ at: "2026-01-04T20:22:00-08:00", kind: "trigger", text: "A script ran." }],
    });
    expect(buildLedger([pm], TODAY).items[0]?.postmortem.date).toBe("2026-01-04");
  });
});

describe("summary figures at a pinned date", () => {
  const ledger = buildLedger(
    [
      postmortem("2026-06-01-a", [
        item({ id: "A1", status: "open", due: "2026-11-25" }), // overdue by 1
        item({ id: "A2", status: "in-progress", due: TODAY }), // due today: not overdue
        item({ id: "A3", status: "blocked", due: "2026-12-31" }),
        item({ id: "A4", status: "done", due: "2026-07-01", completed: "2026-06-11" }), // 10 days, 168 days ago
        item({ id: "A5", status: "done", due: "2026-12-01", completed: "2026-08-29" }), // 89 days ago: in the last 90
        item({ id: "A6", status: "done", due: "2026-12-01", completed: "2026-08-28" }), // 90 days ago: outside
        item({ id: "A7", status: "wont-do", due: "2026-07-01", reason: "Obsolete." }),
      ]),
    ],
    TODAY,
  );

  it("counts open, in progress, blocked, outstanding and overdue items", () => {
    expect(ledger.summary).toMatchObject({
      total: 7,
      open: 1,
      inProgress: 1,
      blocked: 1,
      outstanding: 3,
      overdue: 1,
      done: 3,
      wontDo: 1,
    });
  });

  it("counts done items completed within the last 90 days, today included", () => {
    expect(ledger.summary.doneLast90Days).toBe(1);
  });

  it("computes the completion rate without won't-do items and the median days to close", () => {
    expect(ledger.summary.completionRate).toBe(3 / 6);
    expect(ledger.summary.medianDaysToClose).toBe(88); // 10, 88, 89
  });

  it("has no completion rate or median when nothing is done", () => {
    expect(summarize([], TODAY)).toMatchObject({ total: 0, completionRate: null, medianDaysToClose: null });
  });
});

describe("citations across incidents", () => {
  const earlier = postmortem("2025-01-10-earlier", [
    item({ id: "A1", status: "done", due: "2025-02-01", completed: "2025-01-31" }),
    item({ id: "A2", status: "open", due: "2025-03-01" }),
    item({ id: "A3", status: "done", due: "2025-03-01", completed: "2025-06-01" }),
    item({ id: "A4", status: "done", due: "2025-03-01", completed: "2025-05-20" }),
  ]);
  const later = postmortem("2025-05-20-later", [item({ due: "2025-06-20" })], {
    priorActionItems: ["2025-01-10-earlier#A1", "2025-01-10-earlier#A2", "2025-01-10-earlier#A3", "2025-01-10-earlier#A4"],
  });
  const ledger = buildLedger([earlier, later], TODAY);
  const row = (key: string) => ledger.items.find((i) => i.key === key)!;

  it("records the later incident on each cited item", () => {
    expect(row("2025-01-10-earlier#A2").citedBy).toEqual([
      {
        postmortemId: "2025-05-20-later",
        title: "Incident of 2025-05-20",
        url: "/postmortems/2025-05-20-later/",
        date: "2025-05-20",
        whileOpen: true,
      },
    ]);
  });

  it("does not flag an item completed before the later incident as recurred while open", () => {
    expect(row("2025-01-10-earlier#A1")).toMatchObject({ recurredWhileOpen: false, citedBy: [{ whileOpen: false }] });
  });

  it("flags items still open, completed after the incident, or completed on its day as recurred while open", () => {
    expect(row("2025-01-10-earlier#A2").recurredWhileOpen).toBe(true);
    expect(row("2025-01-10-earlier#A3").recurredWhileOpen).toBe(true);
    expect(row("2025-01-10-earlier#A4").recurredWhileOpen).toBe(true);
    expect(ledger.summary.recurredWhileOpen).toBe(3);
  });

  it("lists the items a postmortem cites, with whether each was open at its start", () => {
    expect(citedItems(ledger, "2025-05-20-later").map((c) => [c.item.id, c.whileOpen])).toEqual([
      ["A1", false],
      ["A2", true],
      ["A3", true],
      ["A4", true],
    ]);
  });

  it("gives a postmortem's page the items it cites with the ledger's open-at-the-time answers, and each own item's later citations", () => {
    const all = new Map([earlier, later].map((p) => [p.id, p]));
    const { cites, citedBy } = postmortemCitations(later, all, ledger, () => true);
    expect(cites.map((c) => [c.itemId, c.whileOpen])).toEqual(
      citedItems(ledger, "2025-05-20-later").map((c) => [c.item.id, c.whileOpen]),
    );
    expect(cites[0]).toMatchObject({ key: "2025-01-10-earlier#A1", url: "/postmortems/2025-01-10-earlier/#item-A1" });
    expect(postmortemCitations(earlier, all, ledger, () => true).citedBy["A2"]).toEqual(row("2025-01-10-earlier#A2").citedBy);
    expect(citedBy).toEqual({ A1: [] });
  });

  it("answers for an in-review postmortem, which the ledger leaves out, and links only listed postmortems", () => {
    const inReview = postmortem("2025-06-01-review", [item()], {
      status: "in-review",
      priorActionItems: ["2025-01-10-earlier#A1", "2025-01-10-earlier#A2"],
    });
    const all = new Map([earlier, later, inReview].map((p) => [p.id, p]));
    const withReview = buildLedger([...all.values()], TODAY);
    expect(citedItems(withReview, inReview.id)).toEqual([]);
    const { cites } = postmortemCitations(inReview, all, withReview, (id) => id !== "2025-01-10-earlier");
    expect(cites.map((c) => [c.itemId, c.whileOpen, c.url])).toEqual([
      ["A1", false, undefined],
      ["A2", true, undefined],
    ]);
  });

  it("ignores citations of missing items, of later incidents and of the postmortem's own items", () => {
    const a = postmortem("2025-01-01-a", [item()], {
      priorActionItems: ["2025-02-01-b#A1", "2025-01-01-a#A1", "2024-01-01-missing#A1"],
    });
    const b = postmortem("2025-02-01-b", [item()]);
    const result = buildLedger([a, b], TODAY);
    expect(result.items.every((i) => i.citedBy.length === 0)).toBe(true);
  });

  it("splits a global key into postmortem id and item id", () => {
    expect(parseActionItemKey("2025-01-10-earlier#A12")).toEqual({ postmortemId: "2025-01-10-earlier", itemId: "A12" });
    expect(parseActionItemKey("2025-01-10-earlier")).toBeUndefined();
  });
});

describe("filters, sorts and groups", () => {
  const ledger = buildLedger(
    [
      postmortem(
        "2026-03-01-old",
        [
          item({ id: "A1", priority: "P3", due: "2026-04-01", owner: "sre" }),
          item({ id: "A2", priority: "P0", due: "2026-12-20", type: "detect" }),
        ],
        { severity: "SEV1", services: ["auth"] },
      ),
      postmortem("2026-10-01-new", [
        item({ id: "A1", priority: "P1", due: "2026-12-10", status: "in-progress" }),
        item({ id: "A2", priority: "P2", due: "2026-10-20", status: "done", completed: "2026-10-15" }),
      ]),
    ],
    TODAY,
  );

  it("keeps rows matching every filter and any value within one filter", () => {
    expect(filterLedger(ledger.items, { owner: ["web-app"], status: ["open", "in-progress"] }).map((i) => i.key)).toEqual([
      "2026-10-01-new#A1",
      "2026-03-01-old#A2",
    ]);
    expect(filterLedger(ledger.items, { severity: ["SEV1"], type: ["detect"] }).map((i) => i.key)).toEqual(["2026-03-01-old#A2"]);
    expect(filterLedger(ledger.items, { service: ["auth"], priority: ["P3"] }).map((i) => i.key)).toEqual(["2026-03-01-old#A1"]);
    expect(filterLedger(ledger.items, { overdueOnly: true }).map((i) => i.key)).toEqual(["2026-03-01-old#A1"]);
    expect(filterLedger(ledger.items, {})).toHaveLength(4);
  });

  it("sorts by due date, by priority and by age, closed items (which have no age) last", () => {
    expect(sortLedger(ledger.items, "due").map((i) => i.due)).toEqual(["2026-04-01", "2026-10-20", "2026-12-10", "2026-12-20"]);
    expect(sortLedger(ledger.items, "priority").map((i) => i.priority)).toEqual(["P0", "P1", "P2", "P3"]);
    expect(sortLedger(ledger.items, "age").map((i) => i.key)).toEqual([
      "2026-03-01-old#A1",
      "2026-03-01-old#A2",
      "2026-10-01-new#A1",
      "2026-10-01-new#A2",
    ]);
  });

  it("puts each item in exactly one section, its status's, an overdue one first in its section", () => {
    const groups = groupByStatus(ledger.items);
    expect(groups.map((g) => [g.id, g.items.map((i) => i.key)])).toEqual([
      ["open", ["2026-03-01-old#A1", "2026-03-01-old#A2"]],
      ["in-progress", ["2026-10-01-new#A1"]],
      ["blocked", []],
      ["done", ["2026-10-01-new#A2"]],
      ["wont-do", []],
    ]);
    expect(groups.flatMap((g) => g.items)).toHaveLength(ledger.items.length);
  });

  it("keeps a blocked item that is late in the blocked section, marked overdue", () => {
    const late = buildLedger([postmortem("2026-03-01-stuck", [item({ id: "A1", status: "blocked", due: "2026-04-01" })])], TODAY);
    const groups = groupByStatus(late.items);
    expect(groups.find((g) => g.id === "blocked")!.items.map((i) => [i.key, i.overdue])).toEqual([["2026-03-01-stuck#A1", true]]);
    expect(late.summary).toMatchObject({ blocked: 1, overdue: 1 });
  });

  it("gives closed items no age", () => {
    expect(ledger.items.find((i) => i.status === "done")!.ageDays).toBeNull();
    expect(ledger.items.find((i) => i.key === "2026-03-01-old#A1")!.ageDays).toBeGreaterThan(0);
  });
});
