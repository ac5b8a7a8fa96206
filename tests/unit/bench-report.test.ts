import { describe, expect, it } from "vitest";
import { BENCH_METHOD, replaceBlock, summarise } from "../../scripts/bench/report.ts";

describe("the benchmark's summary of repeated runs", () => {
  it("gives the median and the range, with the mean of the two middle runs for an even count", () => {
    expect(summarise([30, 20, 25])).toEqual({ median: 25, min: 20, max: 30 });
    expect(summarise([1.2, 1.0, 1.4, 1.3])).toEqual({ median: 1.25, min: 1.0, max: 1.4 });
  });

  it("refuses to summarise no runs at all", () => {
    expect(() => summarise([])).toThrow(/at least one/);
  });
});

describe("the regenerated benchmarks document", () => {
  it("puts the method above the tables of an old document and keeps what was written below", () => {
    const old = "# Benchmarks\n\n<!-- bench:start 1000 -->\nold figures\n<!-- bench:end 1000 -->\n\n## First search\n\nnotes\n";
    const doc = replaceBlock(old, 1000, "### 1,000 postmortems\n\nnew figures\n");
    expect(doc.indexOf("## Method")).toBeLessThan(doc.indexOf("### 1,000 postmortems"));
    expect(doc).toContain("new figures");
    expect(doc).not.toContain("old figures");
    expect(doc).toContain("## First search\n\nnotes");
    expect(doc.match(/^# Benchmarks$/gm)).toHaveLength(1);
  });

  it("replaces only the block of the size measured, and adds a block for a new size", () => {
    const first = replaceBlock("", 1000, "one thousand\n");
    const second = replaceBlock(first, 10000, "ten thousand\n");
    const third = replaceBlock(second, 1000, "one thousand again\n");
    expect(third).toContain("ten thousand");
    expect(third).toContain("one thousand again");
    expect(third.match(/## Method/g)).toHaveLength(1);
    expect(third).toContain(BENCH_METHOD.trim());
  });
});
