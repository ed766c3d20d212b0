import { claimValues, oidcFormActionOrigins, parseRoleMap, readOidcConfig, roleFromClaims } from "@/lib/auth/oidc-config";
import { buildContentSecurityPolicy } from "@/lib/security/content-security-policy";
import { oidcClaimsSchema } from "@/lib/auth/oidc.schemas";
import { flowLocale, safeReturnPath } from "@/lib/web/auth";

const full = {
  OIDC_ISSUER: "https://idp.example.org/realms/provincia/",
  OIDC_CLIENT_ID: "consulta",
  OIDC_CLIENT_SECRET: "s3cr3t-value-never-printed",
  PUBLIC_URL: "https://consulta.example.org",
};

function errorOf(env: Record<string, string | undefined>): string {
  try {
    readOidcConfig(env);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected the configuration to be refused");
}

describe("readOidcConfig", () => {
  test("nothing set: no identity provider", () => {
    expect(readOidcConfig({})).toBeNull();
    expect(readOidcConfig({ OIDC_ISSUER: "", OIDC_CLIENT_ID: " ", OIDC_CLIENT_SECRET: "" })).toBeNull();
  });

  test("the three together: defaults for the rest, issuer without trailing slash", () => {
    expect(readOidcConfig(full)).toEqual({
      issuer: "https://idp.example.org/realms/provincia",
      clientId: "consulta",
      clientSecret: "s3cr3t-value-never-printed",
      scopes: "openid email profile",
      name: null,
      roleClaim: null,
      roleMap: new Map(),
    });
  });

  test.each([
    ["OIDC_CLIENT_SECRET", { ...full, OIDC_CLIENT_SECRET: undefined }],
    ["OIDC_CLIENT_ID", { ...full, OIDC_CLIENT_ID: "" }],
    ["OIDC_ISSUER", { ...full, OIDC_ISSUER: undefined }],
  ])("a partial configuration names the missing %s and never prints the secret", (missing, env) => {
    const message = errorOf(env);
    expect(message).toContain(`${missing} is missing`);
    expect(message).not.toContain("s3cr3t-value-never-printed");
  });

  test("other OIDC_* variables without the three are an error too", () => {
    expect(errorOf({ OIDC_NAME: "Keycloak" })).toContain("OIDC_NAME set but OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are not");
  });

  test("invalid values: issuer not a URL, no openid scope, map without claim, no PUBLIC_URL", () => {
    expect(errorOf({ ...full, OIDC_ISSUER: "idp.example.org" })).toContain("OIDC_ISSUER must be an http(s) URL");
    expect(errorOf({ ...full, OIDC_SCOPES: "email profile" })).toContain('OIDC_SCOPES must include "openid"');
    expect(errorOf({ ...full, OIDC_ROLE_MAP: "a=ADMIN" })).toContain("OIDC_ROLE_MAP needs OIDC_ROLE_CLAIM");
    expect(errorOf({ ...full, PUBLIC_URL: undefined })).toContain("PUBLIC_URL is required with OIDC_ISSUER");
    expect(errorOf({ ...full, OIDC_ROLE_CLAIM: "groups", OIDC_ROLE_MAP: "consulta-admin=KING" })).toContain('"consulta-admin=KING" is not <claim value>=<');
  });

  test("name, scopes, role claim and map", () => {
    const config = readOidcConfig({
      ...full,
      OIDC_NAME: "SPID/CIE",
      OIDC_SCOPES: "openid  email profile groups",
      OIDC_ROLE_CLAIM: "realm_access.roles",
      OIDC_ROLE_MAP: "consulta-admin=ADMIN, consulta-facilitatori=facilitator,consulta-funzionari=OFFICIAL",
    });
    expect(config).toMatchObject({ name: "SPID/CIE", scopes: "openid email profile groups", roleClaim: "realm_access.roles" });
    expect([...config!.roleMap]).toEqual([
      ["consulta-admin", "ADMIN"],
      ["consulta-facilitatori", "FACILITATOR"],
      ["consulta-funzionari", "OFFICIAL"],
    ]);
  });
});

describe("parseRoleMap", () => {
  test("empty entries are ignored, spaces trimmed, roles case-insensitive", () => {
    expect([...parseRoleMap(" a = admin ,, b=OFFICIAL,")]).toEqual([["a", "ADMIN"], ["b", "OFFICIAL"]]);
  });
  test("a value with '=' keeps everything before the last '='", () => {
    expect([...parseRoleMap("ou=groups=ADMIN")]).toEqual([["ou=groups", "ADMIN"]]);
  });
  test("entries without a role are refused", () => {
    expect(() => parseRoleMap("consulta-admin")).toThrow("OIDC_ROLE_MAP");
    expect(() => parseRoleMap("=ADMIN")).toThrow("OIDC_ROLE_MAP");
  });
});

describe("claimValues", () => {
  const claims = { groups: ["a", "b", 3], roles: "x y,z", realm_access: { roles: ["r1", "r2"] }, "dotted.name": ["literal"], nested: { deep: { role: "d" } }, empty: null };
  test.each([
    ["groups", ["a", "b"]],
    ["roles", ["x", "y", "z"]],
    ["realm_access.roles", ["r1", "r2"]],
    ["dotted.name", ["literal"]],
    ["nested.deep.role", ["d"]],
    ["missing", []],
    ["empty", []],
    ["realm_access.missing", []],
    ["groups.length", []],
    ["__proto__.toString", []],
  ])("%s", (path, expected) => {
    expect(claimValues(claims, path)).toEqual(expected);
  });
});

describe("roleFromClaims", () => {
  const config = { roleClaim: "groups", roleMap: parseRoleMap("consulta-admin=ADMIN,consulta-facilitatori=FACILITATOR,consulta-funzionari=OFFICIAL") };
  test("the highest mapped role wins", () => {
    expect(roleFromClaims(config, { groups: ["consulta-facilitatori", "consulta-admin", "consulta-funzionari"] })).toBe("ADMIN");
    expect(roleFromClaims(config, { groups: ["consulta-facilitatori", "consulta-funzionari"] })).toBe("OFFICIAL");
    expect(roleFromClaims(config, { groups: "consulta-facilitatori" })).toBe("FACILITATOR");
  });
  test("Keycloak's full group paths (/name) match too", () => {
    expect(roleFromClaims(config, { groups: ["/consulta-funzionari"] })).toBe("OFFICIAL");
  });
  test("nothing mapped: STAKEHOLDER (the IdP is authoritative); no role claim configured: null", () => {
    expect(roleFromClaims(config, { groups: ["other"] })).toBe("STAKEHOLDER");
    expect(roleFromClaims(config, {})).toBe("STAKEHOLDER");
    expect(roleFromClaims({ roleClaim: null, roleMap: new Map() }, { groups: ["consulta-admin"] })).toBeNull();
  });
});

describe("oidcClaimsSchema", () => {
  test("sub required; bad email or name count as absent; string booleans accepted", () => {
    expect(oidcClaimsSchema.safeParse({}).success).toBe(false);
    expect(oidcClaimsSchema.parse({ sub: "abc", email: "not an email", email_verified: "true", name: 42 })).toEqual({ sub: "abc", email: undefined, email_verified: true, name: undefined });
    expect(oidcClaimsSchema.parse({ sub: "abc", email: " Anna@Example.IT ", email_verified: false })).toMatchObject({ email: "anna@example.it", email_verified: false });
  });
});

describe("return path and flow language", () => {
  test("only same-origin paths", () => {
    expect(safeReturnPath("/en/account")).toBe("/en/account");
    for (const bad of ["//evil.example", "https://evil.example/", "/\\evil.example", "account", "/a b", null, 3]) expect(safeReturnPath(bad)).toBeNull();
  });
  test("English when the flow returns to an /en page", () => {
    expect(flowLocale("http://127.0.0.1:3000/en/account")).toBe("en");
    expect(flowLocale("/en")).toBe("en");
    expect(flowLocale("http://127.0.0.1:3000/account")).toBe("it");
    expect(flowLocale("/english")).toBe("it");
    expect(flowLocale(undefined)).toBe("it");
  });
});

describe("CSP form-action for the identity provider", () => {
  test("the issuer's origin when configured, nothing otherwise", () => {
    expect(oidcFormActionOrigins(full)).toEqual(["https://idp.example.org"]);
    expect(oidcFormActionOrigins({ ...full, OIDC_CLIENT_SECRET: "" })).toEqual([]);
    expect(oidcFormActionOrigins({})).toEqual([]);
    expect(buildContentSecurityPolicy({ nonce: "n", formActionOrigins: oidcFormActionOrigins(full) })).toContain("form-action 'self' https://idp.example.org;");
    expect(buildContentSecurityPolicy({ nonce: "n" })).toContain("form-action 'self';");
  });
});
