import { describe, expect, it } from "vitest";
import { markdownToHtml } from "satteri";
import { externalLinksPlugin } from "../../src/lib/markdown/external-links.ts";

const render = async (markdown: string) => (await markdownToHtml(markdown, { hastPlugins: [externalLinksPlugin] })).html;

describe("links in postmortem bodies", () => {
  it("get rel=noopener noreferrer when they leave the site", async () => {
    expect(await render("[docs](https://example.com/docs)")).toContain('<a href="https://example.com/docs" rel="noopener noreferrer">docs</a>');
  });

  it("stay as they are when they point inside the site", async () => {
    expect(await render("[ledger](/action-items/)")).toContain('<a href="/action-items/">ledger</a>');
  });

  it("lose an unsafe URL", async () => {
    expect(await render("[x](javascript:alert(1))")).not.toContain("javascript:");
  });
});
