/** Builds valid postmortem frontmatter objects for schema tests; each test changes only what it is about. */

export type Frontmatter = Record<string, unknown>;

/** A complete, valid, published SEV2 postmortem's frontmatter. */
export function validFrontmatter(overrides: Frontmatter = {}): Frontmatter {
  return {
    title: "Checkout failed after a configuration push",
    summary: "A bad flag disabled payments for 40 minutes.",
    severity: "SEV2",
    status: "published",
    authors: ["Ada Lovelace"],
    reviewers: ["Grace Hopper"],
    tags: ["payments"],
    services: ["checkout"],
    teams: ["payments"],
    timezone: "Europe/London",
    started: "2024-03-01T10:00:00Z",
    detected: "2024-03-01T10:05:00Z",
    mitigated: "2024-03-01T10:40:00Z",
    resolved: "2024-03-01T11:00:00Z",
    impact: { description: "Payments failed.", customerFacing: true, dataLoss: "none" },
    detection: { method: "alert", note: "The payment error alert fired." },
    timeline: [
      { at: "2024-03-01T10:00:00Z", kind: "trigger", text: "Flag pushed." },
      { at: "2024-03-01T10:05:00Z", kind: "detection", text: "Alert fired." },
      { at: "2024-03-01T10:40:00Z", kind: "mitigation", text: "Flag reverted." },
    ],
    causes: [
      { kind: "trigger", category: "configuration-change", text: "The flag push." },
      { kind: "root", category: "configuration-change", text: "Flags were not validated." },
    ],
    actionItems: [
      {
        id: "A1",
        title: "Validate flags before pushing",
        type: "prevent",
        priority: "P1",
        owner: "payments",
        status: "open",
        due: "2024-04-01",
      },
    ],
    ...overrides,
  };
}

/** A valid action item with overrides. */
export function actionItem(overrides: Frontmatter = {}): Frontmatter {
  return {
    id: "A1",
    title: "Do the thing",
    type: "prevent",
    priority: "P2",
    owner: "payments",
    status: "open",
    due: "2024-04-01",
    ...overrides,
  };
}
