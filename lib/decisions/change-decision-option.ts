import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { lockingTransaction } from "@/lib/rounds/transaction-options";
import { isUniqueViolation } from "./decision-revision";
import { requireDecider } from "./decisions.policy";
import { changeDecisionOptionSchema, parseDecisionsInput } from "./decisions.schemas";

const labelTaken = () => new AppError("CONFLICT", "decisions.errors.labelTaken", {}, { label: "decisions.errors.labelTaken" });
const optionNotFound = () => new AppError("NOT_FOUND", "decisions.errors.optionNotFound");

/**
 * Edits the lists of funding sources and departments (deciders only): add at the end, rename,
 * archive (no longer offered; decisions keep the label they stored), restore, move up or down one
 * place. A label is unique within its list (CONFLICT "decisions.errors.labelTaken"). One transaction
 * holding a lock on the list's kind, audited.
 */
export async function changeDecisionOption(db: PrismaClient, actor: Actor | null, input: unknown, now: Date = new Date()): Promise<{ id: string }> {
  const user = requireDecider(actor);
  const change = parseDecisionsInput(changeDecisionOptionSchema, input);
  try {
    return await db.$transaction(async (tx) => {
      const existing = change.action === "add" ? null : await tx.decisionOption.findUnique({ where: { id: change.id }, select: { id: true, kind: true, label: true, position: true, archivedAt: true } });
      if (change.action !== "add" && !existing) throw optionNotFound();
      const kind = change.action === "add" ? change.kind : existing!.kind;
      // Positions of one list change one at a time.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('consulta.decision-options'), hashtext(${kind}))`;
      if ((change.action === "add" || change.action === "rename") && (await tx.decisionOption.findFirst({ where: { kind, label: change.label, id: { not: existing?.id } }, select: { id: true } }))) {
        throw labelTaken();
      }
      let id: string;
      const audit: Record<string, string | number> = { kind };
      switch (change.action) {
        case "add": {
          const { _max } = await tx.decisionOption.aggregate({ where: { kind }, _max: { position: true } });
          id = (await tx.decisionOption.create({ data: { kind, label: change.label, position: (_max.position ?? 0) + 1 }, select: { id: true } })).id;
          break;
        }
        case "rename":
          id = (await tx.decisionOption.update({ where: { id: existing!.id }, data: { label: change.label }, select: { id: true } })).id;
          break;
        case "archive":
        case "restore":
          id = (await tx.decisionOption.update({ where: { id: existing!.id }, data: { archivedAt: change.action === "archive" ? (existing!.archivedAt ?? now) : null }, select: { id: true } })).id;
          break;
        case "up":
        case "down": {
          const current = await tx.decisionOption.findUniqueOrThrow({ where: { id: existing!.id }, select: { id: true, position: true } });
          const neighbour = await tx.decisionOption.findFirst({
            where: { kind, id: { not: current.id }, position: change.action === "up" ? { lte: current.position } : { gte: current.position } },
            orderBy: [{ position: change.action === "up" ? "desc" : "asc" }],
            select: { id: true, position: true },
          });
          id = current.id;
          if (neighbour) {
            const [a, b] = neighbour.position === current.position ? [current.position + (change.action === "up" ? -1 : 1), current.position] : [neighbour.position, current.position];
            await tx.decisionOption.update({ where: { id: current.id }, data: { position: a } });
            await tx.decisionOption.update({ where: { id: neighbour.id }, data: { position: b } });
          }
          break;
        }
      }
      await tx.auditEvent.create({ data: { actorId: user.userId, action: `decision-option.${change.action}`, entityType: "DecisionOption", entityId: id, data: audit } });
      return { id };
    }, lockingTransaction);
  } catch (error) {
    if (isUniqueViolation(error)) throw labelTaken();
    throw error;
  }
}
