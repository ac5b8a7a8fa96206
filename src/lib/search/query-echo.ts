/**
 * Showing the search words back without JavaScript (ADR 0007). A static page cannot read its own query
 * string, but nginx can: the generated configuration (src/lib/deploy/nginx.ts) turns on server-side
 * includes for the search page only, and the page carries the SSI commands below. On nginx the reader
 * sees "You searched for “…”." with the words decoded, HTML-escaped and cut to `QUERY_ECHO_MAX`
 * characters; on any other host the commands are HTML comments, so nothing shows and the page still
 * says that search needs JavaScript and offers the browse pages.
 *
 * How nginx turns the raw `q` argument into safe text: the configuration copies `$arg_q` into
 * `QUERY_VARIABLE`, empties it when it would make an unsafe path (a "." or ".." segment or a NUL: nginx
 * would refuse the subrequest below), and replaces `+` (a space in form encoding) with `%20`. The page
 * then includes the internal location `QUERY_ECHO_LOCATION` + the words: nginx percent-decodes the
 * subrequest's path, and that location answers with the decoded words (valid UTF-8, at most
 * `QUERY_ECHO_MAX` characters) as plain text, which SSI stores in a variable and echoes with
 * `encoding="entity"`, so `<`, `>`, `&` and quotes arrive escaped. The page's own markup around the words
 * is written by `echo encoding="none"` of fixed strings, so a host without SSI shows none of it.
 */

/** The nginx variable holding the search words on their way to the echo (form-encoded, made safe). */
export const QUERY_VARIABLE = "hindsight_search_words";
/** The SSI variable the decoded words are stored in. */
const DECODED_VARIABLE = "hindsight_search_query";
/** The internal location (under the site's base) that answers with its decoded path: the search words. */
export const QUERY_ECHO_LOCATION = "_search-query/";
/** At most this many characters of the words are shown back. */
export const QUERY_ECHO_MAX = 100;
/** nginx has no global replace: `+` becomes a space four at a time this often, then one at a time as often. */
const FOUR_AT_A_TIME = 5;
const ONE_AT_A_TIME = 3;
/** How many spaces (`+` in form encoding) are always restored; beyond this many, some may stay `+`. */
export const QUERY_ECHO_MAX_SPACES = 4 * FOUR_AT_A_TIME + ONE_AT_A_TIME;

/** A fixed string for SSI's `set value="…"`: backslash and double quote escaped. */
const ssiValue = (value: string) => value.replace(/["\\]/g, "\\$&");

/**
 * The SSI commands of the search page, for a site served under `base` ("/" or "/kb/"). Only HTML
 * comments: without SSI they show nothing.
 */
export function queryEchoMarkup(base: string): string {
  const open = '<p class="query-echo" data-search-query-echo>You searched for <q>';
  const close = "</q>.</p>";
  return [
    '<!--# config errmsg="" -->',
    `<!--# if expr="$${QUERY_VARIABLE}" -->`,
    `<!--# include virtual="${base}${QUERY_ECHO_LOCATION}$${QUERY_VARIABLE}" set="${DECODED_VARIABLE}" -->`,
    "<!--# endif -->",
    `<!--# if expr="$${DECODED_VARIABLE}" -->`,
    `<!--# set var="hindsight_echo_open" value="${ssiValue(open)}" -->`,
    '<!--# echo var="hindsight_echo_open" encoding="none" -->',
    `<!--# echo var="${DECODED_VARIABLE}" encoding="entity" -->`,
    `<!--# set var="hindsight_echo_close" value="${ssiValue(close)}" -->`,
    '<!--# echo var="hindsight_echo_close" encoding="none" -->',
    "<!--# endif -->",
  ].join("");
}

/** The nginx directives for the search page's location and the internal echo location, indented by `indent`. */
export function queryEchoLocations(base: string, indent: string): string[] {
  const i2 = indent + indent;
  return [
    `${indent}# The search page shows the search words back without JavaScript (ADR 0007): server-side includes here only.`,
    `${indent}location = ${base}search/index.html {`,
    `${i2}ssi on;`,
    `${i2}set $${QUERY_VARIABLE} $arg_q;`,
    `${i2}# Words that would make an unsafe path (a "." or ".." segment, a NUL) are not shown back: nginx would refuse the include.`,
    `${i2}if ($${QUERY_VARIABLE} ~ "(^|/|%2[Ff])(\\.|%2[Ee])(\\.|%2[Ee])?($|/|%2[Ff])|%00") {`,
    `${i2}${indent}set $${QUERY_VARIABLE} "";`,
    `${i2}}`,
    `${i2}# A "+" in a form-encoded query is a space (a typed "+" arrives as %2B and stays one).`,
    ...Array.from(
      { length: FOUR_AT_A_TIME },
      () =>
        `${i2}if ($${QUERY_VARIABLE} ~ "^([^+]*)\\+([^+]*)\\+([^+]*)\\+([^+]*)\\+(.*)$") { set $${QUERY_VARIABLE} "$1%20$2%20$3%20$4%20$5"; }`,
    ),
    ...Array.from(
      { length: ONE_AT_A_TIME },
      () => `${i2}if ($${QUERY_VARIABLE} ~ "^([^+]*)\\+(.*)$") { set $${QUERY_VARIABLE} "$1%20$2"; }`,
    ),
    `${indent}}`,
    "",
    `${indent}# Answers the search page's include with its decoded path, the search words: valid UTF-8, at most ${QUERY_ECHO_MAX} characters.`,
    `${indent}location ${base}${QUERY_ECHO_LOCATION} {`,
    `${i2}internal;`,
    `${i2}default_type text/plain;`,
    `${i2}if ($uri ~ "(*UTF)^${base}${QUERY_ECHO_LOCATION}(?<hindsight_words>.{0,${QUERY_ECHO_MAX}})") {`,
    `${i2}${indent}return 200 $hindsight_words;`,
    `${i2}}`,
    `${i2}return 200 "";`,
    `${indent}}`,
  ];
}
