import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { authSecret, checkAuthEnvironment, secureCookies } from "@/lib/auth/secret";

const env = (values: Record<string, string>) => values as unknown as NodeJS.ProcessEnv;

describe("auth secret", () => {
  test("generated once into DATA_DIR/auth-secret with mode 0600, then reused", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "consulta-secret-"));
    try {
      const first = authSecret(env({ DATA_DIR: dir }));
      expect(first.length).toBeGreaterThanOrEqual(32);
      expect(fs.statSync(path.join(dir, "auth-secret")).mode & 0o777).toBe(0o600);
      expect(authSecret(env({ DATA_DIR: dir }))).toBe(first);
      expect(authSecret(env({ DATA_DIR: dir, NEXTAUTH_SECRET: "s".repeat(40) }))).toBe("s".repeat(40));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("production with DATABASE_URL requires NEXTAUTH_SECRET", () => {
    expect(() => checkAuthEnvironment(env({ NODE_ENV: "production", DATABASE_URL: "postgresql://x/y" }))).toThrow(/NEXTAUTH_SECRET is required/);
    expect(() => checkAuthEnvironment(env({ NODE_ENV: "production" }))).not.toThrow();
    expect(() => checkAuthEnvironment(env({ NODE_ENV: "production", DATABASE_URL: "postgresql://x/y", NEXTAUTH_SECRET: "short" }))).toThrow(/at least 32/);
  });

  test("secure cookies under an https public address", () => {
    expect(secureCookies(env({ PUBLIC_URL: "https://consulta.example.it" }))).toBe(true);
    expect(secureCookies(env({}))).toBe(false);
  });
});
