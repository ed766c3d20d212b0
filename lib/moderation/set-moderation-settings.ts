import type { PrismaClient } from "@/lib/db/client";
import { parseInput } from "@/lib/auth/auth.schemas";
import { type Actor, requireRole } from "@/lib/auth/session";
import { recordSettingEvent } from "./moderation-audit";
import { type ModerationSettings, readModerationSettings } from "./moderation-settings";
import { AUTO_HIDE_THRESHOLD, moderationSettingsSchema } from "./moderation.schemas";

/** Admins set how many open reports put a contribution on hold (1–50); audited. */
export async function setModerationSettings(db: PrismaClient, actor: Actor | null, input: unknown): Promise<ModerationSettings> {
  const admin = requireRole(actor, "ADMIN");
  const { autoHideThreshold } = parseInput(moderationSettingsSchema, input);
  return db.$transaction(async (tx) => {
    const before = await readModerationSettings(tx);
    await tx.setting.upsert({
      where: { key: AUTO_HIDE_THRESHOLD.key },
      create: { key: AUTO_HIDE_THRESHOLD.key, value: autoHideThreshold },
      update: { value: autoHideThreshold },
    });
    await recordSettingEvent(tx, { actorId: admin.userId, key: AUTO_HIDE_THRESHOLD.key, from: before.autoHideThreshold, to: autoHideThreshold });
    return { autoHideThreshold };
  });
}

/** What the moderation page shows to facilitators and admins. */
export async function getModerationSettings(db: PrismaClient, actor: Actor | null): Promise<ModerationSettings> {
  requireRole(actor, "FACILITATOR", "ADMIN");
  return readModerationSettings(db);
}
