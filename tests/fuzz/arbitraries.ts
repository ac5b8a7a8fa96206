/**
 * fast-check arbitraries that turn valid postmortems into hostile or broken ones: structure-aware edits
 * of the frontmatter and the body (elements, attributes, URLs, aliases, nesting, Unicode, truncation)
 * and byte-level edits of the whole file.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import {
  ALLOWED_ELEMENTS,
  NARROWED_ATTRIBUTES,
  REFUSED_ELEMENTS,
  URL_ATTRIBUTES,
} from "../../src/lib/markdown/body-allowlist.ts";
import { splitFrontmatter } from "../../src/lib/validate/source.ts";
import { API_ERRORS_TEXT, WEBSITE_SLOW_TEXT } from "../support/content-fixture.ts";
import { ROOT } from "../support/paths.ts";

/** The valid postmortems mutations start from: the test fixtures and the sample content. */
export const SEEDS: readonly string[] = [
  API_ERRORS_TEXT,
  WEBSITE_SLOW_TEXT,
  ...readdirSync(join(ROOT, "content/postmortems"))
    .filter((name) => name.endsWith(".mdx"))
    .sort()
    .map((name) => readFileSync(join(ROOT, "content/postmortems", name), "utf8")),
];

const seed = fc.constantFrom(...SEEDS);

const elementName = fc.oneof(
  fc.constantFrom(...ALLOWED_ELEMENTS),
  fc.constantFrom(...Object.keys(REFUSED_ELEMENTS)),
  fc.constantFrom("Callout", "Figure", "Chart", "h1", "TEXTAREA", "svg:a", "x-y", "a.b"),
);

const attributeName = fc.oneof(
  fc.constantFrom(...URL_ATTRIBUTES),
  fc.constantFrom(...NARROWED_ATTRIBUTES),
  fc.constantFrom(
    "title",
    "class",
    "className",
    "id",
    "style",
    "onclick",
    "onMouseOver",
    "type",
    "alt",
    "caption",
    "lang",
    "aria-label",
  ),
  fc.constantFrom("data-x", "xlink:href", "srcSet", "formAction", "http-equiv", "content"),
);

const attributeText = fc.oneof(
  fc.constantFrom(
    "https://example.com/",
    "/images/x.png",
    "/favicon.svg",
    "#user-content-fn-1",
    "javascript:alert(1)",
    " JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "//evil.example/",
    "&#x6A;avascript:alert(1)",
    "</textarea><meta http-equiv=refresh content=0;url=https://evil.example/>",
    "</noscript><img src=x onerror=alert(1)>",
    "note",
    "warning",
    "text-align: right",
    "position:fixed",
    "language-js",
    "user-content-x",
    "",
  ),
  fc.string({ unit: "grapheme", maxLength: 20 }),
);

/** An attribute as an author might write it: quoted, single-quoted, as an expression, bare, or spread. */
const attribute = fc
  .tuple(attributeName, attributeText, fc.constantFrom("double", "single", "literal", "expression", "bare", "spread"))
  .map(([name, value, style]) => {
    const clean = value.replace(/["'{}\n]/g, "");
    switch (style) {
      case "double":
        return `${name}="${clean}"`;
      case "single":
        return `${name}='${clean}'`;
      case "literal":
        return `${name}={"${clean}"}`;
      case "expression":
        return `${name}={window.location}`;
      case "bare":
        return name;
      default:
        return "{...props}";
    }
  });

/** A JSX element, possibly nested, possibly self-closing. */
const element: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc
    .tuple(
      elementName,
      fc.array(attribute, { maxLength: 3 }),
      fc.oneof(fc.constant(""), fc.string({ maxLength: 10 }), tie("node")),
      fc.boolean(),
    )
    .map(([name, attrs, inner, selfClosing]) => {
      const open = `<${[name, ...attrs].join(" ")}`;
      return selfClosing
        ? `${open} />`
        : `${open}>${inner.replace(/[<>{}]/g, "")}${inner.startsWith("<") ? inner : ""}</${name}>`;
    }),
})).node;

