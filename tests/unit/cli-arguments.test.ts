import { afterEach, describe, expect, it, vi } from "vitest";
import { readArguments } from "../../src/cli/arguments.ts";

const HELP = "Usage: hindsight demo [--out <dir>]";
const options = { out: { type: "string" }, help: { type: "boolean", short: "h" } } as const;

afterEach(() => {
  vi.restoreAllMocks();
});

describe("reading a command's arguments", () => {
  it("gives the parsed options and positionals", () => {
    const parsed = readArguments("demo", HELP, { args: ["--out", "site", "a.mdx"], options, allowPositionals: true });
    expect(parsed).toMatchObject({ values: { out: "site" }, positionals: ["a.mdx"] });
  });

  it("prints the help and exits 0 for --help or -h", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    expect(readArguments("demo", HELP, { args: ["-h"], options })).toBe(0);
    expect(log).toHaveBeenCalledWith(HELP);
  });

  it("names the command and the problem, then shows the help, and exits 2 for an unknown option", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(readArguments("demo", HELP, { args: ["--outt", "x"], options })).toBe(2);
    expect(error).toHaveBeenCalledWith(
      expect.stringMatching(/^hindsight demo: Unknown option '--outt'[\s\S]*\n\nUsage: hindsight demo/),
    );
  });
});
