import type { PrismaClient } from "@/lib/db/client";

/** Whether a (well-formed, upper-case) join code names a live session: lets the router answer 404 itself (see proxy.ts). */
export async function liveCodeExists(db: PrismaClient, code: string): Promise<boolean> {
  return (await db.liveSession.count({ where: { joinCode: code } })) > 0;
}
