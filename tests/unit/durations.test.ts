import { describe, expect, it } from "vitest";
import { formatDuration, isoDuration } from "../../src/lib/format/duration.ts";
import { formatClock, formatInstant, formatUtc, localDate, offsetLabel } from "../../src/lib/format/instant.ts";
import { computeDurations } from "../../src/lib/postmortem/durations.ts";

const amplitudeLike = {
  started: "2016-01-04T20:22:00-08:00",
  detected: "2016-01-04T20:30:00-08:00",
  mitigated: "2016-01-04T23:37:00-08:00",
  resolved: "2016-01-11T15:23:00-08:00",
};

describe("computed durations", () => {
  it("measures time to mitigate from the start: 3 h 15 min for the dashboard outage", () => {
    const d = computeDurations(amplitudeLike);
    expect(formatDuration(d.timeToMitigate!)).toBe("3 h 15 min");
    expect(isoDuration(d.timeToMitigate!)).toBe("PT3H15M");
  });

  it("measures the impact to mitigation and time to resolve to the resolution: 3 h 15 min and 6 d 19 h", () => {
    const d = computeDurations(amplitudeLike);
    expect(formatDuration(d.timeToResolve!)).toBe("6 d 19 h");
    expect(d.impact).toBe(d.timeToMitigate);
    expect(formatDuration(d.impact!)).toBe("3 h 15 min");
    expect(formatDuration(d.timeToDetect)).toBe("8 min");
  });

  it("counts the impact to the resolution when no mitigation is recorded", () => {
    const d = computeDurations({
      started: "2024-03-01T10:00:00Z",
      detected: "2024-03-01T10:05:00Z",
      resolved: "2024-03-01T11:00:00Z",
    });
    expect(d.timeToMitigate).toBeNull();
    expect(formatDuration(d.impact!)).toBe("1 h");
  });

  it("compares instants written with different offsets", () => {
    const d = computeDurations({ started: "2024-03-01T10:00:00Z", detected: "2024-03-01T11:30:00+01:00" });
    expect(formatDuration(d.timeToDetect)).toBe("30 min");
    expect(d.timeToResolve).toBeNull();
    expect(d.impact).toBeNull();
  });

  it("measures the impact of an unresolved draft to its mitigation", () => {
    const d = computeDurations({
      started: "2024-03-01T10:00:00Z",
      detected: "2024-03-01T10:01:00Z",
      mitigated: "2024-03-01T10:21:00Z",
    });
    expect(formatDuration(d.impact!)).toBe("21 min");
  });
});

describe("duration formatting", () => {
  it("keeps the two largest units", () => {
    expect(formatDuration(45_000)).toBe("45 s");
    expect(formatDuration(20 * 60_000)).toBe("20 min");
    expect(formatDuration(2 * 3_600_000)).toBe("2 h");
    expect(formatDuration(3 * 86_400_000)).toBe("3 d");
    expect(formatDuration(-1)).toBe("—");
  });

  it("writes ISO 8601 durations for machines", () => {
    expect(isoDuration(0)).toBe("PT0M");
    expect(isoDuration(26 * 3_600_000)).toBe("P1DT2H");
    expect(isoDuration(86_400_000)).toBe("P1D");
  });
});

describe("time-zone formatting", () => {
  it("shows an instant in the postmortem's zone with the zone's name", () => {
    expect(formatInstant("2016-01-04T20:22:00-08:00", "America/Los_Angeles")).toBe("4 Jan 2016, 20:22 PST");
    expect(formatInstant("2016-01-05T04:22:00Z", "America/Los_Angeles")).toBe("4 Jan 2016, 20:22 PST");
  });

  it("follows daylight saving time", () => {
    expect(formatInstant("2021-07-01T12:00:00Z", "Europe/London")).toBe("1 Jul 2021, 13:00 BST");
    expect(offsetLabel(Date.parse("2021-07-01T12:00:00Z"), "Asia/Tokyo")).toBe("UTC+09:00");
    expect(offsetLabel(Date.parse("2016-01-05T04:22:00Z"), "America/Los_Angeles")).toBe("UTC−08:00");
  });

  it("gives UTC for hover titles and the local calendar day", () => {
    expect(formatUtc("2016-01-04T20:22:00-08:00")).toBe("2016-01-05 04:22 UTC");
    expect(localDate("2016-01-04T20:22:00-08:00", "America/Los_Angeles")).toBe("2016-01-04");
    expect(localDate("2016-01-04T20:22:00-08:00", "UTC")).toBe("2016-01-05");
  });

  it("reads the local day, clock and offset as Intl does, every 7 minutes through daylight-saving changes and odd offsets", () => {
    // Zones with half- and quarter-hour offsets, a half-hour DST shift (Lord Howe) and a date-line jump (Apia, 2011).
    const cases = [
      ["America/Los_Angeles", "2021-03-13T00:00:00Z"],
      ["America/Los_Angeles", "2021-11-06T00:00:00Z"],
      ["Europe/London", "2021-10-30T00:00:00Z"],
      ["Asia/Kathmandu", "2021-06-01T00:00:00Z"],
      ["America/St_Johns", "2021-03-13T00:00:00Z"],
      ["Australia/Lord_Howe", "2021-04-03T00:00:00Z"],
      ["Pacific/Apia", "2011-12-29T00:00:00Z"],
    ] as const;
    for (const [zone, from] of cases) {
      const intl = new Intl.DateTimeFormat("en-CA", {
        timeZone: zone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
      });
      const offset = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" });
      for (let ms = Date.parse(from); ms < Date.parse(from) + 3 * 86_400_000; ms += 7 * 60_000) {
        const iso = new Date(ms).toISOString();
        const part = (type: string) => intl.formatToParts(ms).find((p) => p.type === type)?.value;
        const longOffset = offset.formatToParts(ms).find((p) => p.type === "timeZoneName")?.value;
        expect([zone, iso, localDate(iso, zone), formatClock(iso, zone), offsetLabel(ms, zone)]).toEqual([
          zone,
          iso,
          `${part("year")}-${part("month")}-${part("day")}`,
          `${part("hour")}:${part("minute")}`,
          // Intl writes no offset as "GMT" or, some instants, "GMT+00:00"; the site writes "UTC" for both.
          longOffset === "GMT" || longOffset === "GMT+00:00" ? "UTC" : longOffset!.replace("GMT", "UTC").replace("-", "−"),
        ]);
      }
    }
  });
});
