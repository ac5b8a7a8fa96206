import { describe, expect, test } from "vitest";
import { allowlistPlugin, treeProblems } from "../../src/lib/markdown/body-plugins.ts";
import {
  allowedAttributes,
  ALLOWED_ELEMENTS,
  elementProblems,
  isCommentOnly,
  literalText,
  REFUSED_ELEMENTS,
} from "../../src/lib/markdown/body-allowlist.ts";
import { checkBody } from "../../src/lib/validate/mdx-body.ts";
import { defaultSchema } from "hast-util-sanitize";
import { join } from "node:path";
import { compileLikeTheBuild } from "../support/mdx-build.ts";
import { ROOT } from "../support/paths.ts";

/** The payloads of the attack report, each with the message the author gets. */
const PAYLOADS = [
  {
    name: "textarea mutation XSS with a meta refresh",
    body: `<textarea><p title="</textarea><meta http-equiv=refresh content='0;url=https://evil.example/'>">x</p></textarea>`,
    message: "<textarea> is not allowed",
  },
  {
    name: "noscript mutation XSS with a meta refresh",
    body: `<noscript><p title="</noscript><meta http-equiv=refresh content='0;url=https://evil.example/'>">x</p></noscript>`,
    message: "<noscript> is not allowed",
  },
  {
    name: "a javascript: href in a literal expression",
    body: `<a href={"javascript:alert(1)"}>x</a>`,
    message: 'link "javascript:alert(1)" is not allowed',
  },
  { name: "a data: href", body: `<a href="data:text/html,<script>alert(1)</script>">x</a>`, message: 'link "data:text/html' },
  {
    name: "a Figure src in an expression",
    body: `<Figure src={window.x} alt="a" caption="b" />`,
    message: 'attribute "src" uses a JavaScript expression',
  },
  {
    name: "a Figure src in a literal expression",
    body: `<Figure src={"javascript:alert(1)"} alt="a" caption="b" />`,
    message: 'link "javascript:alert(1)" is not allowed',
  },
  {
    name: "an inline style",
    body: `<span style="position:fixed;inset:0">x</span>`,
    message: 'inline styles (style="…") are not allowed',
  },
  {
    name: "an external image",
    body: `![pixel](https://tracker.example/p.gif)`,
    message: 'external image "https://tracker.example/p.gif" is not allowed',
  },
  {
    name: "an svg with an animated href",
    body: `<svg><a><animate attributeName="href" values="javascript:alert(1)" /></a></svg>`,
    message: "inline SVG is not allowed",
  },
  { name: "an iframe", body: `<iframe src="https://evil.example/" />`, message: "embedded pages are not allowed" },
  {
    name: "a form with formaction",
    body: `<button formaction="javascript:alert(1)">x</button>`,
    message: "buttons are not allowed",
  },
  {
    name: "a srcset on an img",
    body: `<img srcSet="https://evil.example/x.png 2x" alt="x" src="/favicon.svg" />`,
    message: 'attribute "srcSet" is not allowed on <img>',
  },
  {
    name: "an event handler",
    body: `<b onMouseOver="alert(1)">x</b>`,
    message: 'event handler attribute "onMouseOver" is not allowed',
  },
  { name: "a character reference that hides javascript:", body: `<a href="&#x2F;&#x2F;evil.example">x</a>`, message: "" },
  {
    name: "a code fence language that breaks out of its attribute",
    body: '```js"onmouseover="alert(1)\nx\n```',
    message: 'code block language "js"onmouseover="alert(1)"',
  },
  {
    name: "an unknown lower-case element",
    body: `<marquee>x</marquee>`,
    message: "<marquee> is not an element postmortems may use",
  },
  { name: "a level-one heading", body: `# Another title`, message: "a level-one heading is the page's title" },
] as const;

