// Types of strip-own-types.mjs (plain JavaScript: it runs before Node can load TypeScript), for its tests.

/** Registers the hook for the TypeScript files under `own` (the URL of Hindsight's folder, ending in "/"). */
export function stripOwnTypes(own: string): void;

/** `node_modules/.cache/hindsight/typescript/` of the project whose dependencies hold Hindsight (or of Hindsight itself). */
export function cacheFolder(own: string): string;

/** Stripped files, one entry per source file, each kept for the exact text it was stripped from. */
export class StrippedCache {
  constructor(folder: string);
  /** The code of `source` (the text of the file at `url`) without its types. */
  strip(url: string, source: string): string;
}
