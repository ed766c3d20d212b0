import { z } from "zod";
import type { Role } from "@/lib/db/generated/enums";

/**
 * A generic OpenID Connect identity provider (Keycloak, a CIE/SPID gateway…), configured from the
 * environment. All or nothing: OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together, or none
 * (sign-in through an identity provider is then off). Error messages name variables, never values.
 */
export const OIDC_PROVIDER_ID = "oidc";

export const roleRank: Record<Role, number> = { STAKEHOLDER: 0, FACILITATOR: 1, OFFICIAL: 2, ADMIN: 3 };
const roleNames = Object.keys(roleRank) as Role[];

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  /** The button label ("SPID/CIE", "Keycloak"); null: the translated "identity provider". */
  name: string | null;
  /** Where the roles are in the claims ("groups", "realm_access.roles"); null: roles are not taken from the IdP. */
  roleClaim: string | null;
  /** Claim value → role (exact, case-sensitive match). */
  roleMap: Map<string, Role>;
}

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optionalText = z.preprocess(blankToUndefined, z.string().trim().min(1).optional());

/** "consulta-admin=ADMIN, consulta-funzionari=OFFICIAL" → Map; throws a message naming the bad entry's role, never secrets. */
export function parseRoleMap(value: string): Map<string, Role> {
  const map = new Map<string, Role>();
  for (const entry of value.split(",").map((part) => part.trim()).filter(Boolean)) {
    const separator = entry.lastIndexOf("=");
    const claimValue = separator > 0 ? entry.slice(0, separator).trim() : "";
    const role = separator > 0 ? entry.slice(separator + 1).trim().toUpperCase() : "";
    if (!claimValue || !roleNames.includes(role as Role)) {
      throw new Error(`OIDC_ROLE_MAP: "${entry}" is not <claim value>=<${roleNames.join("|")}>`);
    }
    map.set(claimValue, role as Role);
  }
  return map;
}

const oidcEnvSchema = z
  .object({
    OIDC_ISSUER: z.preprocess(blankToUndefined, z.url({ protocol: /^https?$/, error: "OIDC_ISSUER must be an http(s) URL" }).optional()),
    OIDC_CLIENT_ID: optionalText,
    OIDC_CLIENT_SECRET: optionalText,
    OIDC_SCOPES: z.preprocess(blankToUndefined, z.string().trim().default("openid email profile")),
    OIDC_NAME: z.preprocess(blankToUndefined, z.string().trim().max(60, "OIDC_NAME must be at most 60 characters").optional()),
    OIDC_ROLE_CLAIM: z.preprocess(blankToUndefined, z.string().trim().regex(/^[^.\s]+(\.[^.\s]+)*$/, "OIDC_ROLE_CLAIM must be a claim name or a dotted path").optional()),
    OIDC_ROLE_MAP: z.preprocess(blankToUndefined, z.string().optional()),
    PUBLIC_URL: z.preprocess(blankToUndefined, z.string().optional()),
  })
  .superRefine((env, ctx) => {
    const core = { OIDC_ISSUER: env.OIDC_ISSUER, OIDC_CLIENT_ID: env.OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: env.OIDC_CLIENT_SECRET };
    const present = Object.entries(core).filter(([, value]) => value !== undefined);
    const others = ["OIDC_NAME", "OIDC_ROLE_CLAIM", "OIDC_ROLE_MAP"].filter((key) => env[key as keyof typeof env] !== undefined);
    if (present.length === 0) {
      if (others.length) ctx.addIssue({ code: "custom", path: ["OIDC_ISSUER"], message: `${others.join(", ")} set but OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are not: set all three to enable the identity provider` });
      return;
    }
    for (const [key, value] of Object.entries(core)) {
      if (value === undefined) ctx.addIssue({ code: "custom", path: [key], message: `${key} is missing: OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET go together` });
    }
    if (!env.PUBLIC_URL) ctx.addIssue({ code: "custom", path: ["PUBLIC_URL"], message: "PUBLIC_URL is required with OIDC_ISSUER: the identity provider sends people back to <PUBLIC_URL>/api/auth/callback/oidc" });
    if (!env.OIDC_SCOPES.split(/\s+/).includes("openid")) ctx.addIssue({ code: "custom", path: ["OIDC_SCOPES"], message: 'OIDC_SCOPES must include "openid"' });
    if (env.OIDC_ROLE_MAP !== undefined && env.OIDC_ROLE_CLAIM === undefined) ctx.addIssue({ code: "custom", path: ["OIDC_ROLE_MAP"], message: "OIDC_ROLE_MAP needs OIDC_ROLE_CLAIM (the claim that holds the roles)" });
    if (env.OIDC_ROLE_MAP !== undefined) {
      try {
        parseRoleMap(env.OIDC_ROLE_MAP);
      } catch (error) {
        ctx.addIssue({ code: "custom", path: ["OIDC_ROLE_MAP"], message: (error as Error).message });
      }
    }
  });

