/**
 * Reports and moderation against PostgreSQL: who may report what, one report per person even when
 * sent at the same moment, auto-hold at the threshold, hide / restore / dismiss with their audit and
 * notification rows, the queue, the setting, and the refusals.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { ContributionBody } from "@/components/participation/contribution-body";
import type { Actor } from "@/lib/auth/session";
import { createTranslator } from "@/lib/i18n/translate";
import { dismissReports } from "@/lib/moderation/dismiss-reports";
import { hideContribution } from "@/lib/moderation/hide-contribution";
import { listModerationQueue } from "@/lib/moderation/list-moderation-queue";
import { MODERATION_PAGE_SIZE } from "@/lib/moderation/moderation.schemas";
import { reportContribution } from "@/lib/moderation/report-contribution";
import { restoreContribution } from "@/lib/moderation/restore-contribution";
import { setModerationSettings } from "@/lib/moderation/set-moderation-settings";
import { signedInUser } from "../support/auth-factory";
import { createComment, createProposal, createSwotEntry, type TestContribution } from "../support/moderation-factory";
import { databaseForThisFile } from "../support/test-database";

jest.setTimeout(120_000);
const db = databaseForThisFile();

const reason = "Contiene insulti personali.";
const target = ({ type, id }: TestContribution) => ({ type, id });
const report = (actor: Actor | null, contribution: TestContribution, text = reason) => reportContribution(db.prisma, actor, { ...target(contribution), reason: text });
const stakeholders = (n: number) => Promise.all(Array.from({ length: n }, () => signedInUser(db.prisma, "STAKEHOLDER")));

async function moderationOf({ type, id }: TestContribution) {
  const select = { moderation: true, hiddenReason: true } as const;
  if (type === "comment") return db.prisma.comment.findUniqueOrThrow({ where: { id }, select });
  if (type === "proposal") return db.prisma.proposal.findUniqueOrThrow({ where: { id }, select });
  return db.prisma.swotEntry.findUniqueOrThrow({ where: { id }, select });
}
const auditOf = (id: string, action: string) => db.prisma.auditEvent.findMany({ where: { entityId: id, action }, orderBy: { id: "asc" } });

let author: Actor;
let facilitator: Actor;
let admin: Actor;

beforeAll(async () => {
  author = await signedInUser(db.prisma, "STAKEHOLDER");
  facilitator = await signedInUser(db.prisma, "FACILITATOR");
  admin = await signedInUser(db.prisma, "ADMIN");
});

describe("reporting", () => {
  test("anyone signed in reports someone else's comment, proposal or SWOT entry; the report is stored and audited", async () => {
    const [reporter] = await stakeholders(1);
    for (const contribution of [await createComment(db.prisma, author.userId), await createProposal(db.prisma, author.userId), await createSwotEntry(db.prisma, author.userId)]) {
      const outcome = await report(reporter!, contribution, "  Pubblicità \r\n di un'azienda  ");
      expect(outcome).toMatchObject({ openReports: 1, heldForReview: false });
      const column = { comment: "commentId", proposal: "proposalId", swot: "swotEntryId" }[contribution.type];
      expect(await db.prisma.contentReport.findUniqueOrThrow({ where: { id: outcome.reportId } })).toMatchObject({
        reporterId: reporter!.userId,
        [column]: contribution.id,
        reason: "Pubblicità \n di un'azienda",
        status: "OPEN",
        resolvedById: null,
      });
      expect(await auditOf(contribution.id, "moderation.reported")).toEqual([expect.objectContaining({ actorId: reporter!.userId, data: { reportId: outcome.reportId, openReports: 1 } })]);
      expect((await moderationOf(contribution)).moderation).toBe("VISIBLE");
    }
    // Staff report too.
    await expect(report(facilitator, await createComment(db.prisma, author.userId))).resolves.toMatchObject({ openReports: 1 });
  });

  test("one's own contribution, an unknown one, a missing or overlong reason, extra fields and visitors are refused, and nothing is stored", async () => {
    const comment = await createComment(db.prisma, author.userId);
    const [reporter] = await stakeholders(1);
    await expect(report(author, comment)).rejects.toMatchObject({ code: "FORBIDDEN", messageKey: "moderation.errors.ownContribution" });
    await expect(report(reporter!, { ...comment, id: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(report(reporter!, comment, "   ")).rejects.toMatchObject({ code: "VALIDATION", details: { reason: "participation.text.required" } });
    await expect(report(reporter!, comment, "x".repeat(1001))).rejects.toMatchObject({ code: "VALIDATION", details: { reason: "participation.text.tooLong" } });
    await expect(reportContribution(db.prisma, reporter!, { ...target(comment), reason, status: "UPHELD" })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(reportContribution(db.prisma, reporter!, { type: "vote", id: comment.id, reason })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(report(null, comment)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await db.prisma.contentReport.count({ where: { commentId: comment.id } })).toBe(0);
    // The longest allowed reason is fine.
    await expect(report(reporter!, comment, "x".repeat(1000))).resolves.toMatchObject({ openReports: 1 });
  });

  test("a second report by the same person is a CONFLICT, also after the first was dismissed", async () => {
    const comment = await createComment(db.prisma, author.userId);
    const [reporter] = await stakeholders(1);
    await report(reporter!, comment);
    await expect(report(reporter!, comment, "Altro motivo")).rejects.toMatchObject({ code: "CONFLICT", messageKey: "moderation.errors.alreadyReported" });
    await dismissReports(db.prisma, facilitator, target(comment));
    await expect(report(reporter!, comment)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.prisma.contentReport.count({ where: { commentId: comment.id } })).toBe(1);
    expect(await auditOf(comment.id, "moderation.reported")).toHaveLength(1);
  });

  test("20 simultaneous reports by one person leave one report and answer CONFLICT to the others, never a server error", async () => {
    const comment = await createComment(db.prisma, author.userId);
    const [reporter] = await stakeholders(1);
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, n) => report(reporter!, comment, `Motivo ${n}`)));
    const fulfilled = results.filter((result) => result.status === "fulfilled");
    const rejected = results.flatMap((result) => (result.status === "rejected" ? [result.reason as { code?: string }] : []));
    expect(fulfilled).toHaveLength(1);
    expect(rejected.map((error) => error.code)).toEqual(Array(19).fill("CONFLICT"));
    expect(await db.prisma.contentReport.count({ where: { commentId: comment.id } })).toBe(1);
  });

  test("a hidden contribution cannot be reported again", async () => {
    const comment = await createComment(db.prisma, author.userId);
    await hideContribution(db.prisma, facilitator, { ...target(comment), reason: "Offensivo" });
    const [reporter] = await stakeholders(1);
    await expect(report(reporter!, comment)).rejects.toMatchObject({ code: "CONFLICT", messageKey: "moderation.errors.alreadyHidden" });
  });
});

describe("auto-hold at the threshold", () => {
  afterEach(async () => {
    await db.prisma.setting.deleteMany({ where: { key: "moderation.autoHideThreshold" } });
  });

  test("the third open report (default threshold) puts the contribution on hold, in the same transaction, audited", async () => {
    const comment = await createComment(db.prisma, author.userId);
    const reporters = await stakeholders(4);
    expect(await report(reporters[0]!, comment)).toMatchObject({ openReports: 1, heldForReview: false });
    expect(await report(reporters[1]!, comment)).toMatchObject({ openReports: 2, heldForReview: false });
    expect((await moderationOf(comment)).moderation).toBe("VISIBLE");
    expect(await report(reporters[2]!, comment)).toMatchObject({ openReports: 3, heldForReview: true });
    expect((await moderationOf(comment)).moderation).toBe("PENDING_REVIEW");
    expect(await auditOf(comment.id, "moderation.pending-review")).toEqual([expect.objectContaining({ actorId: null, data: { openReports: 3, threshold: 3 } })]);
    // Further reports are still recorded; the hold is not repeated.
    expect(await report(reporters[3]!, comment)).toMatchObject({ openReports: 4, heldForReview: false });
    expect(await auditOf(comment.id, "moderation.pending-review")).toHaveLength(1);
  });

  test("reports sent at the same moment by different people still reach the threshold (they are counted one after the other)", async () => {
    const comment = await createComment(db.prisma, author.userId);
    const reporters = await stakeholders(3);
    const outcomes = await Promise.all(reporters.map((reporter) => report(reporter, comment)));
    expect(outcomes.map((outcome) => outcome.openReports).sort()).toEqual([1, 2, 3]);
    expect(outcomes.filter((outcome) => outcome.heldForReview)).toHaveLength(1);
    expect((await moderationOf(comment)).moderation).toBe("PENDING_REVIEW");
  });

  test("the threshold follows the setting; dismissed reports do not count", async () => {
    await setModerationSettings(db.prisma, admin, { autoHideThreshold: 2 });
    const proposal = await createProposal(db.prisma, author.userId);
    const reporters = await stakeholders(3);
    await report(reporters[0]!, proposal);
    await dismissReports(db.prisma, facilitator, target(proposal));
    expect(await report(reporters[1]!, proposal)).toMatchObject({ openReports: 1, heldForReview: false });
    expect(await report(reporters[2]!, proposal)).toMatchObject({ openReports: 2, heldForReview: true });

    await setModerationSettings(db.prisma, admin, { autoHideThreshold: 1 });
    const swot = await createSwotEntry(db.prisma, author.userId);
    expect(await report(reporters[0]!, swot)).toMatchObject({ heldForReview: true });
    expect((await moderationOf(swot)).moderation).toBe("PENDING_REVIEW");
  });

  test("a malformed stored setting counts as the default", async () => {
    await db.prisma.setting.create({ data: { key: "moderation.autoHideThreshold", value: "tre" } });
    const comment = await createComment(db.prisma, author.userId);
    const reporters = await stakeholders(3);
    for (const reporter of reporters.slice(0, 2)) await report(reporter, comment);
    expect((await moderationOf(comment)).moderation).toBe("VISIBLE");
    expect(await report(reporters[2]!, comment)).toMatchObject({ heldForReview: true });
  });
});

describe("hide, restore, dismiss", () => {
  test("hiding sets the public reason, upholds the open reports, notifies the author and is audited; the public sees the reason", async () => {
    const comment = await createComment(db.prisma, author.userId, "Testo originale offensivo");
    const reporters = await stakeholders(2);
    for (const reporter of reporters) await report(reporter, comment);
    const publicReason = "Linguaggio offensivo <script>alert(1)</script>";

    expect(await hideContribution(db.prisma, facilitator, { ...target(comment), reason: publicReason })).toEqual({ upheldReports: 2 });
    expect(await moderationOf(comment)).toEqual({ moderation: "HIDDEN", hiddenReason: publicReason });
    expect(await db.prisma.comment.findUniqueOrThrow({ where: { id: comment.id }, select: { body: true } })).toEqual({ body: "Testo originale offensivo" });
    const reports = await db.prisma.contentReport.findMany({ where: { commentId: comment.id } });
    expect(reports.map((r) => [r.status, r.resolvedById, r.resolvedAt instanceof Date])).toEqual([["UPHELD", facilitator.userId, true], ["UPHELD", facilitator.userId, true]]);
    expect(await db.prisma.notification.findMany({ where: { userId: author.userId, kind: "CONTRIBUTION_HIDDEN" }, select: { data: true } })).toContainEqual({
      data: { contribution: "comment", reason: publicReason, path: `/piani/${comment.planSlug}/misure/1.1#comment-${comment.id}` },
    });
    expect(await auditOf(comment.id, "moderation.hidden")).toEqual([
      expect.objectContaining({ actorId: facilitator.userId, entityType: "Comment", data: { reason: publicReason, upheldReports: 2, previousState: "VISIBLE" } }),
    ]);

    const row = await moderationOf(comment);
    const html = renderToStaticMarkup(createElement(ContributionBody, { body: "Testo originale offensivo", ...row, t: createTranslator("it") }));
    expect(html).toContain("Nascosto dai moderatori:");
    expect(html).toContain("Linguaggio offensivo &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain("Testo originale");
    expect(html).not.toContain("<script>");
  });

  test("hiding needs a public reason within 500 characters, and a hidden contribution cannot be hidden twice", async () => {
    const swot = await createSwotEntry(db.prisma, author.userId);
    await expect(hideContribution(db.prisma, admin, { ...target(swot), reason: " \n " })).rejects.toMatchObject({ code: "VALIDATION", details: { reason: "participation.text.required" } });
    await expect(hideContribution(db.prisma, admin, { ...target(swot) })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(hideContribution(db.prisma, admin, { ...target(swot), reason: "x".repeat(501) })).rejects.toMatchObject({ code: "VALIDATION" });
    expect((await moderationOf(swot)).moderation).toBe("VISIBLE");
    await hideContribution(db.prisma, admin, { ...target(swot), reason: "Fuori tema" });
    await expect(hideContribution(db.prisma, admin, { ...target(swot), reason: "Altro" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await moderationOf(swot)).toEqual({ moderation: "HIDDEN", hiddenReason: "Fuori tema" });
  });

  test("restoring makes it visible, clears the reason, dismisses open reports, audited; without a notification", async () => {
    const proposal = await createProposal(db.prisma, author.userId);
    await hideContribution(db.prisma, facilitator, { ...target(proposal), reason: "Dati personali" });
    const [reporter] = await stakeholders(1);
    // A report that arrived while held is dismissed on restore (hidden ones cannot be reported, so hold it instead).
    await db.prisma.proposal.update({ where: { id: proposal.id }, data: { moderation: "PENDING_REVIEW", hiddenReason: null } });
    await report(reporter!, proposal);
    await db.prisma.proposal.update({ where: { id: proposal.id }, data: { moderation: "HIDDEN", hiddenReason: "Dati personali" } });
    const notificationsBefore = await db.prisma.notification.count({ where: { userId: author.userId } });

    expect(await restoreContribution(db.prisma, admin, target(proposal))).toEqual({ dismissedReports: 1 });
    expect(await moderationOf(proposal)).toEqual({ moderation: "VISIBLE", hiddenReason: null });
    expect(await db.prisma.contentReport.findFirstOrThrow({ where: { proposalId: proposal.id } })).toMatchObject({ status: "DISMISSED", resolvedById: admin.userId });
    expect(await auditOf(proposal.id, "moderation.restored")).toEqual([
      expect.objectContaining({ actorId: admin.userId, entityType: "Proposal", data: { previousState: "HIDDEN", previousReason: "Dati personali", dismissedReports: 1 } }),
    ]);
    expect(await db.prisma.notification.count({ where: { userId: author.userId } })).toBe(notificationsBefore);
    await expect(restoreContribution(db.prisma, admin, target(proposal))).rejects.toMatchObject({ code: "CONFLICT", messageKey: "moderation.errors.notHidden" });
  });

  test("dismissing closes the open reports and releases a held contribution, audited", async () => {
    const comment = await createComment(db.prisma, author.userId);
    const reporters = await stakeholders(3);
    for (const reporter of reporters) await report(reporter, comment);
    expect((await moderationOf(comment)).moderation).toBe("PENDING_REVIEW");

    expect(await dismissReports(db.prisma, facilitator, target(comment))).toEqual({ dismissedReports: 3 });
    expect((await moderationOf(comment)).moderation).toBe("VISIBLE");
    expect(await db.prisma.contentReport.count({ where: { commentId: comment.id, status: "DISMISSED", resolvedById: facilitator.userId } })).toBe(3);
    expect(await auditOf(comment.id, "moderation.reports-dismissed")).toEqual([
      expect.objectContaining({ actorId: facilitator.userId, data: { dismissedReports: 3, previousState: "PENDING_REVIEW" } }),
    ]);
    await expect(dismissReports(db.prisma, facilitator, target(comment))).rejects.toMatchObject({ code: "CONFLICT", messageKey: "moderation.errors.nothingToDismiss" });
  });

  test("stakeholders, officials and visitors cannot hide, restore, dismiss, see the queue or change the setting; nothing changes", async () => {
    const comment = await createComment(db.prisma, author.userId);
    const [reporter] = await stakeholders(1);
    await report(reporter!, comment);
    const official = await signedInUser(db.prisma, "OFFICIAL");
    for (const actor of [author, reporter!, official]) {
      await expect(hideContribution(db.prisma, actor, { ...target(comment), reason: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(restoreContribution(db.prisma, actor, target(comment))).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(dismissReports(db.prisma, actor, target(comment))).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(listModerationQueue(db.prisma, actor)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(setModerationSettings(db.prisma, actor, { autoHideThreshold: 9 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(hideContribution(db.prisma, null, { ...target(comment), reason: "x" })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(setModerationSettings(db.prisma, facilitator, { autoHideThreshold: 9 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await moderationOf(comment)).toEqual({ moderation: "VISIBLE", hiddenReason: null });
    expect(await db.prisma.contentReport.findFirstOrThrow({ where: { commentId: comment.id } })).toMatchObject({ status: "OPEN" });
    expect(await db.prisma.setting.count({ where: { key: "moderation.autoHideThreshold" } })).toBe(0);
  });
});

describe("the queue and the setting", () => {
  test("one entry per contribution with its reasons and count, oldest report first, paged; hidden ones listed apart", async () => {
    // A clean slate for exact counts: earlier tests left reports behind.
    await db.prisma.contentReport.updateMany({ where: { status: "OPEN" }, data: { status: "DISMISSED" } });
    for (const model of [db.prisma.comment, db.prisma.proposal, db.prisma.swotEntry] as const) {
      await (model as typeof db.prisma.comment).updateMany({ where: { moderation: "PENDING_REVIEW" }, data: { moderation: "VISIBLE" } });
    }
    const reporters = await stakeholders(2);
    const held = await createProposal(db.prisma, author.userId, "Trattenuta senza segnalazioni aperte");
    await db.prisma.proposal.update({ where: { id: held.id }, data: { moderation: "PENDING_REVIEW" } });
    const first = await createSwotEntry(db.prisma, author.userId, "Prima segnalata");
    await report(reporters[0]!, first, "Motivo A <b>grassetto</b>");
    await report(reporters[1]!, first, "Motivo B");
    const others: TestContribution[] = [];
    for (let n = 0; n < MODERATION_PAGE_SIZE + 2; n++) {
      const comment = await createComment(db.prisma, author.userId, `Commento ${n}`);
      await report(reporters[0]!, comment, `Motivo ${n}`);
      others.push(comment);
    }

    const page1 = await listModerationQueue(db.prisma, facilitator, {});
    expect(page1.queue).toMatchObject({ total: MODERATION_PAGE_SIZE + 4, page: 1, pageCount: 2 });
    expect(page1.queue.items).toHaveLength(MODERATION_PAGE_SIZE);
    // The held proposal was written before the reports arrived, so it is the oldest entry.
    expect(page1.queue.items[0]).toMatchObject({ contribution: { type: "proposal", id: held.id, moderation: "PENDING_REVIEW", title: "Trattenuta senza segnalazioni aperte" }, openReports: 0, reasons: [] });
    expect(page1.queue.items[1]).toMatchObject({
      contribution: { type: "swot", id: first.id, body: "Prima segnalata", path: `/consultazioni/${first.roundId}/swot#swot-${first.id}` },
      author: { displayName: author.displayName, erased: false },
      openReports: 2,
      reasons: [{ reason: "Motivo A <b>grassetto</b>" }, { reason: "Motivo B" }],
    });
    expect(page1.queue.items[2]).toMatchObject({ contribution: { id: others[0]!.id }, openReports: 1, reasons: [{ reason: "Motivo 0" }] });
    const page2 = await listModerationQueue(db.prisma, admin, { pagina: "2" });
    expect(page2.queue.items.map((item) => item.contribution.id)).toEqual(others.slice(-4).map((c) => c.id));
    expect((await listModerationQueue(db.prisma, admin, { pagina: "99" })).queue).toMatchObject({ items: [], total: MODERATION_PAGE_SIZE + 4 });

    await hideContribution(db.prisma, facilitator, { ...target(first), reason: "Spam" });
    const after = await listModerationQueue(db.prisma, facilitator, {});
    expect(after.queue.total).toBe(MODERATION_PAGE_SIZE + 3);
    expect(after.queue.items.map((item) => item.contribution.id)).not.toContain(first.id);
    expect(after.hidden.items.map((item) => item.contribution.id)).toContain(first.id);
    expect(after.hidden.items.find((item) => item.contribution.id === first.id)?.contribution).toMatchObject({ moderation: "HIDDEN", hiddenReason: "Spam" });
    expect(after.settings).toEqual({ autoHideThreshold: 3 });
  });

  test("admins set the threshold between 1 and 50; each change is audited", async () => {
    await expect(setModerationSettings(db.prisma, admin, { autoHideThreshold: "7" })).resolves.toEqual({ autoHideThreshold: 7 });
    for (const bad of [0, 51, 2.5, "tre", undefined]) {
      await expect(setModerationSettings(db.prisma, admin, { autoHideThreshold: bad })).rejects.toMatchObject({ code: "VALIDATION", details: { autoHideThreshold: "moderation.settings.invalidThreshold" } });
    }
    await expect(setModerationSettings(db.prisma, admin, { autoHideThreshold: 5, other: 1 })).rejects.toMatchObject({ code: "VALIDATION" });
    expect((await listModerationQueue(db.prisma, facilitator)).settings).toEqual({ autoHideThreshold: 7 });
    const audit = await db.prisma.auditEvent.findMany({ where: { action: "moderation.settings-changed" }, orderBy: { id: "desc" }, take: 1 });
    expect(audit[0]).toMatchObject({ actorId: admin.userId, entityType: "Setting", entityId: "moderation.autoHideThreshold", data: { to: 7 } });
    await db.prisma.setting.deleteMany({ where: { key: "moderation.autoHideThreshold" } });
  });
});
