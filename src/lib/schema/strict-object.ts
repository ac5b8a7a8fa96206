/**
 * `z.strictObject` with an author-facing message for unknown keys: a misspelt key is never dropped,
 * and the message suggests the key the author most likely meant.
 */
import { z } from "zod";

/** Levenshtein distance, case-insensitive, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let previous = Array.from({ length: t.length + 1 }, (_, i) => i);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (s[i - 1] === t[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[t.length]!;
}

/** The known key closest to `key`, if it is close enough to be a plausible typo. */
export function nearestKey(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(key, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

/** The message for one unknown key. */
export function unknownKeyMessage(key: string, known: readonly string[]): string {
  const suggestion = nearestKey(key, known);
  return suggestion
    ? `unknown key "${key}" — did you mean "${suggestion}"?`
    : `unknown key "${key}" — remove it; allowed keys here are ${known.join(", ")}`;
}

/** A strict object whose unknown-key errors name each key and suggest the intended one. */
export function strictObject<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code !== "unrecognized_keys") return undefined;
      // One line per key: the validator splits them to locate each key (a message may itself contain "; ").
      return issue.keys.map((key) => unknownKeyMessage(key, known)).join("\n");
    },
  });
}
