/**
 * How much heap Astro may use. Node's default old-space limit (about 4 GB on 64-bit machines) is too small
 * for a build of some 10,000 postmortems, so `hindsight build` sizes it from the machine's memory unless
 * the person running it already chose a limit in NODE_OPTIONS.
 */

/** The share of the machine's memory the build's heap may grow to; the rest is left for pagefind and the system. */
export const HEAP_SHARE = 0.75;
/** Never below Node's own default, so a small machine is not made worse. */
export const MIN_HEAP_MB = 4096;

/**
 * The young generation's semi-space, in MB. Rendering allocates many short-lived strings; with Node's
 * default (16 MB) the build spends a large share of its time in minor collections. At 64 MB a build of
 * 1,000 postmortems used about 4% less CPU (three alternating pairs) for about 130 MB more peak memory.
 */
export const SEMI_SPACE_MB = 64;

/**
 * NODE_OPTIONS for the Astro process: the caller's own options, plus a heap limit and a semi-space size
 * for whichever of the two they did not set.
 */
export function nodeOptionsWithHeap(nodeOptions: string | undefined, totalMemoryBytes: number): string {
  const own = (nodeOptions ?? "").trim();
  const added: string[] = [];
  if (!/--max-old-space-size[= ]/.test(own)) {
    const megabytes = Math.max(MIN_HEAP_MB, Math.floor((totalMemoryBytes / 1024 / 1024) * HEAP_SHARE));
    added.push(`--max-old-space-size=${megabytes}`);
  }
  if (!/--max-semi-space-size[= ]/.test(own)) added.push(`--max-semi-space-size=${SEMI_SPACE_MB}`);
  return [own, ...added].filter(Boolean).join(" ");
}
