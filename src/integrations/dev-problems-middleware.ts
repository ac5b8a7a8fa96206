/**
 * In `astro dev`: every page shows the content's errors (Astro's error overlay) until the file is fixed. A page
 * asked for while the content is being checked waits for the result.
 */
import { defineMiddleware } from "astro:middleware";
import { devProblemsSettled, throwIfContentErrors } from "../lib/validate/dev-problems.ts";

export const onRequest = defineMiddleware(async (_context, next) => {
  await devProblemsSettled();
  throwIfContentErrors();
  return next();
});
