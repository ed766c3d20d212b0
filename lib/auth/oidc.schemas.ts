import { z } from "zod";
import { emailSchema } from "./auth.schemas";

/**
 * The identity provider's claims (from its verified ID token), as the OIDC sign-in reads them.
 * Only `sub` is required; a malformed email or name counts as absent rather than refusing the person.
 */
const lenient = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

export const oidcClaimsSchema = z
  .object({
    sub: z.string().trim().min(1).max(255),
    email: lenient(emailSchema),
    // Some gateways send "true"/"false" as strings.
    email_verified: z.union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")]).optional().catch(undefined),
    name: lenient(z.string().trim().min(1).transform((value) => value.slice(0, 80))),
  })
  .passthrough();

export type OidcClaims = z.infer<typeof oidcClaimsSchema>;
