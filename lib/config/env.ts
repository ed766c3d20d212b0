import { z } from "zod";
import { parseIpRanges } from "@/lib/security/ip-address";

/** The environment the server reads, validated once at start-up. */
export const serverEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  /** A PostgreSQL server to use; when unset an embedded server runs under DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL")
    .refine(parsesAsUrl, "DATABASE_URL is not a valid URL (expected postgresql:// followed by user, password, host, port and database name; percent-encode special characters in the password)")
    .optional(),
  /** Where the embedded PostgreSQL keeps its data. */
  DATA_DIR: z.string().min(1).default(".data"),
  /** The plan document imported on first start when the database holds no plan. */
  SEED_PLAN_FILE: z.string().min(1).default("data/piano-locale-integrato-pisa-2007.txt"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /**
   * Outgoing mail server, smtp://user:pass@host:587 (STARTTLS when offered) or smtps://…:465.
   * When unset, mails are written as .eml files under DATA_DIR/mail. An empty value counts as unset.
   */
  SMTP_URL: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z
      .string()
      .regex(/^smtps?:\/\/[^/]/, "SMTP_URL must be an smtp:// or smtps:// URL")
      .refine(parsesAsUrl, "SMTP_URL is not a valid URL (expected smtp:// or smtps:// followed by user, password, host and port; percent-encode special characters in the password)")
      .optional(),
  ),
  /** Sender of every mail, e.g. "Provincia di Pisa <consulta@example.org>". */
  MAIL_FROM: z.string().min(3).default("Consulta <no-reply@localhost>"),
  /**
   * Reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are believed: comma-separated IPs or
   * CIDR ranges, IPv4 or IPv6 (e.g. "10.0.0.0/8, ::1"). Empty: the socket peer is the client.
   */
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .refine((value) => {
      try {
        parseIpRanges(value);
        return true;
      } catch {
        return false;
      }
    }, "TRUSTED_PROXIES must be a comma-separated list of IP addresses or CIDR ranges"),
  /**
   * Demo accounts on first start (credentials printed and written to DATA_DIR/demo-accounts.txt).
   * Unset: only with the embedded database. "true" also on DATABASE_URL; "false" never.
   */
  DEMO_DATA: z.preprocess((value) => (value === "" ? undefined : value), z.enum(["true", "false"]).optional()).transform((value) => (value === undefined ? undefined : value === "true")),
  /** How often each instance looks for rounds to open or close (each transition still happens once across instances). */
  ROUND_SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  /** How often each instance's mail worker polls the outbox when nothing is due. */
  OUTBOX_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(5_000),
  /**
   * Bearer token for GET /api/metrics (Prometheus). Unset: the endpoint answers 404. At least 32
   * characters (e.g. `openssl rand -hex 32`).
   */
  METRICS_TOKEN: z.preprocess((value) => (value === "" ? undefined : value), z.string().min(32, "METRICS_TOKEN must be at least 32 characters (e.g. `openssl rand -hex 32`)").optional()),
  /** After SIGTERM/SIGINT: how long in-flight requests may take before the process exits anyway (exit code 1). */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  /** The address users reach the app at (e.g. https://consulta.provincia.pi.it); the Origin check uses it. */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
});

export type ServerEnv = z.infer<typeof serverEnvSchema>;

/**
 * The validated environment; a missing or malformed variable stops the start with an error naming
 * it and saying what is expected — never its value (it may be a secret: a password in a URL).
 */
export function readServerEnv(source: NodeJS.ProcessEnv = process.env): ServerEnv {
  const parsed = serverEnvSchema.safeParse(source);
  if (!parsed.success) throw new InvalidEnvironmentError(parsed.error.issues.map((issue) => ({ variable: issue.path.join("."), problem: issue.message })));
  return parsed.data;
}

export class InvalidEnvironmentError extends Error {
  constructor(readonly problems: { variable: string; problem: string }[]) {
    super(`Invalid environment:\n${problems.map(({ variable, problem }) => `  ${variable}: ${problem}`).join("\n")}`);
    this.name = "InvalidEnvironmentError";
  }
}

function parsesAsUrl(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/** Loads ./.env when present (variables already set in the environment win). */
export function loadDotEnv(file = ".env"): void {
  try {
    process.loadEnvFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}
