/**
 * Human-readable durations that keep their meaning: "45 s", "13 min", "24 h 14 min", "6 d 19 h".
 * Under 48 hours a duration is told in hours and minutes, so a day and a quarter never reads as "1 d".
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Formats a duration in milliseconds with at most two units, rounded down: seconds under a minute,
 * minutes under an hour, hours and minutes under 48 hours, then days and hours. "—" for a negative or
 * missing value.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "—";
  if (ms < MINUTE) return `${Math.floor(ms / SECOND)} s`;
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)} min`;
  if (ms < 2 * DAY) {
    const hours = Math.floor(ms / HOUR);
    const minutes = Math.floor((ms % HOUR) / MINUTE);
    return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  }
  const days = Math.floor(ms / DAY);
  const hours = Math.floor((ms % DAY) / HOUR);
  return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
}

/** The ISO 8601 duration (`PT3H15M`) for `<time datetime>`, to the minute (seconds when under a minute). */
export function isoDuration(ms: number): string {
  if (ms > 0 && ms < MINUTE) return `PT${Math.floor(ms / SECOND)}S`;
  const totalMinutes = Math.max(0, Math.floor(ms / MINUTE));
  const days = Math.floor(totalMinutes / (24 * 60));
  const hours = Math.floor((totalMinutes % (24 * 60)) / 60);
  const minutes = totalMinutes % 60;
  let out = "P";
  if (days) out += `${days}D`;
  if (hours || minutes || !days) out += "T";
  if (hours) out += `${hours}H`;
  if (minutes || (!hours && !days)) out += `${minutes}M`;
  return out;
}
