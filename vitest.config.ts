import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "~db": path.resolve(import.meta.dirname, "db"),
      "~": path.resolve(import.meta.dirname, "app"),
    },
  },
  test: {
    include: ["tests/{unit,integration,security}/**/*.test.ts"],
    setupFiles: ["tests/setup/database.ts"],
    // Each test file gets its own fresh, migrated SQLite file.
    isolate: true,
    pool: "forks",
    testTimeout: 20_000,
    // Loading the demo world in a beforeAll takes a few seconds, more on a busy machine.
    hookTimeout: 60_000,
  },
});
