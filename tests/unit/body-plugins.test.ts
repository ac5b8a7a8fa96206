import { describe, expect, it } from "vitest";
import { markdownToHtml } from "satteri";
import { bodyPlugins, externalLinksPlugin } from "../../src/lib/markdown/body-plugins.ts";

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
    const html = (await markdownToHtml("[x](javascript:alert(1))", { hastPlugins: [externalLinksPlugin] })).html;
    expect(html).not.toContain("javascript:");
  });

  it("with an unsafe URL stop the build, naming the line", async () => {
    await expect(render("Intro.\n\n[x](javascript:alert(1))")).rejects.toThrow(
      /:3:1 {2}body {2}link "javascript:alert\(1\)" is not allowed/,
    );
  });

  it("give task-list checkboxes an accessible label", async () => {
    expect(await render("- [x] done\n- [ ] not yet")).toMatch(/<input[^>]*aria-label="Completed"/);
  });
});
