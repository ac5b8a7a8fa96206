/** Whether an action item is late. Computed against an injectable "today" so tests pin the clock. */
import { isOpenStatus, type ActionStatus } from "../schema/vocabulary.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Today's date (YYYY-MM-DD) in UTC. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Whole days from date `a` to date `b` (both YYYY-MM-DD); negative when b is earlier. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** An item is overdue when it is still open and its due date has passed: due today is not yet late. */
export function isOverdue(item: { status: ActionStatus; due: string }, today: string): boolean {
  return isOpenStatus(item.status) && item.due < today;
}

/** Days past due, or 0 when not overdue. */
export function daysOverdue(item: { status: ActionStatus; due: string }, today: string): number {
  return isOverdue(item, today) ? daysBetween(item.due, today) : 0;
}
