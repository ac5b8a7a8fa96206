/** Counted nouns and ratios, written the same way on every page: "1 day", "3 days", "67%". */

/** "1 item", "0 items", "3 items"; `plural` defaults to the noun with an "s". */
export function countOf(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}

/** A whole number of days: "1 day", "69 days". */
export function formatDays(days: number): string {
  return countOf(days, "day");
}

/** A rate between 0 and 1 as a whole percentage ("67%"), or "—" when there is nothing to divide. */
export function formatPercent(rate: number | null): string {
  return rate === null ? "—" : `${Math.round(rate * 100)}%`;
}
