import type { PrismaClient } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { ModerationState, SwotKind } from "@/lib/db/generated/enums";
import type { Actor } from "@/lib/auth/session";
import { type RoundContext, loadRoundContext } from "@/lib/proposals/round-context";
import { SWOT_PER_KIND, swotKinds, swotQuerySchema } from "./swot.schemas";

export interface SwotEntryView {
  id: string;
  kind: SwotKind;
  axis: { id: string; number: number } | null;
  body: string;
  moderation: ModerationState;
  hiddenReason: string | null;
  /** null when the author erased their account. */
  authorName: string | null;
  createdAt: Date;
  isOwn: boolean;
}

export interface SwotBoard {
  round: RoundContext;
  axisNumber: number | null;
  /** Per kind: the newest entries (at most SWOT_PER_KIND) and how many there are in all. */
  groups: { kind: SwotKind; total: number; entries: SwotEntryView[] }[];
}

/** A round's SWOT observations grouped by kind, newest first, optionally of one axis. Public. */
export async function listSwotEntries(db: PrismaClient, actor: Actor | null, roundId: string, query: unknown, { perKind = SWOT_PER_KIND }: { perKind?: number } = {}): Promise<SwotBoard> {
  const round = await loadRoundContext(db, roundId);
  const parsed = swotQuerySchema.safeParse(query ?? {});
  const axisNumber = parsed.success ? (parsed.data.asse ?? null) : null;
  const where: Prisma.SwotEntryWhereInput = { roundId: round.id, ...(axisNumber ? { axis: { planId: round.plan.id, number: axisNumber } } : {}) };
  const take = Math.min(Math.max(0, perKind), 500);
  const groups = await Promise.all(
    swotKinds.map(async (kind) => {
      const [total, rows] = await Promise.all([
        db.swotEntry.count({ where: { ...where, kind } }),
        take === 0
          ? Promise.resolve([])
          : db.swotEntry.findMany({
              where: { ...where, kind },
              orderBy: [{ createdAt: "desc" }, { id: "desc" }],
              take,
              select: {
                id: true,
                kind: true,
                body: true,
                moderation: true,
                hiddenReason: true,
                createdAt: true,
                authorId: true,
                axis: { select: { id: true, number: true } },
                author: { select: { erasedAt: true, name: true, profile: { select: { displayName: true } } } },
              },
            }),
      ]);
      const entries = rows.map(({ author, authorId, ...rest }) => ({
        ...rest,
        authorName: author.erasedAt ? null : (author.profile?.displayName ?? author.name ?? null),
        isOwn: actor !== null && authorId === actor.userId,
      }));
      return { kind, total, entries };
    }),
  );
  return { round, axisNumber, groups };
}
