import { describe, expect, it } from "vitest";
import { proseParagraphs } from "../../scripts/bench/prose.ts";

const doc = `# Incident title

## Summary

The ingress controller stopped routing traffic after a configuration change was applied to every cluster.

## Timeline

| Time | Event |
| --- | --- |
| 2021-06-22 08:21 | Something happened in the cluster today |

## Contributing Factors

- The deregistration delay was lowered to speed up node roll-overs in production.
- A core network component was replaced {during} business <hours>.

## Attendees

- AB, CD, EF, GH, IJ, KL, MN, OP, QR
`;

describe("prose for the benchmark corpus", () => {
  it("keeps summary paragraphs and joins a section's bullets into one paragraph", () => {
    expect(proseParagraphs(doc)).toEqual([
      "The ingress controller stopped routing traffic after a configuration change was applied to every cluster.",
      "The deregistration delay was lowered to speed up node roll-overs in production. A core network component was replaced during business hours.",
    ]);
  });

  it("drops tables, headings, attendee lists and characters MDX would read as code", () => {
    const text = proseParagraphs(doc).join(" ");
    expect(text).not.toMatch(/[|{}<>#]|AB, CD/);
  });
});
