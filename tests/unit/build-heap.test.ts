import { describe, expect, it } from "vitest";
import { nodeOptionsWithHeap } from "../../src/lib/build/heap.ts";

const GB = 1024 ** 3;

describe("the heap a build may use", () => {
  it("is three quarters of the machine's memory, so 10,000 postmortems build on 24 GB without NODE_OPTIONS", () => {
    expect(nodeOptionsWithHeap(undefined, 24 * GB)).toBe("--max-old-space-size=18432 --max-semi-space-size=64");
  });

  it("is never below Node's own default on a small machine", () => {
    expect(nodeOptionsWithHeap("", 2 * GB)).toBe("--max-old-space-size=4096 --max-semi-space-size=64");
  });

  it("keeps the caller's other options and adds the limit after them", () => {
    expect(nodeOptionsWithHeap("--enable-source-maps", 8 * GB)).toBe(
      "--enable-source-maps --max-old-space-size=6144 --max-semi-space-size=64",
    );
  });

  it("leaves a limit the caller chose alone", () => {
    expect(nodeOptionsWithHeap("--max-old-space-size=12288", 24 * GB)).toBe(
      "--max-old-space-size=12288 --max-semi-space-size=64",
    );
    expect(nodeOptionsWithHeap("--max-semi-space-size=32 --max-old-space-size=12288", 24 * GB)).toBe(
      "--max-semi-space-size=32 --max-old-space-size=12288",
    );
  });

  it("gives short-lived allocations a larger young generation unless the caller sized it", () => {
    expect(nodeOptionsWithHeap("--max-semi-space-size=8", 8 * GB)).toBe("--max-semi-space-size=8 --max-old-space-size=6144");
  });
});
