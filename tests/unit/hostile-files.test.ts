import { execFileSync } from "node:child_process";
import { symlinkSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { firstInvalidUtf8 } from "../../src/lib/integrity/files.ts";
import { MAX_ID_LENGTH } from "../../src/lib/schema/identifiers.ts";
import { MAX_ALIAS_EXPANSION, MAX_BODY_BYTES, MAX_FRONTMATTER_BYTES } from "../../src/lib/validate/limits.ts";
import { validateContent } from "../../src/lib/validate/validate-content.ts";
import { API_ERRORS, API_ERRORS_TEXT, contentFixtures, pm, type ContentFixture } from "../support/content-fixture.ts";

const fixture = contentFixtures();

const lines = (f: ContentFixture) =>
  validateContent({ contentDir: f.dir, cwd: f.root }).diagnostics.map(
    (d) => `${d.file}:${d.line}:${d.column}  ${d.path}  ${d.message}`,
  );

/** "Billion laughs": nine levels of nine aliases, under 400 bytes, that expand to 387 million values. */
const ALIAS_BOMB = [
  'lol0: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ..."bcdefghi".split("").map((name, i) => `lol${i + 1}: &${name} [${Array(9).fill(`*${"abcdefghi"[i]}`).join(",")}]`),
].join("\n");

describe("bounded parsing", () => {
  test("a YAML alias bomb in the frontmatter is refused at the alias that tips it over, without expanding it", () => {
    const f = fixture();
    f.write(pm(API_ERRORS), API_ERRORS_TEXT.replace("---\n", `---\n${ALIAS_BOMB}\n`));
    const found = lines(f).filter((l) => l.includes("aliases repeat"));
    expect(found).toEqual([
      `content/postmortems/${API_ERRORS}.mdx:6:11  frontmatter  aliases repeat more than ${MAX_ALIAS_EXPANSION.toLocaleString("en")} values (this one, *d, alone repeats 7,381) — a postmortem needs no anchors or aliases (&name, *name); write the values out`,
    ]);
  });

  test("an alias bomb inside a field the schema accepts is refused too", () => {
    const f = fixture();
    f.write(pm(API_ERRORS), API_ERRORS_TEXT.replace("---\n", `---\n${ALIAS_BOMB}\n`).replace("tags: [deploy]", "tags: *i"));
    expect(lines(f).some((l) => l.includes("aliases repeat more than"))).toBe(true);
  });

  test("an alias bomb in a catalog is refused", () => {
    const f = fixture();
    f.write("teams.yaml", `- id: platform\n  name: Platform\n  x:\n${ALIAS_BOMB.replace(/^/gm, "    ")}\n`);
    expect(lines(f).some((l) => l.startsWith("content/teams.yaml:") && l.includes("aliases repeat more than"))).toBe(true);
  });

  test("an alias inside the block it names is an error, not an endless loop", () => {
    const f = fixture();
    f.write(pm(API_ERRORS), API_ERRORS_TEXT.replace("tags: [deploy]", "tags: &t [deploy, *t]"));
    const found = lines(f).filter((l) => l.includes("*t"));
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatch(/^content\/postmortems\/2024-03-01-api-errors\.mdx:\d+:\d+ {2}frontmatter {2}/);
  });

  test("a few aliases that repeat a short list are still allowed", () => {
    const f = fixture();
    f.write(pm(API_ERRORS), API_ERRORS_TEXT.replace("tags: [deploy]", "tags: &t [deploy]\nkeywords: *t"));
    expect(lines(f).some((l) => l.includes("aliases repeat"))).toBe(false);
  });

  test("a frontmatter over the size limit is reported at the file's first line", () => {
    const f = fixture();
    const filler = `# ${"x".repeat(1000)}\n`.repeat(Math.ceil(MAX_FRONTMATTER_BYTES / 1000) + 1);
    f.write(pm(API_ERRORS), API_ERRORS_TEXT.replace("---\n", `---\n${filler}`));
    expect(lines(f)).toContainEqual(
      expect.stringMatching(
        /^content\/postmortems\/2024-03-01-api-errors\.mdx:1:1 {2}frontmatter {2}the frontmatter is \d+ KB; it may be at most 512 KB — /,
      ),
    );
  });

  test("a body over the size limit is reported where the body starts, and not parsed", () => {
    const f = fixture();
    const text = `${API_ERRORS_TEXT}\n${"<b>{x}</b> ".repeat(Math.ceil(MAX_BODY_BYTES / 10))}\n`;
    f.write(pm(API_ERRORS), text);
    const body = lines(f).filter((l) => l.includes("  body  "));
    expect(body).toHaveLength(1);
    expect(body[0]).toMatch(/the body is 1\.\d MB; a postmortem's body may be at most 1 MB — /);
  });
});

describe("only regular files inside the content folder are read", () => {
  test("a symbolic link to a postmortem outside the content folder is refused", () => {
    const f = fixture();
    const outside = join(f.root, "outside.mdx");
    writeFileSync(outside, API_ERRORS_TEXT);
    symlinkSync(outside, join(f.dir, "postmortems", "2024-04-01-linked.mdx"));
    expect(lines(f)).toContain(
      "content/postmortems/2024-04-01-linked.mdx:1:1  (file)  is a symbolic link to a file outside the content folder — copy the postmortem into the folder instead of linking to it",
    );
  });

  test("a symbolic link that stays inside the content folder is read", () => {
    const f = fixture();
    f.write("drafts/2024-04-01-linked.mdx", API_ERRORS_TEXT.replace("2024-03-01", "2024-04-01"));
    symlinkSync(join(f.dir, "drafts", "2024-04-01-linked.mdx"), join(f.dir, "postmortems", "2024-04-01-linked.mdx"));
    expect(lines(f).filter((l) => l.includes("symbolic link"))).toEqual([]);
  });

  test("a folder named like a postmortem is reported, not a stack trace", () => {
    const f = fixture();
    mkdirSync(join(f.dir, "postmortems", "2024-04-02-folder.mdx"));
    writeFileSync(join(f.dir, "postmortems", "2024-04-02-folder.mdx", "notes.txt"), "x");
    expect(lines(f)).toContain(
      "content/postmortems/2024-04-02-folder.mdx:1:1  (file)  is a folder, not a file — only regular .mdx files belong here; remove it or rename it so that its name does not end in .mdx",
    );
  });

  test("a named pipe is reported without being opened", () => {
    const f = fixture();
    execFileSync("mkfifo", [join(f.dir, "postmortems", "2024-04-03-pipe.mdx")]);
    expect(lines(f)).toContainEqual(
      expect.stringContaining("content/postmortems/2024-04-03-pipe.mdx:1:1  (file)  is a named pipe (FIFO), not a file"),
    );
  });

  test("bytes that are not UTF-8 are reported with their offset, line and column", () => {
    const f = fixture();
    const text = Buffer.concat([Buffer.from(API_ERRORS_TEXT.replace("title: API", "title: Caf")), Buffer.from([0xe9, 0x0a])]);
    writeFileSync(join(f.dir, pm(API_ERRORS)), text);
    const offset = text.indexOf(0xe9);
    expect(lines(f)).toContain(
      `content/postmortems/${API_ERRORS}.mdx:${API_ERRORS_TEXT.split("\n").length}:1  (file)  is not valid UTF-8: byte 0xE9 at byte offset ${offset} — save the file as UTF-8 (text pasted from another encoding, such as Latin-1 or Windows-1252, often causes this)`,
    );
  });

  test("the UTF-8 check finds overlong forms, surrogates and truncated sequences", () => {
    expect(firstInvalidUtf8(Buffer.from("héllo ✓ 𝄞"))).toBe(Buffer.byteLength("héllo ✓ 𝄞"));
    expect(firstInvalidUtf8(Uint8Array.from([0x61, 0xc0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(Uint8Array.from([0x61, 0x62, 0xed, 0xa0, 0x80]))).toBe(2);
    expect(firstInvalidUtf8(Uint8Array.from([0xe2, 0x9c]))).toBe(0);
  });

  test(`an id longer than ${MAX_ID_LENGTH} characters is refused by its file name`, () => {
    const f = fixture();
    const id = `2024-03-01-${"long-".repeat(40)}name`;
    f.write(pm(id), API_ERRORS_TEXT);
    expect(lines(f)).toContain(
      `content/postmortems/${id}.mdx:1:1  (file)  file name is ${id.length} characters before .mdx; a postmortem id may have at most ${MAX_ID_LENGTH} — shorten the slug to a few words`,
    );
  });

  test("a non-ASCII id is refused by its file name", () => {
    const f = fixture();
    f.write(pm("2024-03-01-café-outage"), API_ERRORS_TEXT);
    expect(lines(f)).toContainEqual(expect.stringContaining('file name "2024-03-01-café-outage.mdx" is not YYYY-MM-DD-slug.mdx'));
  });
});
