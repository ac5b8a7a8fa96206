import { describe, expect, it } from "vitest";
import { parseExcerpt } from "../../src/lib/search/excerpt.ts";

describe("parseExcerpt", () => {
  it("splits an excerpt into plain and highlighted runs", () => {
    expect(parseExcerpt("the <mark>DynamoDB</mark> tables were <mark>deleted</mark>.")).toEqual([
      { text: "the ", marked: false },
      { text: "DynamoDB", marked: true },
      { text: " tables were ", marked: false },
      { text: "deleted", marked: true },
      { text: ".", marked: false },
    ]);
  });

  it("turns escaped markup back into text, so it is shown, never run", () => {
    expect(parseExcerpt("a &lt;script&gt;alert(1)&lt;/script&gt; &amp; b & c")).toEqual([
      { text: "a <script>alert(1)</script> & b & c", marked: false },
    ]);
  });

  it("drops any other tag and keeps its text", () => {
    expect(parseExcerpt('<img src=x onerror="x()">plain <b>bold</b>')).toEqual([{ text: "plain bold", marked: false }]);
  });
});
