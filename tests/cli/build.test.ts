import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { API_ERRORS, createContent, pm, positionOf } from "../support/content-fixture.ts";
import { SAMPLE_DIST } from "../support/paths.ts";
import { buildSite } from "../support/site.ts";

describe("astro build runs the validator first", () => {
  const f = createContent();
  afterAll(() => f.cleanup());

  test("a build over content with several problems fails with every validator message", async () => {
    const text = f.edit(pm(API_ERRORS), "    owner: platform", "    owner: plattform");
    const withBody = f.write(pm(API_ERRORS), `${text}\n<Chart />\n`);
    const owner = positionOf(withBody, "plattform");
    const chart = positionOf(withBody, "<Chart");
    const result = await buildSite("authoring-invalid", f.dir);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain("hindsight validate found 2 errors in the content:");
    expect(result.output).toContain(
      `postmortems/${API_ERRORS}.mdx:${owner.line}:${owner.column}  actionItems.0.owner  team "plattform" is not in`,
    );
    expect(result.output).toContain(
      `postmortems/${API_ERRORS}.mdx:${chart.line}:${chart.column}  body  component <Chart> is not available`,
    );
    expect(existsSync(join(result.dist, "index.html"))).toBe(false);
  });
});

describe("the guide page", () => {
  test("explains writing and review and carries the generated field reference", () => {
    const html = readFileSync(join(SAMPLE_DIST, "guide", "index.html"), "utf8");
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(html).toContain("Write blamelessly");
    expect(html).toContain("The pull request is the review.");
    expect(html).toContain('id="field-actionItems-due"');
    expect(html).toContain("The date it is due, YYYY-MM-DD.");
    expect(html).toContain("SEV1</code> Critical");
  });
});
