import type { PrismaClient } from "@/lib/db/client";
import { type Actor, requireUser } from "@/lib/auth/session";

/**
 * The signed-in user's own data, as one JSON document (right of access and portability).
 * Every query is scoped to the actor's id: there is no parameter naming another user, so nobody,
 * admins included, can export someone else's data through here.
 */
export const EXPORT_SCHEMA_VERSION = 1;

const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);
// JSON has no bigint; cents and ids as decimal strings lose nothing.
const bigintText = (value: bigint | null): string | null => (value === null ? null : value.toString());

export async function exportOwnData(db: PrismaClient, actor: Actor | null, now = new Date()) {
  const { userId } = requireUser(actor);
  const [user, sessions, comments, votes, proposals, supports, swotEntries, reports, registrations, attendances, auditEvents] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: userId },
      select: {
        email: true, name: true, role: true, locale: true, notificationFrequency: true, emailVerified: true, createdAt: true, lastSignInAt: true,
        profile: { select: { displayName: true, category: true, organisation: true, municipality: true, updatedAt: true } },
        accounts: { select: { provider: true, providerAccountId: true } },
      },
    }),
    db.userSession.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { createdAt: true, lastSeenAt: true, expiresAt: true, revokedAt: true, userAgent: true, ipAddress: true } }),
    db.comment.findMany({
      where: { authorId: userId },
      orderBy: { createdAt: "asc" },
      select: { id: true, roundId: true, measure: { select: { code: true } }, axis: { select: { number: true } }, parentId: true, body: true, moderation: true, createdAt: true, editedAt: true },
    }),
    db.vote.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: {
        id: true, roundId: true, measure: { select: { code: true } }, choice: true, priority: true, channel: true, createdAt: true, updatedAt: true,
        history: { orderBy: { replacedAt: "asc" }, select: { choice: true, priority: true, channel: true, castAt: true, replacedAt: true } },
      },
    }),
    db.proposal.findMany({
      where: { authorId: userId },
      orderBy: { createdAt: "asc" },
      select: {
        id: true, roundId: true, kind: true, measure: { select: { code: true } }, axis: { select: { number: true } }, title: true, proposedText: true, rationale: true,
        proposedTiming: true, proposedBudgetCents: true, proposedFundingSource: true, proposedDepartment: true, tags: true, status: true, answer: true, answeredAt: true,
        moderation: true, createdAt: true, updatedAt: true,
      },
    }),
    db.proposalSupport.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { proposalId: true, createdAt: true } }),
    db.swotEntry.findMany({
      where: { authorId: userId },
      orderBy: { createdAt: "asc" },
      select: { id: true, roundId: true, kind: true, axis: { select: { number: true } }, body: true, tags: true, moderation: true, createdAt: true },
    }),
    db.contentReport.findMany({
      where: { reporterId: userId },
      orderBy: { createdAt: "asc" },
      select: { id: true, commentId: true, proposalId: true, swotEntryId: true, reason: true, status: true, createdAt: true, resolvedAt: true },
    }),
    db.meetingRegistration.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { meetingId: true, createdAt: true, meeting: { select: { title: true, startsAt: true } } } }),
    db.meetingAttendance.findMany({ where: { userId }, orderBy: { joinedAt: "asc" }, select: { meetingId: true, joinedAt: true, meeting: { select: { title: true, startsAt: true } } } }),
    db.auditEvent.findMany({ where: { actorId: userId }, orderBy: { id: "asc" }, select: { id: true, at: true, action: true, entityType: true, entityId: true, data: true } }),
  ]);

  return {
    schemaVersion: EXPORT_SCHEMA_VERSION,
    exportedAt: now.toISOString(),
    account: {
      id: userId,
      email: user.email,
      emailConfirmed: iso(user.emailVerified),
      name: user.name,
      role: user.role,
      locale: user.locale,
      notificationFrequency: user.notificationFrequency,
      created: iso(user.createdAt),
      lastSignIn: iso(user.lastSignInAt),
      profile: user.profile ? { ...user.profile, updatedAt: iso(user.profile.updatedAt) } : null,
      linkedIdentityProviders: user.accounts,
    },
    sessions: sessions.map((s) => ({ created: iso(s.createdAt), lastSeen: iso(s.lastSeenAt), expires: iso(s.expiresAt), revoked: iso(s.revokedAt), userAgent: s.userAgent, ip: s.ipAddress })),
    contributions: {
      comments: comments.map(({ measure, axis, createdAt, editedAt, ...c }) => ({ ...c, measureCode: measure?.code ?? null, axisNumber: axis?.number ?? null, createdAt: iso(createdAt), editedAt: iso(editedAt) })),
      votes: votes.map(({ measure, createdAt, updatedAt, history, ...v }) => ({
        ...v,
        measureCode: measure.code,
        createdAt: iso(createdAt),
        updatedAt: iso(updatedAt),
        history: history.map((h) => ({ ...h, castAt: iso(h.castAt), replacedAt: iso(h.replacedAt) })),
      })),
      proposals: proposals.map(({ measure, axis, proposedBudgetCents, answeredAt, createdAt, updatedAt, ...p }) => ({
        ...p,
        measureCode: measure?.code ?? null,
        axisNumber: axis?.number ?? null,
        proposedBudgetCents: bigintText(proposedBudgetCents),
        answeredAt: iso(answeredAt),
        createdAt: iso(createdAt),
        updatedAt: iso(updatedAt),
      })),
      proposalSupports: supports.map((s) => ({ proposalId: s.proposalId, createdAt: iso(s.createdAt) })),
      swotEntries: swotEntries.map(({ axis, createdAt, ...s }) => ({ ...s, axisNumber: axis?.number ?? null, createdAt: iso(createdAt) })),
      reportsFiled: reports.map(({ createdAt, resolvedAt, ...r }) => ({ ...r, createdAt: iso(createdAt), resolvedAt: iso(resolvedAt) })),
      meetingRegistrations: registrations.map((r) => ({ meetingId: r.meetingId, meetingTitle: r.meeting.title, meetingStartsAt: iso(r.meeting.startsAt), registeredAt: iso(r.createdAt) })),
      meetingAttendances: attendances.map((a) => ({ meetingId: a.meetingId, meetingTitle: a.meeting.title, meetingStartsAt: iso(a.meeting.startsAt), joinedAt: iso(a.joinedAt) })),
    },
    auditEvents: auditEvents.map((e) => ({ id: bigintText(e.id), at: iso(e.at), action: e.action, entityType: e.entityType, entityId: e.entityId, data: e.data })),
  };
}

export type OwnDataExport = Awaited<ReturnType<typeof exportOwnData>>;

/** The download's file name, dated in the Italian calendar day of the export. */
export function exportFileName(now = new Date()): string {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Rome", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
  return `consulta-dati-personali-${day}.json`;
}