/** The identity provider's configuration, or null when none is configured; throws on a partial or invalid one. */
export function readOidcConfig(source: Record<string, string | undefined> = process.env): OidcConfig | null {
  const parsed = oidcEnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".") || "OIDC"}: ${issue.message}`);
    throw new Error(`Invalid identity provider (OIDC) configuration:\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) return null;
  return {
    issuer: env.OIDC_ISSUER.replace(/\/+$/, ""),
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    scopes: env.OIDC_SCOPES.split(/\s+/).filter(Boolean).join(" "),
    name: env.OIDC_NAME ?? null,
    roleClaim: env.OIDC_ROLE_CLAIM ?? null,
    roleMap: env.OIDC_ROLE_MAP ? parseRoleMap(env.OIDC_ROLE_MAP) : new Map(),
  };
}

/**
 * The values of a claim, by name or dotted path ("realm_access.roles"): a string, an array of strings
 * or a space/comma-separated string all give a list; anything else gives [].
 */
export function claimValues(claims: Record<string, unknown>, path: string): string[] {
  let value: unknown = Object.hasOwn(claims, path) ? claims[path] : undefined;
  if (value === undefined) {
    value = claims;
    for (const segment of path.split(".")) {
      if (!value || typeof value !== "object" || Array.isArray(value) || !Object.hasOwn(value, segment)) return [];
      value = (value as Record<string, unknown>)[segment];
    }
  }
  if (typeof value === "string") return value.split(/[\s,]+/).filter(Boolean);
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string");
  return [];
}

/**
 * The role the IdP's claims give: the highest mapped one (ADMIN > OFFICIAL > FACILITATOR > STAKEHOLDER),
 * STAKEHOLDER when none maps; null when roles are not taken from the IdP (no OIDC_ROLE_CLAIM).
 */
export function roleFromClaims(config: Pick<OidcConfig, "roleClaim" | "roleMap">, claims: Record<string, unknown>): Role | null {
  if (!config.roleClaim) return null;
  let best: Role = "STAKEHOLDER";
  for (const value of claimValues(claims, config.roleClaim)) {
    const role = config.roleMap.get(value) ?? (value.startsWith("/") ? config.roleMap.get(value.slice(1)) : undefined);
    if (role && roleRank[role] > roleRank[best]) best = role;
  }
  return best;
}

/**
 * The identity provider's origin, for the pages' CSP form-action: the "sign in with…" form's
 * server action redirects to the IdP's authorization endpoint (assumed on the issuer's origin).
 */
export function oidcFormActionOrigins(source: Record<string, string | undefined> = process.env): string[] {
  if (!source.OIDC_ISSUER || !source.OIDC_CLIENT_ID || !source.OIDC_CLIENT_SECRET) return [];
  try {
    return [new URL(source.OIDC_ISSUER).origin];
  } catch {
    return [];
  }
}
