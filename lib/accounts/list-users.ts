import type { PrismaClient } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { Role, StakeholderCategory } from "@/lib/db/generated/enums";
import { type Actor, requireRole } from "@/lib/auth/session";
import { parseInput } from "@/lib/auth/auth.schemas";
import { USERS_PAGE_SIZE, usersQuerySchema } from "./accounts.schemas";

export type UserStatus = "active" | "unconfirmed" | "disabled" | "erased";

export interface UserRow {
  id: string;
  displayName: string | null;
  email: string | null;
  role: Role;
  category: StakeholderCategory | null;
  confirmed: boolean;
  lastSignInAt: Date | null;
  status: UserStatus;
}

export interface UsersPage {
  users: UserRow[];
  total: number;
  page: number;
  pageCount: number;
  q: string;
}

/** Admin only: one page of users, oldest first, optionally filtered by email or name (case-insensitive). */
export async function listUsers(db: PrismaClient, actor: Actor | null, query: unknown): Promise<UsersPage> {
  requireRole(actor, "ADMIN");
  const { q, pagina } = parseInput(usersQuerySchema, query);
  const contains = { contains: q, mode: "insensitive" } as const;
  const where: Prisma.UserWhereInput = q ? { OR: [{ email: contains }, { name: contains }, { profile: { displayName: contains } }] } : {};
  const [total, rows] = await db.$transaction([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: (pagina - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
      select: { id: true, email: true, name: true, role: true, emailVerified: true, lastSignInAt: true, disabledAt: true, erasedAt: true, profile: { select: { displayName: true, category: true } } },
    }),
  ]);
  return {
    users: rows.map((row) => ({
      id: row.id,
      displayName: row.profile?.displayName ?? row.name,
      email: row.email,
      role: row.role,
      category: row.profile?.category ?? null,
      confirmed: row.emailVerified !== null,
      lastSignInAt: row.lastSignInAt,
      status: row.erasedAt ? "erased" : row.disabledAt ? "disabled" : row.emailVerified ? "active" : "unconfirmed",
    })),
    total,
    page: pagina,
    pageCount: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)),
    q,
  };
}
