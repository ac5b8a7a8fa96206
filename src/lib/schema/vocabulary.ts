/**
 * Every fixed list of the content model, each defined once with the sentence that explains it.
 * Schemas, pages, the guide and the JSON Schema all read these tuples, so a new value is added here only.
 */

/** Severity levels, most severe first. The description is what the guide and badges explain. */
export const SEVERITY_LEVELS = [
  {
    id: "SEV1",
    label: "Critical",
    description: "A core product is unavailable or data is lost or exposed for many customers; all hands until mitigated.",
  },
  {
    id: "SEV2",
    label: "Major",
    description:
      "A core feature is degraded or unavailable for a significant share of customers, or an important internal system is down.",
  },
  {
    id: "SEV3",
    label: "Minor",
    description: "A non-core feature is degraded, or a small share of customers is affected, with a workaround available.",
  },
  {
    id: "SEV4",
    label: "Low",
    description: "No visible customer impact: a near miss, an internal inconvenience or a risk worth learning from.",
  },
] as const;
export const SEVERITIES = ["SEV1", "SEV2", "SEV3", "SEV4"] as const satisfies readonly (typeof SEVERITY_LEVELS)[number]["id"][];
export type Severity = (typeof SEVERITIES)[number];

/** A count per severity, every severity present at zero, in severity order. */
export function zeroPerSeverity(): Record<Severity, number> {
  return Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
}

/**
 * Life cycle of the postmortem document itself (not of the incident). `withdrawn` is the only way back once
 * readers have seen a postmortem: its URL stays, with a notice and the reason (docs/decisions/0010).
 */
export const DOCUMENT_STATUSES = ["draft", "in-review", "published", "withdrawn"] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];
export const DOCUMENT_STATUS_DESCRIPTIONS: Record<DocumentStatus, string> = {
  draft: "Being written; shown only in the local preview, never in a build.",
  "in-review": "Complete and open for review in a pull request; published with a banner saying so.",
  published: "Reviewed and agreed; part of the knowledge base.",
  withdrawn:
    "Taken back after it was shown (a duplicate, or wrong at heart); its page stays at its URL with a notice and the reason, but it leaves lists, search, the ledger, feeds and figures.",
};
/** How each document status reads on a page. */
export const DOCUMENT_STATUS_LABELS: Record<DocumentStatus, string> = {
  draft: "Draft",
  "in-review": "In review",
  published: "Published",
  withdrawn: "Withdrawn",
};

/** How the incident first came to someone's attention. */
export const DETECTION_METHODS = ["alert", "customer-report", "employee", "automated-test", "other"] as const;
export type DetectionMethod = (typeof DETECTION_METHODS)[number];

/** What a timeline event is. `context` is the one kind allowed long before the incident. */
export const TIMELINE_KINDS = [
  "context",
  "trigger",
  "detection",
  "escalation",
  "diagnosis",
  "mitigation",
  "recovery",
  "communication",
  "resolution",
  "other",
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];
/** The kinds of timeline event that may sit any time before the incident window (shown as "before the incident"). */
export const CONTEXT_TIMELINE_KINDS = ["context"] as const satisfies readonly TimelineKind[];
/** How each timeline kind reads on a page and in search excerpts. */
export const TIMELINE_KIND_LABELS: Record<TimelineKind, string> = {
  context: "Context",
  trigger: "Trigger",
  detection: "Detection",
  escalation: "Escalation",
  diagnosis: "Diagnosis",
  mitigation: "Mitigation",
  recovery: "Recovery",
  communication: "Communication",
  resolution: "Resolution",
  other: "Other",
};

/** The role a cause played. */
export const CAUSE_KINDS = ["trigger", "root", "contributing"] as const;
export type CauseKind = (typeof CAUSE_KINDS)[number];
export const CAUSE_KIND_DESCRIPTIONS: Record<CauseKind, string> = {
  trigger: "The event that set the incident off (a deploy, a command, a traffic spike). Not on its own a reason.",
  root: "A condition without which the incident would not have happened, or not at this scale.",
  contributing: "A condition that made the incident more likely, longer, or harder to resolve.",
};

/** Whether customers lost data, and whether it came back. */
export const DATA_LOSS = ["none", "recovered", "permanent"] as const;
export type DataLoss = (typeof DATA_LOSS)[number];
/** How each data-loss value reads on a page. */
export const DATA_LOSS_LABELS: Record<DataLoss, string> = {
  none: "No data lost",
  recovered: "Data lost, then recovered",
  permanent: "Data permanently lost",
};

/** What an action item does about the incident. */
export const ACTION_TYPES = ["prevent", "mitigate", "detect", "process"] as const;
export type ActionType = (typeof ACTION_TYPES)[number];
export const ACTION_TYPE_DESCRIPTIONS: Record<ActionType, string> = {
  prevent: "Stops this class of incident from happening again.",
  mitigate: "Reduces the impact or duration when it happens.",
  detect: "Finds it sooner or more precisely.",
  process: "Changes how people respond, communicate or decide.",
};

/** How urgent an action item is, most urgent first. */
export const PRIORITIES = ["P0", "P1", "P2", "P3"] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Where an action item stands. `done` and `wont-do` are closed; the others are open. */
export const ACTION_STATUSES = ["open", "in-progress", "blocked", "done", "wont-do"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
/** How each action-item status reads on a page. */
export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  open: "Open",
  "in-progress": "In progress",
  blocked: "Blocked",
  done: "Done",
  "wont-do": "Won't do",
};
export const CLOSED_ACTION_STATUSES = ["done", "wont-do"] as const satisfies readonly ActionStatus[];

/** True when the item still needs work. */
export function isOpenStatus(status: ActionStatus): boolean {
  return !(CLOSED_ACTION_STATUSES as readonly ActionStatus[]).includes(status);
}

/** Service criticality, most critical first. */
export const SERVICE_TIERS = ["tier-1", "tier-2", "tier-3"] as const;
export type ServiceTier = (typeof SERVICE_TIERS)[number];
