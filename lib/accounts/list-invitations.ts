import type { PrismaClient } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import { type Actor, requireRole } from "@/lib/auth/session";
import { parseInput } from "@/lib/auth/auth.schemas";
import { INVITATIONS_PAGE_SIZE, invitationsQuerySchema } from "./accounts.schemas";

export type InvitationStatus = "pending" | "accepted" | "expired" | "revoked";

export interface InvitationRow {
  id: string;
  email: string;
  role: Role;
  status: InvitationStatus;
  invitedBy: string | null;
  createdAt: Date;
  expiresAt: Date;
}

export interface InvitationsPage {
  invitations: InvitationRow[];
  total: number;
  page: number;
  pageCount: number;
}

export function invitationStatus(row: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now = new Date()): InvitationStatus {
  if (row.acceptedAt) return "accepted";
  if (row.revokedAt) return "revoked";
  return row.expiresAt <= now ? "expired" : "pending";
}

/** Admin only: one page of invitations, newest first, each with its status. */
export async function listInvitations(db: PrismaClient, actor: Actor | null, query: unknown): Promise<InvitationsPage> {
  requireRole(actor, "ADMIN");
  const { pagina } = parseInput(invitationsQuerySchema, query);
  const [total, rows] = await db.$transaction([
    db.invitation.count(),
    db.invitation.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (pagina - 1) * INVITATIONS_PAGE_SIZE,
      take: INVITATIONS_PAGE_SIZE,
      select: {
        id: true, email: true, role: true, acceptedAt: true, revokedAt: true, expiresAt: true, createdAt: true,
        invitedBy: { select: { email: true, name: true, profile: { select: { displayName: true } } } },
      },
    }),
  ]);
  const now = new Date();
  return {
    invitations: rows.map((row) => ({
      id: row.id,
      email: row.email,
      role: row.role,
      status: invitationStatus(row, now),
      invitedBy: row.invitedBy ? (row.invitedBy.profile?.displayName ?? row.invitedBy.name ?? row.invitedBy.email) : null,
      createdAt: row.createdAt,
      expiresAt: row.expiresAt,
    })),
    total,
    page: pagina,
    pageCount: Math.max(1, Math.ceil(total / INVITATIONS_PAGE_SIZE)),
  };
}
