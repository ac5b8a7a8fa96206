/**
 * In `astro build`: passes every rendered HTML page to the build's listeners (src/lib/build/rendered-pages.ts)
 * before Astro writes it, so they need not read the written pages back.
 */
import { defineMiddleware } from "astro:middleware";
import { passRenderedPage } from "../lib/build/rendered-pages.ts";

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  if (!(response.headers.get("content-type") ?? "").startsWith("text/html")) return response;
  const html = passRenderedPage({
    pathname: context.url.pathname,
    routePattern: context.routePattern,
    params: context.params,
    html: await response.text(),
  });
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
