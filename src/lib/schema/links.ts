/**
 * Which URLs may reach a reader. Everything else (javascript:, data:, vbscript:, file:, protocol-relative)
 * is refused in content and stripped from rendered HTML.
 */
import { z } from "zod";

const ALLOWED_SCHEMES = ["http:", "https:", "mailto:"] as const;

/** True for http, https and mailto URLs, site-relative paths (`/…`) and in-page fragments (`#…`). */
export function isSafeUrl(url: string): boolean {
  const value = url.trim();
  if (value.startsWith("#")) return true;
  if (value.startsWith("/")) return !value.startsWith("//") && !value.startsWith("/\\");
  try {
    const parsed = new URL(value);
    return (ALLOWED_SCHEMES as readonly string[]).includes(parsed.protocol);
  } catch {
    return false;
  }
}

/** True for an absolute http or https URL with a host. */
export function isWebUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === "http:" || parsed.protocol === "https:") && parsed.hostname.length > 0;
  } catch {
    return false;
  }
}

/** Each pattern with a character its matches must contain, so most plain sentences skip the regular expressions. */
const LINK_DESTINATIONS = [
  [/\]\(\s*<?([^)\s>]+)/g, "]("], // [text](url) and ![alt](url)
  [/^\s{0,3}\[[^\]]+\]:\s*<?([^\s>]+)/gm, "]:"], // [ref]: url
  [/<([a-z][a-z0-9+.-]{1,31}:[^\s<>]*)>/gi, "<"], // <scheme:…> autolinks
  [/\b(?:href|src|action|formaction|xlink:href)\s*=\s*["']?([^"'\s>]+)/gi, "="], // raw HTML attributes
] as const;

/** False when a text holds none of the characters a link destination needs, so it cannot have one. */
export function mayHaveLinks(markdown: string): boolean {
  return LINK_DESTINATIONS.some(([, hint]) => markdown.includes(hint));
}

/** Every link destination written in a piece of Markdown or MDX text. */
export function linkDestinations(markdown: string): string[] {
  const found: string[] = [];
  for (const [pattern, hint] of LINK_DESTINATIONS) {
    if (!markdown.includes(hint)) continue;
    for (const match of markdown.matchAll(pattern)) if (match[1]) found.push(match[1]);
  }
  return found;
}

/** Link destinations in a text that would be unsafe for readers. */
export function unsafeLinks(markdown: string): string[] {
  return linkDestinations(markdown).filter((url) => !isSafeUrl(url));
}

/** Explains how to fix an unsafe link. */
export function unsafeLinkMessage(url: string): string {
  return `link "${url}" is not allowed — use an http, https or mailto URL, or a site path starting with "/"`;
}

/** Inline Markdown (emphasis, code, links) for one sentence or paragraph; links must be safe. */
export const markdownText = z
  .string({ error: "expected text (Markdown is allowed: *emphasis*, `code`, [links](https://…))" })
  .trim()
  .min(1, { error: "is empty — write at least one sentence or remove the field" })
  .check((ctx) => {
    for (const url of unsafeLinks(ctx.value))
      ctx.issues.push({ code: "custom", input: ctx.value, message: unsafeLinkMessage(url) });
  });

/** What editors check a web URL against: http or https, then a host. */
export const WEB_URL_PATTERN = "^https?://[^\\s/?#]+(?:[/?#]\\S*)?$";

/** An http(s) URL, for example a ticket in the issue tracker. */
export const webUrl = z
  .string({ error: "expected a URL such as https://tracker.example.com/OPS-123" })
  .refine(isWebUrl, {
    error: (issue) => `"${String(issue.input)}" is not a valid http(s) URL — paste the full address, starting with https://`,
  })
  .meta({ format: "uri", pattern: WEB_URL_PATTERN });
