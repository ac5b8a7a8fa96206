import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { CALLOUT_TYPES, propReference } from "../../src/lib/schema/components.ts";
import { validateContent } from "../../src/lib/validate/validate-content.ts";
import { API_ERRORS, API_ERRORS_TEXT, createContent, pm, type ContentFixture } from "../support/content-fixture.ts";

const fixtures: ContentFixture[] = [];
afterEach(() => {
  for (const f of fixtures.splice(0)) f.cleanup();
});

/** The API postmortem with `body` appended; returns the problems of the body, as validate prints them. */
function bodyProblems(body: string, setup?: (f: ContentFixture) => void): { lines: string[]; text: string } {
  const f = createContent();
  fixtures.push(f);
  setup?.(f);
  const text = f.write(pm(API_ERRORS), `${API_ERRORS_TEXT}\n${body}\n`);
  const lines = validateContent({ contentDir: f.dir, cwd: f.root })
    .diagnostics.filter((d) => d.path === "body")
    .map((d) => `${d.file}:${d.line}:${d.column}  ${d.path}  ${d.message}`);
  return { lines, text };
}

const FILE = `content/postmortems/${API_ERRORS}.mdx`;
/** Where `needle` sits in the appended body (its last occurrence in the file). */
const at = (text: string, needle: string) => {
  const before = text.slice(0, text.lastIndexOf(needle));
  return `${FILE}:${before.split("\n").length}:${before.length - before.lastIndexOf("\n")}  body  `;
};

describe("mistakes in the body", () => {
  test("a footnote reference without a definition is an error at the reference", () => {
    const { lines, text } = bodyProblems("The cache was cold.[^cold] It warmed.[^ok]\n\n[^ok]: After ten minutes.");
    expect(lines).toEqual([
      `${at(text, "[^cold]")}footnote [^cold] has no definition, so readers would see the brackets — add a line "[^cold]: the note" at the end of the body, or remove the reference`,
    ]);
  });

  test("a level-one heading is an error: the page already has the title as its h1", () => {
    const { lines, text } = bodyProblems("# What happened\n\nText.");
    expect(lines).toEqual([
      `${at(text, "# What happened")}a level-one heading is the page's title, which the page already shows (the frontmatter's title) — make this a section heading with ## (h2)`,
    ]);
  });

  test("a level-one heading written with an underline is an error too", () => {
    const { lines } = bodyProblems("What happened\n=============\n\nText.");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("a level-one heading is the page's title");
  });

  test("a Callout with an unknown prop or value names the allowed ones, at the prop", () => {
    const { lines, text } = bodyProblems('<Callout type="danger" kind="x">Careful.</Callout>');
    expect(lines).toEqual([
      `${at(text, 'type="danger"')}<Callout> type="danger" is not a callout type — use one of ${CALLOUT_TYPES.join(", ")}`,
      `${at(text, 'kind="x"')}<Callout> has no prop "kind" — its props are type, title`,
    ]);
  });

  test("a Figure without alt is an error at the component", () => {
    const { lines, text } = bodyProblems('<Figure src="/images/queue.png" caption="Queue depth." />', (f) => {
      mkdirSync(join(f.root, "public", "images"), { recursive: true });
      writeFileSync(join(f.root, "public", "images", "queue.png"), "png");
    });
    expect(lines).toEqual([`${at(text, "<Figure")}<Figure> needs alt="…" — what the image shows, for readers who cannot see it`]);
  });

  test("a Figure whose image is missing from public/ is an error at its src, not a failed build", () => {
    const { lines, text } = bodyProblems('<Figure src="/images/missing.png" alt="Queue depth" caption="Queue depth." />');
    expect(lines).toEqual([
      `${at(text, 'src="/images/missing.png"')}image "/images/missing.png" does not exist — add the file public/images/missing.png, or correct the path`,
    ]);
  });

  test("a relative image path is refused with the path to write instead", () => {
    const { lines, text } = bodyProblems("![Queue depth](./queue.png)");
    expect(lines).toEqual([
      `${at(text, "![Queue")}image path "./queue.png" is relative — save the image in public/images/ and write the path from the site's root, "/images/queue.png"`,
    ]);
  });

  test("an image that exists in public/ is accepted, as Markdown and as a Figure", () => {
    const { lines } = bodyProblems(
      '![Queue depth](/images/queue.png)\n\n<Figure src="/images/queue.png" alt="Queue depth" caption="Depth." />',
      (f) => {
        mkdirSync(join(f.root, "public", "images"), { recursive: true });
        writeFileSync(join(f.root, "public", "images", "queue.png"), "png");
      },
    );
    expect(lines).toEqual([]);
  });

  test("every prop of every component is described, and fixed lists are listed", () => {
    for (const prop of [...propReference("Callout"), ...propReference("Figure")])
      expect(prop.description.length).toBeGreaterThan(10);
    expect(propReference("Callout")).toContainEqual(
      expect.objectContaining({ name: "type", required: false, values: CALLOUT_TYPES }),
    );
    expect(
      propReference("Figure")
        .filter((p) => p.required)
        .map((p) => p.name),
    ).toEqual(["src", "alt", "caption"]);
  });
});
