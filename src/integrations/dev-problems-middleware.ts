/** In `astro dev`: every page shows the content's errors (Astro's error overlay) until the file is fixed. */
import { defineMiddleware } from "astro:middleware";
import { throwIfContentErrors } from "../lib/validate/dev-problems.ts";

export const onRequest = defineMiddleware((_context, next) => {
  throwIfContentErrors();
  return next();
});
