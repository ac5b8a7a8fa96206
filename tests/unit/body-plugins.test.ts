import { describe, expect, it } from "vitest";
import { markdownToHtml } from "satteri";
import { basePathPlugin } from "../../src/lib/markdown/base-path-plugin.ts";
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

  it("align table columns with a class, since the Content-Security-Policy blocks inline styles", async () => {
    const html = await render("| Metric | Normal | Peak |\n|:--|--:|:-:|\n| Errors | 16 | 6695 |");
    expect(html).toContain('<th class="align-right">Normal</th>');
    expect(html).toContain('<td class="align-center">6695</td>');
    expect(html).not.toContain("style=");
  });

  it("give task-list checkboxes an accessible label", async () => {
    expect(await render("- [x] done\n- [ ] not yet")).toMatch(/<input[^>]*aria-label="Completed"/);
  });
});

describe("site paths in postmortem bodies under a base path", () => {
  const underKb = async (markdown: string) =>
    (await markdownToHtml(markdown, { hastPlugins: [...bodyPlugins, basePathPlugin("/kb/")] })).html;

  it("get the base path on links and images, and keep their fragment", async () => {
    const html = await underKb("[ledger](/action-items/#group-overdue) and ![graph](/favicon.svg)");
    expect(html).toContain('<a href="/kb/action-items/#group-overdue">ledger</a>');
    expect(html).toMatch(/<img src="\/kb\/favicon.svg" alt="graph"/);
  });

  it("leave external links and in-page fragments alone", async () => {
    const html = await underKb("[docs](https://example.com/x) and [up](#top)");
    expect(html).toContain('href="https://example.com/x"');
    expect(html).toContain('href="#top"');
  });
});
