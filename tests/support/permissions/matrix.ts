/** Types of the permission matrix (tests/integration/permission-matrix.test.ts); each module lists its mutations in a file beside this one. */
import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/session";

export type ActorName = "anonymous" | "stakeholder" | "other stakeholder" | "facilitator" | "official" | "admin";
export type Outcome = "allowed" | "UNAUTHENTICATED" | "FORBIDDEN";
/**
 * One mutation, run as `actor`. `owner` is "the stakeholder": the mutation acts on their account or on
 * something they created (arranged inside `run`, e.g. their comment on a fresh open round).
 */
export type Mutation = (db: PrismaClient, actor: Actor | null, owner: Actor) => Promise<unknown>;
export type MutationTable = Record<string, { run: Mutation; expected: Record<ActorName, Outcome> }>;

export const adminOnly: Record<ActorName, Outcome> = { anonymous: "UNAUTHENTICATED", stakeholder: "FORBIDDEN", "other stakeholder": "FORBIDDEN", facilitator: "FORBIDDEN", official: "FORBIDDEN", admin: "allowed" };
export const facilitatorsAndAdmins: Record<ActorName, Outcome> = { ...adminOnly, facilitator: "allowed" };
export const anySignedIn: Record<ActorName, Outcome> = { anonymous: "UNAUTHENTICATED", stakeholder: "allowed", "other stakeholder": "allowed", facilitator: "allowed", official: "allowed", admin: "allowed" };
export const stakeholdersOnly: Record<ActorName, Outcome> = { anonymous: "UNAUTHENTICATED", stakeholder: "allowed", "other stakeholder": "allowed", facilitator: "FORBIDDEN", official: "FORBIDDEN", admin: "FORBIDDEN" };
