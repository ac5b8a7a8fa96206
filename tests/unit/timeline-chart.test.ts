import { describe, expect, it } from "vitest";
import { axisMode, stretchWeight, timelineChart } from "../../src/lib/postmortem/timeline-chart.ts";

const MIN = 60_000;

/** A 20-minute incident, like a CDN configuration push rolled back. */
const short = {
  timezone: "America/New_York",
  started: "2019-10-15T14:02:00-04:00",
  detected: "2019-10-15T14:04:00-04:00",
  mitigated: "2019-10-15T14:15:00-04:00",
  resolved: "2019-10-15T14:22:00-04:00",
  timeline: [
    { at: "2019-10-15T14:02:00-04:00", kind: "trigger" as const },
    { at: "2019-10-15T14:04:00-04:00", kind: "detection" as const },
    { at: "2019-10-15T14:15:00-04:00", kind: "mitigation" as const },
    { at: "2019-10-15T14:22:00-04:00", kind: "resolution" as const },
  ],
};

/** A week-long incident whose first hours hold most of the events. */
const long = {
  timezone: "America/Los_Angeles",
  started: "2016-01-04T20:22:00-08:00",
  detected: "2016-01-04T20:26:00-08:00",
  mitigated: "2016-01-04T23:37:00-08:00",
  resolved: "2016-01-11T15:23:00-08:00",
  timeline: [
    { at: "2016-01-04T20:22:00-08:00", kind: "trigger" as const },
    { at: "2016-01-04T20:26:00-08:00", kind: "detection" as const },
    { at: "2016-01-04T20:27:00-08:00", kind: "escalation" as const },
    { at: "2016-01-04T20:28:00-08:00", kind: "communication" as const },
    { at: "2016-01-04T23:37:00-08:00", kind: "mitigation" as const },
    { at: "2016-01-11T15:23:00-08:00", kind: "resolution" as const },
  ],
};

describe("the timeline picture's axis", () => {
  it("stays linear for a 20-minute incident, with clock ticks in the incident's zone", () => {
    const chart = timelineChart(short);
    expect(chart.mode).toBe("linear");
    expect(chart.axis.ticks.map((t) => t.label)).toEqual(["14:05", "14:10", "14:15", "14:20"]);
    expect(chart.breaks).toEqual([]);
  });

  it("places times proportionally on a linear axis", () => {
    const chart = timelineChart(short);
    const { left, right } = chart.plot;
    // Detection 2 of 20 minutes in.
    expect(chart.events[1]!.x).toBeCloseTo(left + (right - left) * 0.1, 6);
  });

  it("compresses a week-long incident whose quiet stretch dominates, and labels the stretch with its real length", () => {
    const chart = timelineChart(long);
    expect(chart.mode).toBe("compressed");
    expect(chart.breaks.map((b) => b.label)).toEqual(["3 h 9 min", "6 d 15 h"]);
  });

  it("keeps events minutes apart visibly apart on the compressed axis", () => {
    const chart = timelineChart(long);
    const [trigger, detection] = chart.events;
    expect(detection!.x - trigger!.x).toBeGreaterThan(30);
  });

  it("gives a longer stretch more width, but less than proportionally", () => {
    expect(stretchWeight(0)).toBe(0);
    expect(stretchWeight(MIN)).toBe(2);
    expect(stretchWeight(7 * 24 * 60 * MIN)).toBeLessThan(16);
  });

  it("chooses compression only for long incidents with a dominating quiet stretch", () => {
    expect(axisMode([0, 10 * MIN, 100 * MIN])).toBe("linear");
    expect(axisMode([0, 60 * MIN, 120 * MIN, 180 * MIN, 240 * MIN])).toBe("linear");
    expect(axisMode([0, 5 * MIN, 10 * MIN, 24 * 60 * MIN])).toBe("compressed");
  });
});

describe("the timeline picture's marks", () => {
  it("shades the impact from start to mitigation, and the rest until resolution more lightly", () => {
    const chart = timelineChart(short);
    expect(chart.impact.x1).toBe(chart.plot.left);
    expect(chart.impact.x2).toBeLessThan(chart.plot.right);
    expect(chart.impact.label).toBe("Impact 13 min");
    expect(chart.untilResolved).toMatchObject({ x1: chart.impact.x2, x2: chart.plot.right });
    expect(chart.untilResolved!.label).toBe("until resolved, 20 min in all");
  });

  it("shades the impact to the resolution when no mitigation is recorded", () => {
    const chart = timelineChart({ ...short, mitigated: undefined });
    expect(chart.impact.x2).toBe(chart.plot.right);
    expect(chart.impact.label).toBe("Impact 20 min");
    expect(chart.untilResolved).toBeNull();
  });

  it("labels each duration with its key time and its length in words", () => {
    expect(timelineChart(long).brackets.map((b) => b.label)).toEqual([
      "Detected 20:26, after 4 min",
      "Mitigated 23:37, after 3 h 15 min",
      "Resolved Mon, 11 Jan 15:23, after 6 d 19 h",
    ]);
  });

  it("marks detection, mitigation and resolution where their brackets end", () => {
    const chart = timelineChart(short);
    expect(chart.markers.map((m) => m.key)).toEqual(["detect", "mitigate", "resolve"]);
    expect(chart.markers.map((m) => m.x)).toEqual(chart.brackets.map((b) => b.x2));
  });

  it("draws one mark per event, shaped by kind, with a legend of the kinds present", () => {
    const chart = timelineChart(long);
    expect(chart.events).toHaveLength(6);
    expect(chart.events[0]!.path).not.toBe(chart.events[1]!.path);
    expect(chart.legend.map((l) => l.kind)).toEqual([
      "trigger",
      "detection",
      "escalation",
      "mitigation",
      "communication",
      "resolution",
    ]);
  });

  it("stacks events that would cover each other on separate lanes", () => {
    const at = "2019-10-15T14:04:00-04:00";
    const chart = timelineChart({
      ...short,
      timeline: [...short.timeline, { at, kind: "escalation" }, { at, kind: "communication" }],
    });
    const ys = chart.events.filter((e) => e.x === chart.events[1]!.x).map((e) => e.y);
    expect(new Set(ys).size).toBe(3);
  });

  it("leaves out the brackets of key times not yet known", () => {
    const chart = timelineChart({ ...short, mitigated: undefined, resolved: undefined });
    expect(chart.brackets.map((b) => b.key)).toEqual(["detect"]);
  });
});
