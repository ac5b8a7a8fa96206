import { describe, expect, test } from "vitest";
import { addMinutes, isZoneStatement, readDuration, readRowTime, rowInstant, statedZone } from "../../src/lib/import/times.ts";

describe("reading the zone a document states", () => {
  test.each([
    ["All times in UTC.", "UTC"],
    ["All times in CET.", "CET"],
    ["Times are in Europe/Copenhagen", "Europe/Copenhagen"],
    ["(all times PST)", "America/Los_Angeles"],
    ["Date and Time in CET", "CET"],
  ])("%s names %s", (text, zone) => {
    expect(statedZone(text)).toBe(zone);
  });

  test("a sentence that mentions time but names no zone states none", () => {
    expect(statedZone("It took some time in the end.")).toBeUndefined();
  });

  test("a paragraph that only states the zone is a zone statement; a longer sentence is not", () => {
    expect(isZoneStatement("All times in UTC.")).toBe(true);
    expect(isZoneStatement("2015-10-21 (all times UTC)")).toBe(true);
    expect(isZoneStatement("All times in UTC, except the customer reports, which were in local time and arrived later.")).toBe(
      false,
    );
  });
});

describe("reading a timeline row's time", () => {
  test.each([
    ["2020-01-21 15:36", { date: "2020-01-21", time: "15:36", approximate: false }],
    ["2024-04-09 8:40", { date: "2024-04-09", time: "08:40", approximate: false }],
    ["~2025-03-03 19:30", { date: "2025-03-03", time: "19:30", approximate: true }],
    ["2020-11-17 10:45~", { date: "2020-11-17", time: "10:45", approximate: true }],
    ["2020-10-06 09:00 - 11:00", { date: "2020-10-06", time: "09:00", approximate: false, until: "11:00" }],
    ["2021-01-05T11:25", { date: "2021-01-05", time: "11:25", approximate: false }],
    ["2021-01-05 11:25 UTC", { date: "2021-01-05", time: "11:25", approximate: false, zone: "UTC" }],
  ])("%s", (cell, expected) => {
    expect(readRowTime(cell)).toEqual(expected);
  });

  test("a clock time alone takes the date stated earlier in the section", () => {
    expect(readRowTime("14:51", "2015-10-21")).toEqual({ date: "2015-10-21", time: "14:51", approximate: false });
    expect(readRowTime("14:51")).toBeUndefined();
  });

  test.each([
    "2019-12-03 --:--",
    "2022-05-?? HH:mm",
    "20202-01-16 12:00",
    "2024-03-13 14:??",
    "2021-02-30 10:00",
    "2021-01-01 25:00",
  ])("%s has no exact time and is not guessed", (cell) => {
    expect(readRowTime(cell)).toBeUndefined();
  });

  const instant = (date: string, time: string, zone: string) => {
    const resolved = rowInstant({ date, time, approximate: false }, zone);
    return resolved.ok ? resolved.iso : resolved.message;
  };

  test("a wall-clock time becomes an instant with the zone's offset on that day", () => {
    expect(instant("2020-01-21", "15:36", "CET")).toBe("2020-01-21T15:36:00+01:00");
    expect(instant("2020-06-09", "12:20", "CET")).toBe("2020-06-09T12:20:00+02:00");
    expect(instant("2021-06-30", "08:32", "UTC")).toBe("2021-06-30T08:32:00+00:00");
  });

  test("a wall-clock time the clocks skipped or repeated in the zone is not guessed", () => {
    expect(instant("2020-03-29", "02:30", "CET")).toContain('"2020-03-29 02:30" never happened in CET');
    expect(instant("2020-10-25", "02:30", "CET")).toContain('"2020-10-25 02:30" happened twice in CET');
  });
});

describe("reading durations from stats", () => {
  test.each([
    ["54 minutes", 54],
    ["19 hours 43 minutes.", 1183],
    ["4 hours 42 minutes", 282],
    ["279 minutes [^3]", 279],
    ["0 minutes", 0],
  ])("%s is %i minutes", (text, minutes) => {
    expect(readDuration(text)).toBe(minutes);
  });

  test.each(["?", "N/A", "a while", ""])("%s is not a duration", (text) => {
    expect(readDuration(text)).toBeUndefined();
  });

  test("adding minutes keeps the zone's offset, across midnight and a change of offset", () => {
    expect(addMinutes("2021-01-05T11:25:00+01:00", 1435, "CET")).toBe("2021-01-06T11:20:00+01:00");
    expect(addMinutes("2020-03-29T01:30:00+01:00", 60, "CET")).toBe("2020-03-29T03:30:00+02:00");
  });
});
