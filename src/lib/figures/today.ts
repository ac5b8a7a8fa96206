/**
 * "Today", the one date every "overdue", "age" and "done in the last 90 days" is computed against.
 * The build, the command line and the insights use `buildToday` (HINDSIGHT_TODAY pins it); the browser
 * uses `readerToday`, so a page built weeks ago still shows what is late for the reader. Browser-safe;
 * `buildToday` lives in build-today.ts because it validates with the schema's date rule.
 */
/** The UTC calendar date (YYYY-MM-DD) of an instant. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The reader's calendar date, YYYY-MM-DD, in their own time zone. */
export function readerToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
