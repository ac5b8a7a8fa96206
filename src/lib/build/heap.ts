/**
 * How much heap Astro may use. Node's default old-space limit (about 4 GB on 64-bit machines) is too small
 * for a build of some 10,000 postmortems, so `hindsight build` sizes it from the machine's memory unless
 * the person running it already chose a limit in NODE_OPTIONS.
 */

/** The share of the machine's memory the build's heap may grow to; the rest is left for pagefind and the system. */
export const HEAP_SHARE = 0.75;
/** Never below Node's own default, so a small machine is not made worse. */
export const MIN_HEAP_MB = 4096;

/** NODE_OPTIONS for the Astro process: the caller's own options, plus a heap limit when they set none. */
export function nodeOptionsWithHeap(nodeOptions: string | undefined, totalMemoryBytes: number): string {
  const own = (nodeOptions ?? "").trim();
  if (/--max-old-space-size[= ]/.test(own)) return own;
  const megabytes = Math.max(MIN_HEAP_MB, Math.floor((totalMemoryBytes / 1024 / 1024) * HEAP_SHARE));
  return `${own} --max-old-space-size=${megabytes}`.trim();
}
