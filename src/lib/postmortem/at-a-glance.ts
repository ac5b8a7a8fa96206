/**
 * What a reader needs from the first screen of a postmortem: how bad it was and for how long, what set
 * it off, why it happened, and how the follow-up stands. Pages render this model; nothing here formats
 * a figure by itself beyond calling the shared formatters.
 */
import { isOverdue } from "../action-items/overdue.ts";
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
}

export interface AtAGlance {
  /** Durations from the start of impact; null where the key time is not recorded. */
  timeToMitigate: number | null;
  timeToResolve: number | null;
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
  return {
    total: items.length,
    done,
    wontDo,
    outstanding: items.length - done - wontDo,
    overdue: items.filter((i) => isOverdue(i, today)).length,
  };
}

export function atAGlance(data: Postmortem, durations: Durations, today: string): AtAGlance {
  return {
    timeToMitigate: durations.timeToMitigate,
    timeToResolve: durations.timeToResolve,
    customersAffected: data.impact.customersAffected,
    usersAffected: data.impact.usersAffected,
    dataLoss: data.impact.dataLoss,
    triggers: causeLines(data.causes, "trigger"),
    roots: causeLines(data.causes, "root"),
    followUp: followUpOf(data.actionItems, today),
  };
}
