/**
 * Rendered pages, handed over while `astro build` renders the rest of the site.
 *
 * Astro renders static pages one after another and writes each to disk; work that needs the finished HTML
 * (the search index, each page's Content-Security-Policy) would otherwise read every page back afterwards.
 * A build-time middleware (src/integrations/rendered-pages-middleware.ts) passes each HTML page through the
 * listeners registered here as soon as it is rendered: a listener may rewrite the page (the policy) or hand
 * it on (to pagefind, which indexes in a process of its own, on another core, while rendering goes on).
 *
 * The middleware is bundled into the build's own module graph, apart from the integrations', so the two
 * meet through one well-known global slot rather than a shared module instance.
 */

/** One rendered HTML page. */
export interface RenderedPage {
  /** The requested path, with the site's base path: `/kb/postmortems/a/`. */
  pathname: string;
  /** The route that rendered it: `/postmortems/[id]`. */
  routePattern: string;
  /** The route's parameters: `{ id: "a" }`. */
  params: Readonly<Record<string, string | undefined>>;
  html: string;
}

/** Sees one rendered page; returns the page's new HTML to rewrite it, or nothing to leave it as it is. */
export type PageListener = (page: RenderedPage) => string | undefined;

const SLOT = Symbol.for("hindsight.rendered-page-listeners");

function listeners(): Map<string, PageListener> {
  const global = globalThis as Record<symbol, Map<string, PageListener> | undefined>;
  const found = global[SLOT];
  if (found) return found;
  const created = new Map<string, PageListener>();
  global[SLOT] = created;
  return created;
}

/** Starts passing every page rendered from now on to `listener`, under `name` (replacing one of that name). */
export function listenToRenderedPages(name: string, listener: PageListener): void {
  listeners().set(name, listener);
}

/** Stops passing pages to the listener called `name`. */
export function stopListening(name: string): void {
  listeners().delete(name);
}

/** Passes a rendered page through every listener, in the order they started; returns its final HTML. */
export function passRenderedPage(page: RenderedPage): string {
  let html = page.html;
  for (const listener of listeners().values()) html = listener({ ...page, html }) ?? html;
  return html;
}
