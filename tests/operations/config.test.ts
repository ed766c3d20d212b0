/**
 * Configuration checked at start: the real server (server.ts, as `npm start` runs it) started with
 * a bad variable stops with exit code 1 and a JSON log line naming the variable and what is
 * expected — never printing its value, which may hold a secret (a password inside DATABASE_URL or
 * SMTP_URL, the session secret, the metrics token).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { projectRoot } from "../support/e2e-server";
import { closedPort } from "../support/pg-sql";

jest.setTimeout(120_000);

const secretPassword = "Zq9-Hunter2-Segreta";

function run(env: Record<string, string | undefined>): Promise<{ code: number | null; output: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "consulta-ops-config-"));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(projectRoot, "server.ts")], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: undefined, SMTP_URL: undefined, NODE_ENV: "production", DATA_DIR: dataDir, PORT: "1", HOST: "127.0.0.1", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.once("error", reject);
    child.once("exit", (code) => {
      clearTimeout(timer);
      fs.rmSync(dataDir, { recursive: true, force: true });
      resolve({ code, output });
    });
  });
}

function jsonLines(output: string): Record<string, unknown>[] {
  return output
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe("configuration validated at start", () => {
  test.each([
    ["a malformed DATABASE_URL", { DATABASE_URL: `postgresql://consulta:${secretPassword}@db host:5432/consulta` }, "DATABASE_URL"],
    ["a DATABASE_URL that is not PostgreSQL", { DATABASE_URL: `mysql://consulta:${secretPassword}@db:3306/consulta` }, "DATABASE_URL"],
    ["a malformed SMTP_URL", { SMTP_URL: `smtp://mailer:${secretPassword}@mail host:587` }, "SMTP_URL"],
    ["a short METRICS_TOKEN", { METRICS_TOKEN: secretPassword }, "METRICS_TOKEN"],
    ["a SHUTDOWN_TIMEOUT_MS that is not a number", { SHUTDOWN_TIMEOUT_MS: secretPassword }, "SHUTDOWN_TIMEOUT_MS"],
    ["a short NEXTAUTH_SECRET", { NEXTAUTH_SECRET: secretPassword }, "NEXTAUTH_SECRET"],
  ])("%s stops the start, naming the variable, without its value", async (_, env, variable) => {
    const { code, output } = await run(env);
    expect(code).toBe(1);
    const lines = jsonLines(output);
    const failure = lines.find((line) => line.level === "error" && String(line.message).startsWith("startup failed"));
    expect(failure).toBeDefined();
    expect(JSON.stringify(failure)).toContain(variable);
    expect(output).not.toContain(secretPassword);
    expect(output).not.toContain("Hunter2");
    expect(output).not.toMatch(/\n\s+at .*server\.ts/);
  });

  test("a well-formed DATABASE_URL whose server does not answer: the start fails without printing the password", async () => {
    const { code, output } = await run({ DATABASE_URL: `postgresql://consulta:${secretPassword}@127.0.0.1:${await closedPort()}/consulta`, NEXTAUTH_SECRET: "x".repeat(40) });
    expect(code).toBe(1);
    expect(jsonLines(output).some((line) => line.level === "error" && String(line.message).startsWith("startup failed"))).toBe(true);
    expect(output).not.toContain(secretPassword);
  });
});