describe("the body allowlist", () => {
  test.each(PAYLOADS)("refuses $name in hindsight validate, at its line", ({ body, message }) => {
    const problems = checkBody(`Intro.\n\n${body}\n`, 5);
    expect(problems.length, JSON.stringify(problems)).toBeGreaterThan(0);
    expect(problems[0]!.line).toBe(8);
    expect(problems.map((p) => p.message).join("\n")).toContain(message);
    for (const p of problems) expect(p.message).toContain(" — ");
  });

  test.each(PAYLOADS.filter((p) => !p.body.startsWith("```")))(
    "refuses $name in the build's MDX compiler, even without validation",
    async ({ body }) => {
      await expect(compileLikeTheBuild(`Intro.\n\n${body}\n`)).rejects.toThrow(
        /content\/postmortems\/2024-01-01-x\.mdx:3:\d+ {2}body {2}/,
      );
    },
  );

  test("the build refuses a code fence whose language breaks out of its attribute", async () => {
    await expect(compileLikeTheBuild('```js"onmouseover="alert(1)\nx\n```\n')).rejects.toThrow(
      /2024-01-01-x\.mdx:1:1 {2}body {2}event handler attribute "onmouseover" is not allowed/,
    );
  });

  test("ordinary Markdown, GFM and the components compile, and external links get rel", async () => {
    const code = await compileLikeTheBuild(
      [
        "## Section",
        "",
        "Text with *emphasis*, `code`, ~~struck~~, a footnote[^1] and [a link](https://example.com).",
        "",
        "| a | b |",
        "|:--|--:|",
        "| 1 | 2 |",
        "",
        "- [x] done",
        "",
        "```sql",
        "select 1;",
        "```",
        "",
        '<Callout type="warning" title="Careful">Text.</Callout>',
        "",
        '<Figure src="/favicon.svg" alt="The logo" caption="The logo." />',
        "",
        '<a href="https://example.com/x">JSX link</a> <kbd>Ctrl</kbd> H<sub>2</sub>O <q cite="https://example.com/q">quoted</q>',
        "",
        "[^1]: The note.",
      ].join("\n"),
    );
    expect(code).toMatch(/href: "https:\/\/example\.com\/x",\s+rel: "noopener noreferrer"/);
  });

  test("a table cell aligned in JSX gets the alignment class, not the inline style the policy would block", async () => {
    const code = await compileLikeTheBuild('<table><tbody><tr><td style="text-align: right">16</td></tr></tbody></table>\n');
    expect(code).toMatch(/class: "align-right"/);
    expect(code).not.toContain("text-align");
  });

  test("a Figure or image whose file is missing from public/ is refused by the build, naming the line", async () => {
    await expect(compileLikeTheBuild('Intro.\n\n<Figure src="/images/nope.png" alt="a" caption="b" />\n')).rejects.toThrow(
      /2024-01-01-x\.mdx:3:1 {2}body {2}image "\/images\/nope\.png" does not exist — add the file public\/images\/nope\.png/,
    );
  });

  test("is GitHub's sanitising schema, narrowed: no element outside it, none of the raw-text or embedding elements", () => {
    for (const element of ALLOWED_ELEMENTS) expect(defaultSchema.tagNames).toContain(element);
    for (const element of Object.keys(REFUSED_ELEMENTS)) expect(ALLOWED_ELEMENTS).not.toContain(element);
    expect(ALLOWED_ELEMENTS).not.toContain("h1");
    const styled = ALLOWED_ELEMENTS.filter((element) => allowedAttributes(element).includes("style"));
    expect(styled).toEqual(["td", "th"]);
  });

  test("admits the attributes the Markdown processor writes, with their values only", () => {
    expect(elementProblems({ name: "code", attributes: [{ name: "className", value: "language-sql" }] })).toEqual([]);
    expect(elementProblems({ name: "code", attributes: [{ name: "class", value: "evil" }] })[0]?.message).toContain(
      'class="evil" is not allowed on <code>',
    );
    expect(elementProblems({ name: "td", attributes: [{ name: "style", value: "text-align: right" }] })).toEqual([]);
    expect(elementProblems({ name: "td", attributes: [{ name: "style", value: "background:url(x)" }] })).toHaveLength(1);
    expect(
      elementProblems({
        name: "a",
        attributes: [
          { name: "id", value: "user-content-fnref-1" },
          { name: "href", value: "#user-content-fn-1" },
        ],
      }),
    ).toEqual([]);
    expect(elementProblems({ name: "a", attributes: [{ name: "id", value: "main" }] })).toHaveLength(1);
  });

  test("judges a plain string expression like the same text in quotes, and nothing else as literal", () => {
    expect(literalText(`"/a.png"`)).toBe("/a.png");
    expect(literalText(` 'x' `)).toBe("x");
    expect(literalText(`"a\\u0022"`)).toBeUndefined();
    expect(literalText("`x`")).toBeUndefined();
    expect(literalText(`"a" + "b"`)).toBeUndefined();
  });

  test("lets comments through and nothing that follows a comment", () => {
    expect(isCommentOnly(" /* a */ /* b */ ")).toBe(true);
    expect(isCommentOnly("/* a */ alert(1) /* b */")).toBe(false);
    expect(isCommentOnly("// x")).toBe(false);
  });

  test("raw HTML, should a plugin produce it, is parsed and judged by the same rule", () => {
    const problems = treeProblems(
      {
        type: "root",
        children: [{ type: "raw", value: "<p>ok</p><textarea>x</textarea>", position: { start: { line: 4, column: 2 } } }],
      },
      {},
    );
    expect(problems).toEqual([{ line: 4, column: 2, message: expect.stringContaining("<textarea> is not allowed") as string }]);
  });

  test("the build's plugin takes the public folder it checks images against", () => {
    expect(allowlistPlugin(join(ROOT, "public")).name).toBe("hindsight-body-allowlist");
  });
});
