/** @type {import("jest").Config["transform"]} */
const transform = {
  "^.+\\.(t|j)sx?$": [
    "@swc/jest",
    {
      jsc: {
        parser: { syntax: "typescript", tsx: true },
        transform: { react: { runtime: "automatic" } },
        target: "es2022",
      },
      module: { type: "commonjs" },
    },
  ],
};

const common = {
  transform,
  testEnvironment: "node",
  moduleNameMapper: { "^@/(.*)$": "<rootDir>/$1" },
  roots: ["<rootDir>"],
  modulePathIgnorePatterns: ["<rootDir>/.next/", "<rootDir>/.data/"],
};

/** @type {import("jest").Config} */
const config = {
  reporters: ["default", "<rootDir>/tests/support/closing-line-reporter.cjs"],
  projects: [
    {
      ...common,
      displayName: "unit",
      testMatch: ["<rootDir>/tests/unit/**/*.test.ts?(x)", "<rootDir>/lib/**/*.test.ts?(x)", "<rootDir>/components/**/*.test.ts?(x)"],
    },
    {
      ...common,
      displayName: "integration",
      testMatch: ["<rootDir>/tests/integration/**/*.test.ts"],
      globalSetup: "<rootDir>/tests/support/integration-global-setup.ts",
      globalTeardown: "<rootDir>/tests/support/integration-global-teardown.ts",
    },
    {
      ...common,
      displayName: "e2e",
      testMatch: ["<rootDir>/tests/e2e/**/*.test.ts"],
      globalSetup: "<rootDir>/tests/support/e2e-global-setup.ts",
      globalTeardown: "<rootDir>/tests/support/e2e-global-teardown.ts",
    },
    {
      // Fault and operations tests: real server processes killed, stopped and restarted, each file on
      // its own PostgreSQL (which some of them stop and restart). Last: they reuse the e2e build.
      ...common,
      displayName: "operations",
      testMatch: ["<rootDir>/tests/operations/**/*.test.ts"],
      globalSetup: "<rootDir>/tests/support/operations-global-setup.ts",
    },
  ],
};

export default config;
