/**
 * Order statistics for skewed data such as incident durations: medians and percentiles, never a bare mean.
 *
 * Definition used everywhere in Hindsight: the p-quantile of n sorted values x₁ ≤ … ≤ xₙ is the
 * linear interpolation between the closest ranks, h = (n − 1)·p + 1, q = x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋₊₁ − x⌊h⌋).
 * This is Hyndman & Fan's type 7, the default of R, NumPy, d3-array and spreadsheets' PERCENTILE.INC.
 */

/** The p-quantile (0 ≤ p ≤ 1) of values (in any order), or null when there are none. */
export function quantile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1))
    throw new RangeError(`quantile p must be between 0 and 1, got ${p} — pass 0.5 for the median, 0.9 for p90`);
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) * p;
  const lower = Math.floor(h);
  const upper = Math.min(lower + 1, sorted.length - 1);
  return sorted[lower]! + (h - lower) * (sorted[upper]! - sorted[lower]!);
}

/** The median: the 0.5-quantile (the mean of the two middle values when n is even). */
export function median(values: readonly number[]): number | null {
  return quantile(values, 0.5);
}

/** The shape of a skewed distribution in five numbers. */
export interface Distribution {
  count: number;
  min: number | null;
  median: number | null;
  /** 90th percentile, type 7 (see the module comment). */
  p90: number | null;
  max: number | null;
}

/** Count, minimum, median, p90 and maximum of the finite values. */
export function distribution(values: readonly number[]): Distribution {
  const finite = values.filter((v) => Number.isFinite(v));
  return {
    count: finite.length,
    min: finite.length === 0 ? null : Math.min(...finite),
    median: median(finite),
    p90: quantile(finite, 0.9),
    max: finite.length === 0 ? null : Math.max(...finite),
  };
}
