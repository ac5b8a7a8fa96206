/**
 * What HTML a postmortem body may produce: an allowlist, not a blocklist. It starts from GitHub's
 * sanitising schema (hast-util-sanitize's `defaultSchema`, the reference for what Markdown with GFM may
 * render) and narrows it: fewer attributes, no form, image-map or microdata attributes, no level-one
 * heading, and every URL through the site's one URL rule (src/lib/schema/links.ts). The same function
 * judges an element whether the author wrote it as JSX (`<a href="…">`) or the Markdown processor made it
 * from Markdown syntax, so `hindsight validate` (src/lib/validate/mdx-body.ts) and the build
 * (src/lib/markdown/body-plugins.ts) cannot disagree. docs/security.md lists the result (a test checks it).
 */
import { existsSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { defaultSchema } from "hast-util-sanitize";
import { find, html } from "property-information";
import { componentPropProblems, isAuthoringComponent, AUTHORING_COMPONENTS } from "../schema/components.ts";
import { isSafeUrl, unsafeLinkMessage } from "../schema/links.ts";

/** Elements GitHub's schema allows that a postmortem body may not use, and what to write instead. */
export const NARROWED_ELEMENTS = {
  h1: "a level-one heading is the page's title, which the page already shows — start sections at ## (h2)",
  picture: '<picture> is not allowed — use <Figure src="/images/…" alt="…" caption="…" /> or ![alt](/images/…)',
  source: '<source> is not allowed — use <Figure src="/images/…" alt="…" caption="…" /> or ![alt](/images/…)',
} as const;

/**
 * Elements that must never appear, with a reason written for the author. Raw-text and escapable raw-text
 * elements (textarea, title, style, script, xmp, noscript, plaintext, …) are the dangerous ones: a browser
 * reads their content as text up to the closing tag, so an attribute that contains that closing tag breaks
 * out of them ("mutation XSS"). None of these is in the allowlist; the messages only explain why.
 */
export const REFUSED_ELEMENTS: Readonly<Record<string, string>> = {
  script: "scripts are not allowed in postmortems — remove the <script> element",
  noscript: "<noscript> is not allowed — postmortems run no scripts, so write the text without it",
  style: "style elements are not allowed — the site's styles apply to every postmortem",
  textarea: "<textarea> is not allowed — to show text as written, put it in a fenced code block (```)",
  title: "<title> is not allowed — the title is the frontmatter's title field",
  xmp: "<xmp> is not allowed — to show text as written, put it in a fenced code block (```)",
  plaintext: "<plaintext> is not allowed — to show text as written, put it in a fenced code block (```)",
  listing: "<listing> is not allowed — to show text as written, put it in a fenced code block (```)",
  noembed: "<noembed> is not allowed — remove it",
  noframes: "<noframes> is not allowed — remove it",
  template: "<template> is not allowed — remove it",
  iframe: "embedded pages are not allowed in postmortems — remove the <iframe> and link to the page instead",
  frame: "frames are not allowed — link to the page instead",
  frameset: "frames are not allowed — link to the page instead",
  object: "embedded objects are not allowed — link to the file instead",
  embed: "embedded content is not allowed — link to the file instead",
  applet: "embedded content is not allowed — link to the file instead",
  portal: "embedded pages are not allowed — link to the page instead",
  svg: 'inline SVG is not allowed — save the drawing in public/images/ and show it with <Figure src="/images/….svg" alt="…" caption="…" />',
  math: "MathML is not allowed — write the formula in `code` or as an image",
  link: "<link> elements are not allowed — write a Markdown link [text](https://…) instead",
  meta: "<meta> elements are not allowed — remove it",
  base: "<base> elements are not allowed — remove it",
  form: "forms are not allowed — link to the form instead",
  button: "buttons are not allowed — link to the page instead",
  select: "form controls are not allowed — remove it",
  option: "form controls are not allowed — remove it",
  video: "video is not allowed — link to the recording instead",
  audio: "audio is not allowed — link to the recording instead",
  canvas: "<canvas> is not allowed — save the drawing as an image and use <Figure>",
  dialog: "<dialog> is not allowed — use a <Callout>",
};

/** Element names the body may use (lower case), derived from GitHub's schema. */
export const ALLOWED_ELEMENTS: readonly string[] = (defaultSchema.tagNames ?? []).filter(
  (name) => !Object.hasOwn(NARROWED_ELEMENTS, name),
);

/**
 * Attributes of GitHub's schema that a body may not use: form and image-map attributes, microdata,
 * presentational leftovers, `name` (it can shadow the page's own objects in scripts) and `longdesc`
 * (another URL for nothing).
 */
export const NARROWED_ATTRIBUTES = [
  "accept",
  "accept-charset",
  "accesskey",
  "action",
  "axis",
  "border",
  "cellpadding",
  "cellspacing",
  "char",
  "charoff",
  "charset",
  "clear",
  "color",
  "cols",
  "compact",
  "coords",
  "enctype",
  "frame",
  "hspace",
  "ismap",
  "itemprop",
  "itemscope",
  "itemtype",
  "label",
  "longdesc",
  "maxlength",
  "method",
  "multiple",
  "name",
  "nohref",
  "noshade",
  "nowrap",
  "prompt",
  "readonly",
  "rev",
  "rows",
  "rules",
  "selected",
  "shape",
  "size",
  "tabindex",
  "usemap",
  "valign",
] as const;

/** Every attribute that holds a URL in HTML or SVG: each one the allowlist admits is checked by the URL rule. */
export const URL_ATTRIBUTES = [
  "href",
  "src",
  "srcset",
  "poster",
  "cite",
  "action",
  "formaction",
  "xlink:href",
  "background",
  "longdesc",
  "data",
  "codebase",
  "ping",
  "manifest",
  "icon",
  "usemap",
  "itemtype",
  "lowsrc",
  "dynsrc",
  "values",
  "from",
  "to",
  "by",
] as const;

/**
 * Attributes GitHub's schema allows on every element that mean something only on a few: they are kept
 * there and dropped elsewhere, so the allowlist says what each element really takes.
 */
export const ATTRIBUTE_ELEMENTS: Readonly<Record<string, readonly string[]>> = {
  abbr: ["th"],
  align: [],
  alt: ["img"],
  checked: ["input"],
  colspan: ["td", "th"],
  datetime: ["del", "ins"],
  for: [],
  headers: ["td", "th"],
  height: ["img"],
  hreflang: ["a"],
  media: [],
  open: ["details"],
  rowspan: ["td", "th"],
  scope: ["th"],
  span: [],
  start: ["ol"],
  summary: [],
  value: ["li", "input"],
  width: ["img"],
};

/** The classes that align a table column (global.css), written by the build for GFM alignment. */
export const ALIGNMENT_CLASSES = ["align-left", "align-right", "align-center"] as const;

/** A rule for an attribute's value: any literal text, or one of these values (or tokens, for class). */
type ValueRule = "any" | readonly (string | RegExp | boolean)[];

/** Values GitHub's schema leaves open that the body narrows, and attributes the Markdown processor writes. */
const VALUE_RULES: Record<string, Record<string, ValueRule>> = {
  "*": {
    // GitHub prefixes ids with user-content- so that they cannot shadow the page's own; footnotes use those ids.
    id: [/^user-content-[\w-]+$/, "footnote-label"],
    "aria-describedby": [/^user-content-[\w-]+$/, "footnote-label"],
    "aria-labelledby": [/^user-content-[\w-]+$/, "footnote-label"],
  },
  // Task-list checkboxes get an accessible name from the build.
  input: { "aria-label": ["Completed"] },
  // External links get rel="noopener noreferrer" from the build.
  a: { rel: ["noopener", "noreferrer"] },
  // Syntax highlighting (Prism) marks code with classes and names its language.
  pre: { class: [/^language-[\w+#.-]+$/], "data-language": [/^[\w+#.-]*$/] },
  code: { class: [/^language-[\w+#.-]+$/] },
  span: { class: ["token", /^[a-z][\w-]*$/] },
  // GFM table alignment, as the Markdown processor writes it, and the class the build writes in its place
  // (tableAlignmentPlugin in body-plugins.ts: the Content-Security-Policy blocks inline styles).
  th: { style: [/^text-align:\s*(?:left|right|center);?$/], class: [...ALIGNMENT_CLASSES] },
  td: { style: [/^text-align:\s*(?:left|right|center);?$/], class: [...ALIGNMENT_CLASSES] },
};

/** The HTML name of an attribute written as HTML (`class`), JSX (`className`) or a hast property. */
export function htmlName(name: string): string {
  return find(html, name).attribute.toLowerCase();
}

/** The attributes each allowed element may carry, by HTML name, with the rule for their values. */
const ATTRIBUTES: ReadonlyMap<string, ReadonlyMap<string, ValueRule>> = (() => {
  const narrowed = new Set<string>(NARROWED_ATTRIBUTES);
  const schema = defaultSchema.attributes ?? {};
  const rules = new Map<string, Map<string, ValueRule>>();
  for (const element of ALLOWED_ELEMENTS) {
    const own = new Map<string, ValueRule>();
    for (const entry of [...(schema["*"] ?? []), ...(schema[element] ?? [])]) {
      const [property, ...values] = typeof entry === "string" ? [entry] : entry;
      const name = htmlName(property);
      if (narrowed.has(name)) continue;
      const only = ATTRIBUTE_ELEMENTS[name];
      if (only !== undefined && !only.includes(element)) continue;
      const previous = own.get(name);
      if (values.length === 0 || previous === "any") own.set(name, "any");
      else own.set(name, [...(previous ?? []), ...(values as (string | RegExp | boolean)[])]);
    }
    for (const scope of ["*", element])
      for (const [name, rule] of Object.entries(VALUE_RULES[scope] ?? {}))
        if (own.has(name) || scope === element) own.set(name, rule);
    rules.set(element, own);
  }
  return rules;
})();

/** The attributes every allowed element may carry. */
export function globalAttributes(): string[] {
  return ALLOWED_ELEMENTS.map(allowedAttributes).reduce((common, names) => common.filter((n) => names.includes(n)));
}

/** The attributes (HTML names) an allowed element may carry, for docs and tests. */
export function allowedAttributes(element: string): string[] {
  return [...(ATTRIBUTES.get(element)?.keys() ?? [])].sort();
}

/** An attribute as written: literal text, `true` for a bare attribute, or a JavaScript expression or spread. */
export type BodyAttributeValue = string | true | { expression: string } | { spread: string };

export interface BodyAttribute {
  name: string;
  value: BodyAttributeValue;
}

/** An element of a body: written by the author as JSX, or made by the Markdown processor. */
export interface BodyElement {
  /** The name as written; null for a fragment (`<>…</>`). */
  name: string | null;
  attributes: readonly BodyAttribute[];
}

export interface ElementProblem {
  /** The index of the attribute at fault, when one is. */
  attribute?: number;
  message: string;
}

export interface AllowlistContext {
  /** Whether a site path (`/images/x.png`) names a file in the site's public folder; unchecked when absent. */
  imageExists?: (sitePath: string) => boolean;
}

const COMPONENT_LIST = AUTHORING_COMPONENTS.map((c) => `<${c}>`).join(" and ");

/** Every problem with one element and its attributes. */
export function elementProblems(element: BodyElement, context: AllowlistContext = {}): ElementProblem[] {
  const { name } = element;
  if (name === null) return [{ message: "fragments (<>…</>) are not allowed — remove the empty tags" }];
  if (isAuthoringComponent(name)) return componentProblems(name, element, context);
  const lower = name.toLowerCase();
  const refused = REFUSED_ELEMENTS[lower] ?? (NARROWED_ELEMENTS as Record<string, string>)[lower];
  if (refused !== undefined) return [{ message: refused }];
  if (name !== lower || !ATTRIBUTES.has(lower))
    return [
      {
        message: /^[A-Z]|[.:]/.test(name)
          ? `component <${name}> is not available — use ${COMPONENT_LIST}, or plain Markdown`
          : `<${name}> is not an element postmortems may use — write Markdown, ${COMPONENT_LIST}; docs/authoring.md lists the HTML elements allowed`,
      },
    ];
  const problems: ElementProblem[] = [];
  const allowed = ATTRIBUTES.get(lower)!;
  element.attributes.forEach((attribute, index) => {
    const message = attributeProblem(lower, attribute, allowed, context);
    if (message !== undefined) problems.push({ attribute: index, message });
  });
  const hasAlt = element.attributes.some((a) => {
    const value = literalOrAsWritten(a.value);
    return htmlName(a.name) === "alt" && typeof value === "string" && value.trim() !== "";
  });
  if (lower === "img" && !hasAlt)
    problems.push({
      message:
        'the image has no alt text — write what it shows for readers who cannot see it: ![what it shows](/images/…) or alt="…"',
    });
  return problems;
}

function attributeProblem(
  element: string,
  attribute: BodyAttribute,
  allowed: ReadonlyMap<string, ValueRule>,
  context: AllowlistContext,
): string | undefined {
  const value = literalOrAsWritten(attribute.value);
  if (typeof value === "object" && "spread" in value)
    return 'spread attributes ({...x}) are not allowed — write each attribute as name="value"';
  const name = htmlName(attribute.name);
  if (typeof value === "object")
    return `attribute "${attribute.name}" uses a JavaScript expression — write a plain value in quotes, ${attribute.name}="…"`;
  if (/^on/.test(name))
    return `event handler attribute "${attribute.name}" is not allowed — postmortems run no scripts; remove it`;
  const rule = allowed.get(name);
  if (rule === undefined) {
    if (name === "style")
      return 'inline styles (style="…") are not allowed — the site\'s styles apply to every postmortem; use Markdown emphasis or a <Callout>';
    if ((URL_ATTRIBUTES as readonly string[]).includes(name) && typeof value === "string" && !isSafeUrl(value))
      return `${unsafeLinkMessage(value)}; and "${attribute.name}" is not allowed on <${element}> — remove it`;
    const names = [...allowed.keys()].sort();
    return `attribute "${attribute.name}" is not allowed on <${element}> — remove it${names.length > 0 ? ` (allowed: ${names.join(", ")})` : ""}`;
  }
  if (rule !== "any" && !valueAllowed(name, value, rule))
    return `${attribute.name}=${value === true ? "(no value)" : JSON.stringify(value)} is not allowed on <${element}> — remove the attribute`;
  if (typeof value === "string" && (URL_ATTRIBUTES as readonly string[]).includes(name)) {
    if (/&(?:#\d+|#x[\da-f]+|[a-z][\da-z]*);/i.test(value))
      return `link "${value}" contains an HTML character reference (&…;) — write the URL's characters as they are`;
    if (element === "img" && name === "src") return imageSourceProblem(value, context);
    if (!isSafeUrl(value)) return unsafeLinkMessage(value);
  }
  return undefined;
}

function literalOrAsWritten(value: BodyAttributeValue): BodyAttributeValue {
  if (typeof value !== "object" || !("expression" in value)) return value;
  return literalText(value.expression) ?? value;
}

function valueAllowed(name: string, value: string | true, rule: readonly (string | RegExp | boolean)[]): boolean {
  const matches = (v: string | boolean) => rule.some((r) => (r instanceof RegExp ? typeof v === "string" && r.test(v) : r === v));
  if (value === true) return matches(true);
  if (name === "class" || name === "rel") return value.split(/\s+/).filter(Boolean).every(matches);
  return matches(value) || (rule.includes(true) && value === "");
}

/**
 * The rule for an image's source: a path on this site (`/images/x.png`) to a file that exists. External
 * images would tell another site who reads the postmortem (and the security policy blocks them); a
 * relative path would resolve differently on every page.
 */
export function imageSourceProblem(src: string, context: AllowlistContext = {}): string | undefined {
  const value = src.trim();
  if (/^[a-z][a-z\d+.-]*:/i.test(value) || value.startsWith("//")) {
    if (!isSafeUrl(value)) return unsafeLinkMessage(value);
    return `external image "${value}" is not allowed — it would tell another site who reads the postmortem, and the site's security policy blocks it; save the image in public/images/ and write "/images/${fileName(value)}"`;
  }
  if (!value.startsWith("/")) {
    return `image path "${value}" is relative — save the image in public/images/ and write the path from the site's root, "/images/${fileName(value)}"`;
  }
  if (!isSafeUrl(value)) return unsafeLinkMessage(value);
  const path = value.split(/[?#]/)[0]!;
  if (context.imageExists && !context.imageExists(path))
    return `image "${path}" does not exist — add the file public${decodeSafely(path)}, or correct the path`;
  return undefined;
}

function fileName(url: string): string {
  const last = url.split(/[?#]/)[0]!.split("/").filter(Boolean).at(-1) ?? "image.png";
  return /\.[a-z0-9]+$/i.test(last) ? last : "image.png";
}

function decodeSafely(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function componentProblems(
  name: Parameters<typeof componentPropProblems>[0],
  element: BodyElement,
  context: AllowlistContext,
): ElementProblem[] {
  const problems: ElementProblem[] = [];
  const props: Record<string, string | true> = {};
  element.attributes.forEach((attribute, index) => {
    const value = literalOrAsWritten(attribute.value);
    if (typeof value === "object") {
      problems.push({
        attribute: index,
        message:
          "spread" in value
            ? 'spread attributes ({...x}) are not allowed — write each attribute as name="value"'
            : `attribute "${attribute.name}" uses a JavaScript expression — write a plain value in quotes, ${attribute.name}="…"`,
      });
      return;
    }
    props[attribute.name] = value;
  });
  const at = (prop: string | undefined) => {
    const index = element.attributes.findIndex((a) => a.name === prop);
    return index === -1 ? {} : { attribute: index };
  };
  for (const problem of componentPropProblems(name, props)) problems.push({ ...at(problem.prop), message: problem.message });
  if (name === "Figure" && typeof props["src"] === "string") {
    const message = imageSourceProblem(props["src"], context);
    if (message !== undefined) problems.push({ ...at("src"), message });
  }
  return problems;
}

/**
 * The text of an attribute expression that is provably a plain string (`{"…"}` or `{'…'}` without
 * escapes), which is then judged like the same text in quotes; undefined for anything else.
 */
export function literalText(expression: string): string | undefined {
  const match = /^\s*(?:"([^"\\\n\r\u2028\u2029]*)"|'([^'\\\n\r\u2028\u2029]*)')\s*$/.exec(expression);
  return match ? (match[1] ?? match[2]) : undefined;
}

/** True for an MDX expression that holds nothing but comments (`{/* … *\/}`), the one kind a body may use. */
export function isCommentOnly(expression: string): boolean {
  let rest = expression;
  for (;;) {
    const trimmed = rest.trimStart();
    if (trimmed === "") return true;
    if (!trimmed.startsWith("/*")) return false;
    const end = trimmed.indexOf("*/", 2);
    if (end === -1) return false;
    rest = trimmed.slice(end + 2);
  }
}

/** Whether a site path names a regular file in `publicDir`, without leaving it. */
export function publicFileExists(publicDir: string): (sitePath: string) => boolean {
  return (sitePath) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(sitePath);
    } catch {
      return false;
    }
    const file = join(publicDir, decoded);
    const rel = relative(publicDir, file);
    if (rel.startsWith(`..${sep}`) || rel === ".." || rel === "") return false;
    return existsSync(file) && statSync(file).isFile();
  };
}
