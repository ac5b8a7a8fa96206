import { defineConfig } from "vitest/config";

/** The long-running property-based suite (`npm run fuzz`, `npm run fuzz:ci`); the default suite replays its regressions. */
export default defineConfig({
  test: {
    include: ["tests/fuzz/**/*.fuzz.ts"],
    testTimeout: 1_800_000,
    maxWorkers: 1,
  },
});
