import { describe, expect, it } from "vitest";
import { markdownToHtml } from "satteri";
import { bodyPlugins } from "../../src/lib/markdown/body-plugins.ts";

const render = async (markdown: string) => (await markdownToHtml(markdown, { hastPlugins: bodyPlugins })).html;

describe("postmortem bodies", () => {
  it("get rel=noopener noreferrer when they leave the site", async () => {
    expect(await render("[docs](https://example.com/docs)")).toContain(
      '<a href="https://example.com/docs" rel="noopener noreferrer">docs</a>',
    );
  });

  it("stay as they are when they point inside the site", async () => {
    expect(await render("[ledger](/action-items/)")).toContain('<a href="/action-items/">ledger</a>');
  });

  it("lose an unsafe URL", async () => {
    expect(await render("[x](javascript:alert(1))")).not.toContain("javascript:");
  });

  it("give task-list checkboxes an accessible label", async () => {
    expect(await render("- [x] done\n- [ ] not yet")).toMatch(/<input[^>]*aria-label="Completed"/);
  });
});
