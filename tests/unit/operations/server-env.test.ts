import { InvalidEnvironmentError, readServerEnv as readEnv } from "@/lib/config/env";

const readServerEnv = (values: Record<string, string>) => readEnv(values as NodeJS.ProcessEnv);

function problemsOf(env: Record<string, string>): InvalidEnvironmentError {
  try {
    readServerEnv(env);
  } catch (error) {
    if (error instanceof InvalidEnvironmentError) return error;
    throw error;
  }
  throw new Error("expected an invalid environment");
}

describe("server environment", () => {
  test("defaults: no metrics token, a 10 s shutdown bound", () => {
    const defaults = readServerEnv({});
    expect([defaults.METRICS_TOKEN, defaults.SHUTDOWN_TIMEOUT_MS]).toEqual([undefined, 10_000]);
    const set = readServerEnv({ METRICS_TOKEN: "", SHUTDOWN_TIMEOUT_MS: "2500" });
    expect([set.METRICS_TOKEN, set.SHUTDOWN_TIMEOUT_MS]).toEqual([undefined, 2500]);
    expect(readServerEnv({ METRICS_TOKEN: "m".repeat(32) }).METRICS_TOKEN).toBe("m".repeat(32));
  });

  test("a malformed variable is named with what is expected, never with its value", () => {
    const secrets = {
      DATABASE_URL: "postgresql://consulta:p@ss w0rd%zz@db host/consulta",
      SMTP_URL: "smtp://mailer:Sm7p-Secret@@mail host:587",
      METRICS_TOKEN: "short-metrics-secret",
      SHUTDOWN_TIMEOUT_MS: "soon",
      PORT: "99999",
    };
    const error = problemsOf(secrets);
    expect(error.problems.map((problem) => problem.variable).sort()).toEqual(["DATABASE_URL", "METRICS_TOKEN", "PORT", "SHUTDOWN_TIMEOUT_MS", "SMTP_URL"]);
    for (const value of Object.values(secrets)) expect(error.message).not.toContain(value);
    for (const fragment of ["p@ss", "w0rd", "Sm7p-Secret", "short-metrics-secret", "soon", "99999"]) expect(error.message).not.toContain(fragment);
    expect(error.message).toContain("METRICS_TOKEN must be at least 32 characters");
  });
});
