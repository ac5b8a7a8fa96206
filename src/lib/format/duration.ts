/** Human-readable durations: "3 h 15 min", "6 d 19 h", "45 s". */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Formats a duration in milliseconds with its two largest units, rounded down to the minute. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "—";
  if (ms < MINUTE) return `${Math.round(ms / 1000)} s`;
  const days = Math.floor(ms / DAY);
  const hours = Math.floor((ms % DAY) / HOUR);
  const minutes = Math.floor((ms % HOUR) / MINUTE);
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  return `${minutes} min`;
}

/** The ISO 8601 duration (`PT3H15M`) for `<time datetime>`. */
export function isoDuration(ms: number): string {
  const totalMinutes = Math.max(0, Math.round(ms / MINUTE));
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
