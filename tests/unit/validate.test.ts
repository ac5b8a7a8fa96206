import { describe, expect, test } from "vitest";
import { formatGithub, formatReport, sortDiagnostics, type Diagnostic } from "../../src/lib/validate/diagnostic.ts";
import { checkBody } from "../../src/lib/validate/mdx-body.ts";
import { findSecrets } from "../../src/lib/validate/secrets.ts";
import { splitFrontmatter } from "../../src/lib/validate/source.ts";
import { parseYamlSource } from "../../src/lib/validate/yaml-source.ts";
import { API_ERRORS_TEXT } from "../support/content-fixture.ts";
import { validatePostmortemFile } from "../../src/lib/validate/validate-content.ts";

describe("splitting frontmatter", () => {
  test("finds the YAML and the line the body starts on", () => {
    const split = splitFrontmatter("---\ntitle: x\nseverity: SEV1\n---\n\nBody\n");
    expect(split).toEqual({ ok: true, source: { yaml: "title: x\nseverity: SEV1", yamlLine: 1, body: "\nBody\n", bodyLine: 4 } });
  });

  test("accepts Windows line endings and an empty frontmatter", () => {
    expect(splitFrontmatter("---\r\na: 1\r\n---\r\nBody").ok).toBe(true);
    expect(splitFrontmatter("---\n---\nBody")).toMatchObject({ ok: true, source: { yaml: "", bodyLine: 2 } });
  });
});

describe("YAML with positions", () => {
  test("an unquoted timestamp with a time becomes a Date, as in Astro; an unquoted date stays text", () => {
    const { data } = parseYamlSource("a: 2016-01-04T20:22:00-08:00\nb: 2016-02-30\nc: '2016-01-04T20:22:00-08:00'", "f", 0);
    const record = data as Record<string, unknown>;
    expect(record["a"]).toBeInstanceOf(Date);
    expect(record["b"]).toBe("2016-02-30");
    expect(record["c"]).toBe("2016-01-04T20:22:00-08:00");
  });

  test("locates values, keys and missing fields, counting lines from where the YAML starts", () => {
    const source = parseYamlSource("title: x\nitems:\n  - id: A1\n    due: soon\n", "f", 1);
    expect(source.locate(["items", 0, "due"])).toEqual({ line: 5, column: 10 });
    expect(source.locate(["items", 0, "due"], "key")).toEqual({ line: 5, column: 5 });
    expect(source.locate(["items", 0, "owner"])).toEqual({ line: 4, column: 5 });
  });

  test("a duplicate key is an error at the second key, not a silent replacement", () => {
    const source = parseYamlSource("a: 1\nlist: [1]\nlist: [2]\n", "f.yaml", 0);
    expect(source.syntax).toEqual([
      {
        file: "f.yaml",
        line: 3,
        column: 1,
        path: "frontmatter",
        message: expect.stringContaining('key "list" appears twice') as string,
      },
    ]);
  });

  test("a key like __proto__ is kept as data, never as a prototype", () => {
    const { data } = parseYamlSource("__proto__:\n  polluted: true\n", "f", 0);
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.keys(data as object)).toEqual(["__proto__"]);
  });
});

describe("the body", () => {
  test("a body without MDX syntax and one with it report the same unsafe link at the same place", () => {
    const plain = checkBody("Intro.\n\nSee [x](javascript:go) now.\n", 10);
    const mdx = checkBody("Intro.\n\nSee [x](javascript:go) now. <Callout>Hi</Callout>\n", 10);
    expect(plain).toEqual([
      { line: 13, column: 5, message: expect.stringContaining('link "javascript:go" is not allowed') as string },
    ]);
    expect(mdx).toEqual(plain);
  });

  test("links inside code and footnote definitions are not links", () => {
    expect(checkBody("Run `[x](javascript:go)`.\n\n```\n[y](javascript:go)\n```\n\nText[^1].\n\n[^1]: The note.\n", 0)).toEqual(
      [],
    );
    expect(checkBody("<Callout>Text[^1].</Callout>\n\n[^1]: The note.\n", 0)).toEqual([]);
  });

  test("comments are allowed; expressions are not", () => {
    expect(checkBody("{/* a note for reviewers */}\n", 0)).toEqual([]);
    expect(checkBody("{process.env.SECRET}\n", 0)[0]?.message).toContain("JavaScript expressions are not allowed");
    expect(checkBody('<Figure src={"/a.png"} alt="a" caption="b" />\n', 0)).toEqual([]);
    expect(checkBody("<Figure src={x} alt='a' caption='b' />\n", 0)[0]?.message).toContain(
      'attribute "src" uses a JavaScript expression',
    );
  });
});

describe("secrets", () => {
  test("documentation placeholders are not secrets", () => {
    expect(findSecrets(["AKIA", "IOSFODNN7EXAMPLE"].join(""))).toEqual([]);
  });

  test("the message shows only the start of the secret", () => {
    const token = ["gh", "p_", "a".repeat(20), "B".repeat(16)].join("");
    expect(findSecrets(`token ${token}`)).toEqual([{ kind: "GitHub token", offset: 6, preview: "ghp_aa…" }]);
  });
});

describe("reports", () => {
  const problems: Diagnostic[] = [
    { file: "b.mdx", line: 2, column: 1, path: "title", message: "is empty — write one" },
    { file: "a.mdx", line: 9, column: 3, path: "severity", message: 'value: "x, y" — fix it' },
    { file: "a.mdx", line: 2, column: 5, path: "status", message: "bad — fix" },
  ];

  test("sorts by file, line and column", () => {
    expect(sortDiagnostics(problems).map((d) => `${d.file}:${d.line}`)).toEqual(["a.mdx:2", "a.mdx:9", "b.mdx:2"]);
  });

  test("the text report ends with a count", () => {
    expect(formatReport({ postmortems: 2, diagnostics: sortDiagnostics(problems) }, "text").split("\n")).toEqual([
      "a.mdx:2:5  status  bad — fix",
      'a.mdx:9:3  severity  value: "x, y" — fix it',
      "b.mdx:2:1  title  is empty — write one",
      "",
      "✖ 3 problems in 2 files.",
    ]);
  });

  test("GitHub annotations escape properties and line breaks", () => {
    expect(formatGithub({ file: "a,b.mdx", line: 1, column: 2, path: "x:y", message: "50% done\nnext" })).toBe(
      "::error file=a%2Cb.mdx,line=1,col=2,title=x%3Ay::50%25 done%0Anext",
    );
  });
});

describe("one postmortem", () => {
  test("the fixture postmortem is valid", () => {
    const out: Diagnostic[] = [];
    expect(validatePostmortemFile(API_ERRORS_TEXT, "x.mdx", out)?.severity).toBe("SEV2");
    expect(out).toEqual([]);
  });

  test("a wrong type is phrased with a fix", () => {
    const out: Diagnostic[] = [];
    validatePostmortemFile(API_ERRORS_TEXT.replace("tags: [deploy]", "tags: deploy"), "x.mdx", out);
    expect(out).toEqual([
      {
        file: "x.mdx",
        line: 7,
        column: 7,
        path: "tags",
        message: 'expected a list — write it as [a, b] or as one "- item" per line',
      },
    ]);
  });
});
