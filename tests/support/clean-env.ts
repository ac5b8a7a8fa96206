/**
 * The environment without vitest's own variables (VITEST*, TEST, MODE, NODE_ENV=test, and import.meta.env mirrored as DEV, PROD, SSR, BASE_URL). Passed on to
 * child processes, they make Astro think it runs under a test runner: a build then treats itself as
 * development (drafts included) and the dev server skips its routes.
 */
export function cleanEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined && !/^(VITEST.*|TEST|MODE|NODE_ENV|DEV|PROD|SSR|BASE_URL)$/.test(entry[0]),
    ),
  );
}
