import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

const authEnvSchema = z.object({
  NODE_ENV: z.string().optional(),
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().min(1).default(".data"),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters (e.g. `openssl rand -base64 32`)").optional(),
  NEXTAUTH_URL: z.string().optional(),
  PUBLIC_URL: z.string().optional(),
});

/**
 * Start-up check, before the server replaces DATABASE_URL with the embedded one: production against
 * an external database (several instances, a real deployment) must set NEXTAUTH_SECRET.
 */
export function checkAuthEnvironment(source: NodeJS.ProcessEnv = process.env): void {
  const parsed = authEnvSchema.safeParse(source);
  if (!parsed.success) throw new Error(`Invalid environment: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
  const env = parsed.data;
  if (env.NODE_ENV === "production" && env.DATABASE_URL && !env.NEXTAUTH_SECRET) {
    throw new Error("NEXTAUTH_SECRET is required in production with DATABASE_URL: set it to a random value of at least 32 characters (e.g. `openssl rand -base64 32`).");
  }
}

let cached: string | undefined;

/**
 * The key that signs and encrypts session cookies: NEXTAUTH_SECRET, or else one generated once into
 * <DATA_DIR>/auth-secret (0600) so that sessions survive restarts (the embedded default).
 */
export function authSecret(source: NodeJS.ProcessEnv = process.env): string {
  if (cached && source === process.env) return cached;
  const parsed = authEnvSchema.safeParse(source);
  if (!parsed.success) throw new Error(`Invalid environment: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
  const env = parsed.data;
  let secret = env.NEXTAUTH_SECRET;
  if (!secret) {
    secret = readOrCreateSecretFile(path.resolve(env.DATA_DIR, "auth-secret"));
  }
  if (source === process.env) cached = secret;
  return secret;
}

function readOrCreateSecretFile(file: string): string {
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, randomBytes(32).toString("base64url") + "\n", { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error; // another process won the race
  }
  return fs.readFileSync(file, "utf8").trim();
}

/** Secure cookies when the public address is HTTPS. */
export function secureCookies(source: NodeJS.ProcessEnv = process.env): boolean {
  return (source.NEXTAUTH_URL ?? source.PUBLIC_URL ?? "").startsWith("https://");
}