/** Markdown constructs that touch body rules. */
const markdown = fc.oneof(
  element,
  fc.constantFrom(
    "# A second title",
    "Title\n=====",
    "A note.[^missing]",
    "A note.[^n]\n\n[^n]: The note.",
    "![](/images/x.png)",
    "![alt](https://tracker.example/p.gif)",
    "![alt](./x.png)",
    "[x](javascript:alert(1))",
    "[x]: data:text/html,x",
    "<https://example.com>",
    '```js"onmouseover="alert(1)\nx\n```',
    "{/* a comment */}",
    "{1 + 1}",
    "import X from './x.js'",
    "export const a = 1",
    "<>fragment</>",
    "| a | b |\n|:-|-:|\n| 1 | 2 |",
    "- [x] done",
    "~~struck~~ and **strong** and `code`",
    "\\{ escaped \\}",
    "&lt;textarea&gt;",
  ),
);

function insertAtLine(text: string, fraction: number, insert: string): string {
  const lines = text.split("\n");
  const at = Math.floor(fraction * (lines.length + 1));
  lines.splice(at, 0, "", insert, "");
  return lines.join("\n");
}

/** A valid postmortem with hostile or careless Markdown and JSX inserted into its body. */
export const mutatedBody = fc
  .tuple(seed, fc.array(fc.tuple(markdown, fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 4 }))
  .map(([text, inserts]) => {
    const split = splitFrontmatter(text);
    if (!split.ok) return text;
    const head = text.slice(0, text.length - split.source.body.length);
    let body = split.source.body;
    for (const [insert, at] of inserts) body = insertAtLine(body, at, insert);
    return head + body;
  });

/** YAML that is hostile to parsers: aliases, nesting, tabs, odd Unicode, duplicate keys. */
const yamlEdit = fc.oneof(
  fc.integer({ min: 1, max: 9 }).map((depth) => {
    const names = "abcdefghi".slice(0, depth).split("");
    return names
      .map(
        (n, i) =>
          `lol${i}: &${n} [${
            i === 0
              ? '"lol","lol","lol"'
              : Array(9)
                  .fill(`*${names[i - 1]}`)
                  .join(",")
          }]`,
      )
      .join("\n");
  }),
  fc.constantFrom("tags: &t [deploy, *t]", "x: *nowhere", "title: &t x\nsummary: *t", "<<: {a: 1}"),
  fc.integer({ min: 1, max: 3000 }).map((depth) => `deep: ${"[".repeat(depth)}${"]".repeat(depth)}`),
  fc.integer({ min: 1, max: 3000 }).map((depth) => `deep: ${"{a: ".repeat(depth)}1${"}".repeat(depth)}`),
  fc.constantFrom(
    "\ttitle: tab",
    "title: x\ntitle: y",
    "summary: \u202Eevil\u202C",
    "'unclosed: x",
    "key: !!binary aGk=",
    "key: !!js/function f()",
  ),
  fc.string({ unit: "grapheme", maxLength: 30 }).map((s) => `title: ${s}`),
);

/** A valid postmortem with hostile YAML inserted into its frontmatter. */
export const mutatedFrontmatter = fc
  .tuple(seed, yamlEdit, fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([text, edit, fraction]) => {
    const split = splitFrontmatter(text);
    if (!split.ok) return text;
    const lines = split.source.yaml.split("\n");
    // Insert between top-level keys, so that the edit is a sibling rather than a break in a block.
    const tops = lines.map((l, i) => (/^[A-Za-z]/.test(l) ? i : -1)).filter((i) => i >= 0);
    const at = tops[Math.floor(fraction * tops.length)] ?? 0;
    lines.splice(at, 0, edit);
    return `---\n${lines.join("\n")}\n---\n${split.source.body}`;
  });

/** A valid postmortem cut short anywhere. */
export const truncated = fc
  .tuple(seed, fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([text, f]) => text.slice(0, Math.floor(f * text.length)));

/** A valid postmortem's bytes with bytes flipped, inserted or removed. */
export const mutatedBytes = fc
  .tuple(
    seed,
    fc.array(
      fc.tuple(
        fc.constantFrom("flip", "insert", "delete"),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 255 }),
      ),
      {
        minLength: 1,
        maxLength: 8,
      },
    ),
  )
  .map(([text, edits]) => {
    const bytes = [...Buffer.from(text)];
    for (const [kind, at, value] of edits) {
      const i = Math.min(Math.floor(at * bytes.length), Math.max(bytes.length - 1, 0));
      if (kind === "flip") bytes[i] = value;
      else if (kind === "insert") bytes.splice(i, 0, value);
      else bytes.splice(i, 1);
    }
    return Buffer.from(bytes);
  });

/** Any of the text mutations. */
export const mutatedText = fc.oneof(mutatedBody, mutatedFrontmatter, truncated);
