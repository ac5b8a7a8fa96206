/** The incident's own date and the newest-first order every list uses. */
import { localDate } from "../format/instant.ts";
import type { Postmortem } from "../schema/postmortem.ts";

/** The incident's date (YYYY-MM-DD) on the calendar of its own time zone. */
export function incidentDate(data: Pick<Postmortem, "started" | "timezone">): string {
  return localDate(data.started, data.timezone);
}

/** Compares postmortems newest incident first, then by id (so equal starts have a stable order). */
export function compareNewestFirst(
  a: { id: string; data: { started: string } },
  b: { id: string; data: { started: string } },
): number {
  return Date.parse(b.data.started) - Date.parse(a.data.started) || a.id.localeCompare(b.id);
}

/** A copy sorted newest incident first. */
export function newestFirst<T extends { id: string; data: { started: string } }>(postmortems: readonly T[]): T[] {
  return [...postmortems].sort(compareNewestFirst);
}
