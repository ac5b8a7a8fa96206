import { afterEach, describe, expect, it } from "vitest";
import { listenToRenderedPages, passRenderedPage, stopListening, type RenderedPage } from "../../src/lib/build/rendered-pages.ts";

const page: RenderedPage = {
  pathname: "/postmortems/a/",
  routePattern: "/postmortems/[id]",
  params: { id: "a" },
  html: "<p>a</p>",
};

afterEach(() => {
  for (const name of ["first", "second"]) stopListening(name);
});

describe("rendered pages", () => {
  it("pass through every listener in the order they started, each seeing the page as the one before left it", () => {
    const seen: string[] = [];
    listenToRenderedPages("first", ({ html }) => `${html}<!-- first -->`);
    listenToRenderedPages("second", ({ html, params }) => {
      seen.push(`${params["id"]}: ${html}`);
      return undefined;
    });
    expect(passRenderedPage(page)).toBe("<p>a</p><!-- first -->");
    expect(seen).toEqual(["a: <p>a</p><!-- first -->"]);
  });

  it("come out unchanged when no listener is left", () => {
    listenToRenderedPages("first", () => "rewritten");
    stopListening("first");
    expect(passRenderedPage(page)).toBe("<p>a</p>");
  });

  it("go to one listener per name: starting again replaces the earlier one", () => {
    listenToRenderedPages("first", () => "old");
    listenToRenderedPages("first", () => "new");
    expect(passRenderedPage(page)).toBe("new");
  });
});
