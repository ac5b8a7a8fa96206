/**
 * What a reader needs from the first screen of a postmortem: how bad it was and for how long, what set
 * it off, why it happened, and how the follow-up stands. Pages render this model; every figure in it is
 * named and formatted by the glossary (`src/lib/figures/glossary.ts`).
 */
import { countOverdue } from "../action-items/overdue.ts";
import { outstandingDueDates } from "../action-items/page-model.ts";
import { LIST_DURATION_FIGURES, shownDurations, type ShownDuration } from "../figures/glossary.ts";
import type { ActionItem, Cause, Postmortem } from "../schema/index.ts";
import type { Durations } from "./durations.ts";

/** One cause as a line: its category and the first sentence of its text (Markdown, unrendered). */
export interface CauseLine {
  category: string;
  sentence: string;
}

export interface FollowUp {
  total: number;
  done: number;
  wontDo: number;
  /** Still open, in progress or blocked. */
  outstanding: number;
  /** Outstanding after the due date, as of `today`. */
  overdue: number;
  /**
   * The due dates of the outstanding items, space-separated: what `src/browser/overdue.ts` recounts the
   * overdue figure from for the reader's date (`data-count-overdue`).
   */
  dueDates: string;
}

export interface AtAGlance {
  /** The impact and time to resolve, as every postmortem list shows them (glossary labels and formats). */
  durations: ShownDuration[];
  customersAffected: number | undefined;
  usersAffected: number | undefined;
  dataLoss: Postmortem["impact"]["dataLoss"];
  triggers: CauseLine[];
  roots: CauseLine[];
  followUp: FollowUp;
}

/**
 * The first sentence of a short Markdown text: up to the first full stop, question or exclamation mark
 * that ends a sentence (followed by a space and a capital or the end). Falls back to the whole text.
 */
export function firstSentence(markdown: string): string {
  const text = markdown.replace(/\s+/g, " ").trim();
  const end = /[.!?](?=\s+["“(]?[A-Z0-9]|$)/.exec(text);
  return end ? text.slice(0, end.index + 1) : text;
}

const causeLines = (causes: Cause[], kind: Cause["kind"]): CauseLine[] =>
  causes.filter((c) => c.kind === kind).map((c) => ({ category: c.category, sentence: firstSentence(c.text) }));

/** Done, won't do, outstanding and overdue counts of a postmortem's action items as of `today`. */
export function followUpOf(items: ActionItem[], today: string): FollowUp {
  const done = items.filter((i) => i.status === "done").length;
  const wontDo = items.filter((i) => i.status === "wont-do").length;
  const dueDates = outstandingDueDates(items);
  return {
    total: items.length,
    done,
    wontDo,
    outstanding: items.length - done - wontDo,
    // The same count the browser repeats for the reader's date, from the same due dates.
    overdue: countOverdue(dueDates.split(" ").filter(Boolean), today),
    dueDates,
  };
}

export function atAGlance(data: Postmortem, durations: Durations, today: string): AtAGlance {
  return {
    durations: shownDurations(durations, LIST_DURATION_FIGURES),
    customersAffected: data.impact.customersAffected,
    usersAffected: data.impact.usersAffected,
    dataLoss: data.impact.dataLoss,
    triggers: causeLines(data.causes, "trigger"),
    roots: causeLines(data.causes, "root"),
    followUp: followUpOf(data.actionItems, today),
  };
}
