import { z } from "zod";
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import { AUTO_HIDE_THRESHOLD } from "./moderation.schemas";

type Db = PrismaClient | Prisma.TransactionClient;

export interface ModerationSettings {
  /** Open reports that put a contribution on hold (PENDING_REVIEW) until a moderator looks. */
  autoHideThreshold: number;
}

/** The stored value: a JSON number (written by set-moderation-settings.ts). */
const storedThreshold = z.number().int().min(AUTO_HIDE_THRESHOLD.min).max(AUTO_HIDE_THRESHOLD.max);

/** The current settings; a missing or malformed value counts as the default. */
export async function readModerationSettings(db: Db): Promise<ModerationSettings> {
  const row = await db.setting.findUnique({ where: { key: AUTO_HIDE_THRESHOLD.key }, select: { value: true } });
  const parsed = storedThreshold.safeParse(row?.value);
  return { autoHideThreshold: parsed.success ? parsed.data : AUTO_HIDE_THRESHOLD.default };
}
