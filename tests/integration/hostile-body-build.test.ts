/**
 * The body allowlist in a real `astro build`: hostile bodies and files stop the build with file:line:col,
 * and a body that uses everything allowed is published with nothing outside the allowlist, as a real
 * HTML parser reads the built page.
 */
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Element, Nodes } from "hast";
import { fromHtml } from "hast-util-from-html";
import { describe, expect, it } from "vitest";
import { elementProblems, publicFileExists } from "../../src/lib/markdown/body-allowlist.ts";
import { FIXTURES, ROOT } from "../support/paths.ts";
import { readPage } from "../support/html.ts";
import { buildSite } from "../support/site.ts";

const GOOD = "2024-03-01-api-errors.mdx";

function contentWith(edit: (postmortemsDir: string, root: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), "hindsight-hostile-build-"));
  cpSync(join(FIXTURES, "content-minimal"), join(dir, "content"), { recursive: true });
  edit(join(dir, "content", "postmortems"), dir);
  return join(dir, "content");
}

const append = (file: string, text: string) => writeFileSync(file, `${readFileSync(file, "utf8")}\n${text}\n`);

/** Everything a body may use, in one place. */
const EVERYTHING_ALLOWED = `
## Details

Text with *emphasis*, **strong**, \`code\`, ~~struck~~, a footnote[^why] and [a link](https://example.com/docs).

| Step | Minutes |
|:-----|--------:|
| Detect | 5 |

- [x] Rolled back
- [ ] Add the test

\`\`\`sql
select 1;
\`\`\`

<Callout type="tip" title="Roll back first">Then look.</Callout>

<Figure src="/favicon.svg" alt="The site's logo" caption="The logo." />

<a href="https://example.com/x">A JSX link</a>, <kbd>Ctrl</kbd>, H<sub>2</sub>O, <q cite="https://example.com/q">quoted</q>.

<details><summary>More</summary>Hidden text.</details>

[^why]: Because.
`;

/** Markup that only Astro and the page's components add around and inside the body. */
function trustedTemplate(node: Element): boolean {
  const classes = node.properties["className"] ?? [];
  return (
    ["aside", "figure", "figcaption"].includes(node.tagName) ||
    (node.tagName === "p" && classes.includes("title")) ||
    node.properties["id"] === "narrative"
  );
}

function bodyProblems(html: string): string[] {
  const tree = fromHtml(html);
  const found: string[] = [];
  const imageExists = publicFileExists(join(ROOT, "public"));
  let inBody = false;
  const visit = (node: Nodes, body: boolean) => {
    if (node.type === "element") {
      const classes = node.properties["className"];
      const isBody = Array.isArray(classes) && classes.includes("body") && node.tagName === "section";
      if (body && !trustedTemplate(node)) {
        const attributes = Object.entries(node.properties)
          // Astro's heading ids and scoped-style classes are its own, not the author's.
          .filter(
            ([name]) => !(name === "id" && /^h[2-6]$/.test(node.tagName)) && !(name === "className" && node.tagName === "img"),
          )
          .filter(([name]) => !(node.tagName === "img" && name === "loading"))
          .flatMap(([name, value]) =>
            value === undefined || value === null || value === false
              ? []
              : [{ name, value: value === true ? (true as const) : Array.isArray(value) ? value.join(" ") : String(value) }],
          );
        for (const p of elementProblems({ name: node.tagName, attributes }, { imageExists }))
          found.push(`<${node.tagName}>: ${p.message}`);
      }
      for (const child of node.children) visit(child, body || isBody);
      if (isBody) inBody = true;
      return;
    }
    if ("children" in node) for (const child of node.children) visit(child, body);
  };
  visit(tree, false);
  expect(inBody, "the page has no body section").toBe(true);
  return found;
}

describe("a build over hostile bodies", () => {
  it("fails on the textarea mutation payload, naming its line", async () => {
    const content = contentWith((dir) =>
      append(
        join(dir, GOOD),
        `<textarea><p title="</textarea><meta http-equiv=refresh content='0;url=https://evil.example/'>">x</p></textarea>`,
      ),
    );
    const result = await buildSite("hostile-textarea", content);
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(new RegExp(`${GOOD}:\\d+:1 {2}body {2}<textarea> is not allowed`));
  });

  it("fails on a symbolic link to a postmortem outside the content folder", async () => {
    const content = contentWith((dir, root) => {
      writeFileSync(join(root, "outside.mdx"), readFileSync(join(dir, GOOD), "utf8").replace("API returned errors", "Outside"));
      symlinkSync(join(root, "outside.mdx"), join(dir, "2024-03-02-linked.mdx"));
    });
    const result = await buildSite("hostile-symlink", content);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain("2024-03-02-linked.mdx");
    expect(result.output).toContain("is a symbolic link to a file outside the content folder");
  });

  it("publishes everything allowed, and nothing outside the allowlist reaches the page", async () => {
    const content = contentWith((dir) => append(join(dir, GOOD), EVERYTHING_ALLOWED));
    const result = await buildSite("allowed-body", content);
    expect(result.code, result.output).toBe(0);
    const html = readPage(result.dist, "/postmortems/2024-03-01-api-errors/");
    expect(html).toContain("A JSX link");
    expect(html).toMatch(/<a href="https:\/\/example\.com\/x" rel="noopener noreferrer">/);
    expect(bodyProblems(html)).toEqual([]);
  });
});
