/**
 * The glossary of figures: every number Hindsight shows about a postmortem or an action item has one
 * definition here — one label, one formatter and one sentence of explanation. Pages, components, the
 * browser scripts, the command line, the exports and the tests read these entries; none of them names
 * or explains a figure by itself. The guide lists them under "How figures are computed".
 *
 * Browser-safe: no Node or Astro imports, so the ledger's script formats exactly what the build does.
 */
import { formatDuration, isoDuration } from "../format/duration.ts";
import { formatDays, formatPercent } from "../format/count.ts";

/** How a figure's value is expressed and formatted. */
export type FigureUnit = "duration" | "count" | "days" | "rate";

export interface FigureDefinition {
  /** The label shown next to the value, the same on every page and export. */
  label: string;
  unit: FigureUnit;
  /** One sentence saying exactly how the figure is computed. */
  explanation: string;
}

export const FIGURES = {
  timeToDetect: {
    label: "Time to detect",
    unit: "duration",
    explanation: "From the start of impact (`started`) to the moment someone or something noticed it (`detected`).",
  },
  timeToMitigate: {
    label: "Time to mitigate",
    unit: "duration",
    explanation:
      "From the start of impact to the moment it was stopped or worked around (`mitigated`); absent when the postmortem records no mitigation.",
  },
  impact: {
    label: "Impact",
    unit: "duration",
    explanation:
      "How long users felt the incident at full strength: from `started` to `mitigated`, or to `resolved` when no separate mitigation is recorded; degraded service or stale data after that is in time to resolve.",
  },
  timeToResolve: {
    label: "Time to resolve",
    unit: "duration",
    explanation:
      "From the start of impact to full resolution (`resolved`), including degraded service, stale data and recovery work after mitigation.",
  },
  outstanding: {
    label: "Outstanding",
    unit: "count",
    explanation: "Action items that still need work: status open, in progress or blocked.",
  },
  open: {
    label: "Open",
    unit: "count",
    explanation: "Action items with status open: agreed but not started.",
  },
  inProgress: {
    label: "In progress",
    unit: "count",
    explanation: "Action items with status in progress.",
  },
  blocked: {
    label: "Blocked",
    unit: "count",
    explanation: "Action items with status blocked: waiting on something outside the owning team.",
  },
  overdue: {
    label: "Overdue",
    unit: "count",
    explanation:
      "Action items still open, in progress or blocked after their due date (due today is not yet late); a blocked item that is late is both blocked and overdue.",
  },
  daysOverdue: {
    label: "Lateness",
    unit: "days",
    explanation:
      "Whole days from an overdue item's due date to today, told in days under a month, then in calendar months, then in years.",
  },
  age: {
    label: "Age",
    unit: "days",
    explanation:
      "Whole days from the incident's date (in its own time zone) to today, for items that still need work; closed items have no age.",
  },
  doneLast90Days: {
    label: "Done in the last 90 days",
    unit: "count",
    explanation: "Done items whose completion date is within the 90 days up to and including today.",
  },
  completionRate: {
    label: "Completion rate",
    unit: "rate",
    explanation: "Done items ÷ all items except won't-do (a decision not to act is not a failure to follow through).",
  },
  daysToClose: {
    label: "Days to close",
    unit: "days",
    explanation: "Whole days from the incident's date to a done item's completion date.",
  },
  medianDaysToClose: {
    label: "Median days to close",
    unit: "days",
    explanation: "The median of days to close over done items (the mean of the two middle values when their number is even).",
  },
  recurredWhileOpen: {
    label: "Recurred while open",
    unit: "count",
    explanation:
      "Action items that a later incident cites in `priorActionItems` while they were not yet completed (completed on or after that incident's date).",
  },
} as const satisfies Record<string, FigureDefinition>;

export type FigureId = keyof typeof FIGURES;

/** Every figure id, in the order the guide explains them. */
export const FIGURE_IDS = Object.keys(FIGURES) as FigureId[];

/** The duration figures of a postmortem, in the order pages show them. */
export const POSTMORTEM_DURATION_FIGURES = ["timeToDetect", "impact", "timeToResolve"] as const satisfies readonly FigureId[];
/** The duration figures each postmortem list entry shows (home, archive, browse pages) and a postmortem's "at a glance". */
export const LIST_DURATION_FIGURES = ["impact", "timeToResolve"] as const satisfies readonly FigureId[];

/** The explanation as plain text (for `title` attributes and terminals): code marks dropped. */
export function explain(id: FigureId): string {
  return FIGURES[id].explanation.replace(/`([^`]+)`/g, "$1");
}

/** The label of a figure; `inSentence` lower-cases it for use mid-sentence ("2 overdue"). */
export function labelOf(id: FigureId, options: { inSentence?: boolean } = {}): string {
  return options.inSentence ? FIGURES[id].label.toLowerCase() : FIGURES[id].label;
}

/** The fragment of the guide's "How figures are computed" entry for a figure. */
export function figureAnchor(id: FigureId): string {
  return `figure-${id.replace(/[A-Z]|\d+/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** Formats a figure's value with its unit; "—" when there is no value. */
export function formatFigure(id: FigureId, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  switch (FIGURES[id].unit) {
    case "duration":
      return formatDuration(value);
    case "days":
      return formatDays(value);
    case "rate":
      return formatPercent(value);
    case "count":
      return String(value);
  }
}

/** A duration figure ready to render: label, text, ISO duration for `<time datetime>`, explanation. */
export interface ShownDuration {
  id: FigureId;
  label: string;
  explanation: string;
  ms: number;
  text: string;
  iso: string;
}

/** The named durations that have a value, in the order given. */
export function shownDurations(
  durations: Partial<Record<FigureId, number | null>>,
  ids: readonly FigureId[] = POSTMORTEM_DURATION_FIGURES,
): ShownDuration[] {
  return ids.flatMap((id) => {
    const ms = durations[id];
    if (ms === null || ms === undefined) return [];
    return [{ id, label: FIGURES[id].label, explanation: explain(id), ms, text: formatFigure(id, ms), iso: isoDuration(ms) }];
  });
}
