import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/session";
import { requireDecider } from "@/lib/decisions/decisions.policy";
import { AppError } from "@/lib/errors/app-error";
import { parseParticipationInput } from "@/lib/participation/parse-input";
import { progressUpdateSchema } from "./accountability.schemas";

export interface RecordedProgressUpdate {
  id: string;
  measureId: string;
  createdAt: Date;
}

/**
 * An official (or admin) writes a dated, public update on a measure's implementation: its status
 * and progress from now on (the latest update wins). The measure must be in its plan's current
 * published revision (else NOT_FOUND: retired measures and unknown ids alike). The update and its
 * audit event (ids, status, percentage: no personal data) are written in one transaction.
 */
export async function recordProgressUpdate(db: PrismaClient, actor: Actor | null, input: unknown): Promise<RecordedProgressUpdate> {
  const user = requireDecider(actor);
  const update = parseParticipationInput(progressUpdateSchema, input, "accountability");
  return db.$transaction(async (tx) => {
    const measure = await tx.measure.findFirst({
      where: { id: update.measureId, plan: { currentRevision: { status: "PUBLISHED", measureVersions: { some: { measureId: update.measureId } } } } },
      select: { id: true, code: true, planId: true, plan: { select: { currentRevisionId: true } } },
    });
    if (!measure) throw new AppError("NOT_FOUND", "accountability.errors.measureNotFound");
    const created = await tx.progressUpdate.create({
      data: { measureId: measure.id, status: update.status, progressPercent: update.progressPercent, text: update.text, authorId: user.userId },
      select: { id: true, measureId: true, createdAt: true },
    });
    await tx.auditEvent.create({
      data: {
        actorId: user.userId,
        action: "progress.updated",
        entityType: "Measure",
        entityId: measure.id,
        data: { planId: measure.planId, revisionId: measure.plan.currentRevisionId, code: measure.code, updateId: created.id, status: update.status, progressPercent: update.progressPercent },
      },
    });
    return created;
  });
}
