/**
 * Consultation rounds against PostgreSQL: scheduling on a published revision, no overlap between a
 * plan's rounds (also when requests race), what can be edited when, the facilitators' status
 * buttons and their notifications, the yearly calendar check, and the audit trail.
 */
import { changeRoundStatus } from "@/lib/rounds/change-round-status";
import { getRound } from "@/lib/rounds/get-round";
import { listRounds } from "@/lib/rounds/list-rounds";
import { parseDateTimeInput } from "@/lib/rounds/local-time";
import { getRoundCalendar, groupRoundsByYear } from "@/lib/rounds/round-calendar";
import { scheduleRound } from "@/lib/rounds/schedule-round";
import { updateRound } from "@/lib/rounds/update-round";
import { signedInUser } from "../support/auth-factory";
import { createNextRevision } from "../support/plan-factory";
import { DAY, HOUR, facilitator, freshPlan, fromNow, scheduledMeeting, scheduledRound, settle, takePart } from "../support/scheduling-factory";
import { refusal } from "../support/refusal";
import { databaseForThisFile } from "../support/test-database";

jest.setTimeout(120_000);
const db = databaseForThisFile();

describe("scheduling a round", () => {
  test("a facilitator schedules a round on the plan's current revision; dates from the form are Rome time; audited", async () => {
    const plan = await freshPlan(db.prisma);
    const actor = await facilitator(db.prisma);
    const { id } = await scheduleRound(db.prisma, actor, { planId: plan.id, title: "  Consultazione  di primavera ", description: "Prima riga\r\nseconda riga", opensAt: "2030-03-02T09:00", closesAt: "2030-04-02T18:30" });
    const round = await db.prisma.round.findUniqueOrThrow({ where: { id } });
    expect(round).toMatchObject({ planId: plan.id, revisionId: plan.revisionId, title: "Consultazione di primavera", description: "Prima riga\nseconda riga", status: "SCHEDULED", createdById: actor.userId });
    // 09:00 in Rome on 2 March (winter time, UTC+1); 18:30 on 2 April (summer time from 31 March, UTC+2).
    expect(round.opensAt.toISOString()).toBe("2030-03-02T08:00:00.000Z");
    expect(round.closesAt.toISOString()).toBe("2030-04-02T16:30:00.000Z");
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "round.scheduled", entityId: id } });
    expect(audit).toMatchObject({ actorId: actor.userId, entityType: "Round" });
  });

  test("admins may, stakeholders, officials and visitors may not", async () => {
    const plan = await freshPlan(db.prisma);
    const input = { planId: plan.id, title: "Giro", description: "Testo", opensAt: fromNow(DAY), closesAt: fromNow(2 * DAY) };
    await expect(scheduleRound(db.prisma, await signedInUser(db.prisma, "ADMIN"), input)).resolves.toHaveProperty("id");
    expect(await refusal(scheduleRound(db.prisma, await signedInUser(db.prisma, "STAKEHOLDER"), input))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal(scheduleRound(db.prisma, await signedInUser(db.prisma, "OFFICIAL"), input))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal(scheduleRound(db.prisma, null, input))).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await db.prisma.round.count({ where: { planId: plan.id } })).toBe(1);
  });

  test("only a published revision of the same plan; an older published one may be chosen", async () => {
    const plan = await freshPlan(db.prisma);
    const other = await freshPlan(db.prisma);
    const actor = await facilitator(db.prisma);
    const second = await createNextRevision(db.prisma, plan.id, { status: "PUBLISHED" });
    const draft = await createNextRevision(db.prisma, plan.id, { status: "DRAFT" });
    const base = { planId: plan.id, title: "Giro", description: "Testo", opensAt: fromNow(DAY), closesAt: fromNow(2 * DAY) };
    expect(await refusal(scheduleRound(db.prisma, actor, { ...base, revisionId: draft.id }))).toEqual({ code: "VALIDATION", messageKey: "rounds.errors.validation", details: { revisionId: "rounds.fields.revisionNotPublished" } });
    expect(await refusal(scheduleRound(db.prisma, actor, { ...base, revisionId: other.revisionId }))).toMatchObject({ details: { revisionId: "rounds.fields.revisionNotPublished" } });
    const onCurrent = await scheduleRound(db.prisma, actor, base);
    expect((await db.prisma.round.findUniqueOrThrow({ where: { id: onCurrent.id } })).revisionId).toBe(second.id);
    const onOlder = await scheduleRound(db.prisma, actor, { ...base, revisionId: plan.revisionId, opensAt: fromNow(3 * DAY), closesAt: fromNow(4 * DAY) });
    expect((await db.prisma.round.findUniqueOrThrow({ where: { id: onOlder.id } })).revisionId).toBe(plan.revisionId);
  });

  test("field errors: missing title, closing before opening, closing in the past, malformed dates; unknown fields refused", async () => {
    const plan = await freshPlan(db.prisma);
    const actor = await facilitator(db.prisma);
    expect(await refusal(scheduleRound(db.prisma, actor, { planId: plan.id, title: " ", description: "x", opensAt: "2030-05-02T10:00", closesAt: "2030-05-01T10:00" }))).toEqual({
      code: "VALIDATION",
      messageKey: "rounds.errors.validation",
      details: { title: "rounds.fields.titleRequired", closesAt: "rounds.fields.closesBeforeOpens" },
    });
    expect(await refusal(scheduleRound(db.prisma, actor, { planId: plan.id, title: "t", description: "x", opensAt: fromNow(-3 * DAY), closesAt: fromNow(-DAY) }))).toMatchObject({ details: { closesAt: "rounds.fields.closesInPast" } });
    expect(await refusal(scheduleRound(db.prisma, actor, { planId: plan.id, title: "t", description: "x", opensAt: "2030-02-30T10:00", closesAt: "domani" }))).toMatchObject({
      details: { opensAt: "rounds.fields.dateInvalid", closesAt: "rounds.fields.dateInvalid" },
    });
    expect(await refusal(scheduleRound(db.prisma, actor, { planId: plan.id, title: "t", description: "x", opensAt: fromNow(DAY), closesAt: fromNow(2 * DAY), status: "OPEN" }))).toMatchObject({
      code: "VALIDATION",
      messageKey: "rounds.errors.unknownFields",
    });
    expect(await db.prisma.round.count({ where: { planId: plan.id } })).toBe(0);
  });

  test("rounds of one plan may not overlap: CONFLICT naming the other round; touching ends and other plans are fine", async () => {
    const plan = await freshPlan(db.prisma);
    const other = await freshPlan(db.prisma);
    const actor = await facilitator(db.prisma);
    await scheduledRound(db.prisma, actor, plan.id, { opensIn: 10 * DAY, closesIn: 20 * DAY, title: "Consultazione d'autunno" });
    const overlapping = { planId: plan.id, title: "Sovrapposta", description: "x", opensAt: fromNow(15 * DAY), closesAt: fromNow(25 * DAY) };
    const error = await refusal(scheduleRound(db.prisma, actor, overlapping));
    expect(error).toMatchObject({ code: "CONFLICT", messageKey: "rounds.errors.overlap" });
    const inside = { ...overlapping, opensAt: fromNow(12 * DAY), closesAt: fromNow(13 * DAY) };
    expect(await refusal(scheduleRound(db.prisma, actor, inside))).toMatchObject({ code: "CONFLICT" });
    const stored = await db.prisma.round.findFirstOrThrow({ where: { planId: plan.id } });
    await expect(scheduleRound(db.prisma, actor, { ...overlapping, opensAt: stored.closesAt, closesAt: fromNow(30 * DAY) })).resolves.toHaveProperty("id");
    await expect(scheduleRound(db.prisma, actor, { ...overlapping, planId: other.id })).resolves.toHaveProperty("id");
  });

  test("twelve facilitators scheduling overlapping rounds at once: exactly one succeeds, the others get CONFLICT", async () => {
    const plan = await freshPlan(db.prisma);
    const actors = await Promise.all(Array.from({ length: 12 }, () => facilitator(db.prisma)));
    const result = await settle(actors.map((actor, index) => scheduleRound(db.prisma, actor, { planId: plan.id, title: `Giro ${index}`, description: "x", opensAt: fromNow(DAY + index * HOUR), closesAt: fromNow(5 * DAY) })));
    expect(result).toEqual({ fulfilled: 1, codes: Array(11).fill("CONFLICT") });
    expect(await db.prisma.round.count({ where: { planId: plan.id } })).toBe(1);
  });
});

describe("editing a round", () => {
  test("while scheduled everything changes, with the overlap check; audited with the changed fields", async () => {
    const plan = await freshPlan(db.prisma);
    const actor = await facilitator(db.prisma);
    const first = await scheduledRound(db.prisma, actor, plan.id, { opensIn: DAY, closesIn: 5 * DAY });
    const second = await scheduledRound(db.prisma, actor, plan.id, { opensIn: 10 * DAY, closesIn: 15 * DAY });
    await updateRound(db.prisma, actor, second, { title: "Nuovo titolo", description: "Nuova descrizione", revisionId: plan.revisionId, opensAt: fromNow(6 * DAY), closesAt: fromNow(16 * DAY) });
    expect(await db.prisma.round.findUniqueOrThrow({ where: { id: second } })).toMatchObject({ title: "Nuovo titolo", description: "Nuova descrizione" });
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "round.updated", entityId: second } });
    expect((audit.data as { changed: string[] }).changed.sort()).toEqual(["closesAt", "description", "opensAt", "title"]);
    expect(await refusal(updateRound(db.prisma, actor, second, { title: "x", description: "y", opensAt: fromNow(4 * DAY), closesAt: fromNow(16 * DAY) }))).toMatchObject({ code: "CONFLICT", messageKey: "rounds.errors.overlap" });
    expect(first).not.toBe(second);
  });

  test("while open only the description and a closing time not in the past; the title cannot be sent", async () => {
    const plan = await freshPlan(db.prisma);
    const actor = await facilitator(db.prisma);
    const id = await scheduledRound(db.prisma, actor, plan.id, { opensIn: HOUR, closesIn: 5 * DAY });
    const now = fromNow(2 * HOUR); // it has opened by then (effectively, even before the scheduler ran)
    await updateRound(db.prisma, actor, id, { description: "Aggiornata", closesAt: fromNow(6 * DAY) }, now);
    expect(await db.prisma.round.findUniqueOrThrow({ where: { id } })).toMatchObject({ description: "Aggiornata", title: "Consultazione di primavera" });
    expect(await refusal(updateRound(db.prisma, actor, id, { title: "Cambiato", description: "x", closesAt: fromNow(6 * DAY) }, now))).toMatchObject({ code: "VALIDATION", messageKey: "rounds.errors.unknownFields" });
    expect(await refusal(updateRound(db.prisma, actor, id, { description: "x", closesAt: fromNow(HOUR) }, now))).toMatchObject({ code: "VALIDATION", details: { closesAt: "rounds.fields.closesInPast" } });
  });

  test("after closing nothing can be edited; shrinking a round around its meetings is refused", async () => {
    const plan = await freshPlan(db.prisma);
    const actor = await facilitator(db.prisma);
    const id = await scheduledRound(db.prisma, actor, plan.id, { opensIn: HOUR, closesIn: 5 * DAY });
    await scheduledMeeting(db.prisma, actor, id, { startsIn: 4 * DAY });
    expect(await refusal(updateRound(db.prisma, actor, id, { title: "t", description: "d", opensAt: fromNow(HOUR), closesAt: fromNow(3 * DAY) }))).toMatchObject({ code: "CONFLICT", messageKey: "rounds.errors.meetingsOutside" });
    expect(await refusal(updateRound(db.prisma, actor, id, { description: "d", closesAt: fromNow(9 * DAY) }, fromNow(6 * DAY)))).toMatchObject({ code: "CONFLICT", messageKey: "rounds.errors.notEditable" });
  });

  test("stakeholders cannot edit", async () => {
    const plan = await freshPlan(db.prisma);
    const id = await scheduledRound(db.prisma, await facilitator(db.prisma), plan.id);
    expect(await refusal(updateRound(db.prisma, await signedInUser(db.prisma, "STAKEHOLDER"), id, { description: "x", closesAt: fromNow(9 * DAY) }))).toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("the facilitators' status buttons", () => {
  test("open now moves the opening to now and notifies the people of the plan's earlier rounds (not this one's, not other plans')", async () => {
    const plan = await freshPlan(db.prisma);
    const otherPlan = await freshPlan(db.prisma);
    const actor = await facilitator(db.prisma);
    const earlier = await scheduledRound(db.prisma, actor, plan.id, { opensIn: HOUR, closesIn: 2 * HOUR, title: "Primo giro" });
    const elsewhere = await scheduledRound(db.prisma, actor, otherPlan.id, { opensIn: HOUR, closesIn: 2 * HOUR });
    const [voter, commenter, proposer, supporter, swotAuthor, outsider] = await Promise.all(Array.from({ length: 6 }, () => signedInUser(db.prisma, "STAKEHOLDER")));
    await takePart(db.prisma, earlier, voter!.userId, "vote");
    await takePart(db.prisma, earlier, commenter!.userId, "comment");
    await takePart(db.prisma, earlier, proposer!.userId, "proposal");
    await takePart(db.prisma, earlier, supporter!.userId, "support");
    await takePart(db.prisma, earlier, swotAuthor!.userId, "swot");
    await takePart(db.prisma, elsewhere, outsider!.userId, "vote");
    const later = await scheduledRound(db.prisma, actor, plan.id, { opensIn: 3 * DAY, closesIn: 9 * DAY, title: "Secondo giro" });

    const now = fromNow(3 * HOUR); // the first round is over
    await expect(changeRoundStatus(db.prisma, actor, later, { status: "OPEN" }, now)).resolves.toBe("OPEN");
    const round = await db.prisma.round.findUniqueOrThrow({ where: { id: later } });
    expect(round.status).toBe("OPEN");
    expect(round.opensAt.getTime()).toBe(now.getTime());
    const notified = await db.prisma.notification.findMany({ where: { kind: "ROUND_OPENED", data: { path: ["roundId"], equals: later } } });
    const recipients = notified.map((notification) => notification.userId);
    for (const person of [voter, commenter, proposer, supporter, swotAuthor]) expect(recipients).toContain(person!.userId);
    expect(recipients).not.toContain(outsider!.userId);
    expect(notified[0]!.data).toEqual({ roundId: later, roundTitle: "Secondo giro", closesAt: round.closesAt.toISOString(), path: `/consultazioni/${later}` });
    expect(await db.prisma.auditEvent.count({ where: { action: "round.opened", entityId: later, actorId: actor.userId } })).toBe(1);
    // Pressed again: nothing to open.
    expect(await refusal(changeRoundStatus(db.prisma, actor, later, { status: "OPEN" }, now))).toMatchObject({ code: "CONFLICT", messageKey: "rounds.errors.transitionNotAllowed" });
  });

  test("open now is refused while the previous round is still open (the rounds would overlap)", async () => {
    const plan = await freshPlan(db.prisma);
    const actor = await facilitator(db.prisma);
    await scheduledRound(db.prisma, actor, plan.id, { opensIn: HOUR, closesIn: 3 * DAY });
    const next = await scheduledRound(db.prisma, actor, plan.id, { opensIn: 4 * DAY, closesIn: 9 * DAY });
    expect(await refusal(changeRoundStatus(db.prisma, actor, next, { status: "OPEN" }, fromNow(2 * HOUR)))).toMatchObject({ code: "CONFLICT", messageKey: "rounds.errors.overlap" });
    expect((await db.prisma.round.findUniqueOrThrow({ where: { id: next } })).status).toBe("SCHEDULED");
  });

  test("close now closes early, notifies this round's participants; then the synthesis; publishing is refused", async () => {
    const plan = await freshPlan(db.prisma);
    const actor = await facilitator(db.prisma);
    const id = await scheduledRound(db.prisma, actor, plan.id, { opensIn: HOUR, closesIn: 5 * DAY, title: "Giro da chiudere" });
    const now = fromNow(2 * HOUR);
    await changeRoundStatus(db.prisma, actor, id, { status: "OPEN" }, now);
    const voter = await signedInUser(db.prisma, "STAKEHOLDER");
    await takePart(db.prisma, id, voter.userId, "vote");
    expect(await refusal(changeRoundStatus(db.prisma, actor, id, { status: "SYNTHESIS" }, now))).toMatchObject({ code: "CONFLICT", messageKey: "rounds.errors.transitionNotAllowed" });
    const closeAt = fromNow(3 * HOUR);
    await expect(changeRoundStatus(db.prisma, actor, id, { status: "CLOSED" }, closeAt)).resolves.toBe("CLOSED");
    expect(await db.prisma.round.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "CLOSED", closesAt: closeAt });
    const notes = await db.prisma.notification.findMany({ where: { kind: "ROUND_CLOSED", data: { path: ["roundId"], equals: id } } });
    expect(notes.map((note) => note.userId)).toEqual([voter.userId]);
    expect(await refusal(changeRoundStatus(db.prisma, actor, id, { status: "PUBLISHED" }, closeAt))).toMatchObject({ code: "CONFLICT", messageKey: "rounds.errors.publishLater" });
    await expect(changeRoundStatus(db.prisma, actor, id, { status: "SYNTHESIS" }, closeAt)).resolves.toBe("SYNTHESIS");
    expect((await db.prisma.round.findUniqueOrThrow({ where: { id } })).status).toBe("SYNTHESIS");
    expect(await db.prisma.auditEvent.count({ where: { entityId: id, action: { in: ["round.opened", "round.closed", "round.synthesis-started"] } } })).toBe(3);
  });

  test("the synthesis of a round past its closing time the scheduler has not closed yet: closed first (notified once), then synthesis", async () => {
    const plan = await freshPlan(db.prisma);
    const actor = await facilitator(db.prisma);
    const id = await scheduledRound(db.prisma, actor, plan.id, { opensIn: HOUR, closesIn: 2 * HOUR });
    const voter = await signedInUser(db.prisma, "STAKEHOLDER");
    await takePart(db.prisma, id, voter.userId, "comment");
    await expect(changeRoundStatus(db.prisma, actor, id, { status: "SYNTHESIS" }, fromNow(3 * HOUR))).resolves.toBe("SYNTHESIS");
    expect(await db.prisma.notification.count({ where: { kind: "ROUND_CLOSED", userId: voter.userId } })).toBe(1);
  });

  test("stakeholders cannot press the buttons; an unknown round is NOT_FOUND", async () => {
    const plan = await freshPlan(db.prisma);
    const id = await scheduledRound(db.prisma, await facilitator(db.prisma), plan.id);
    expect(await refusal(changeRoundStatus(db.prisma, await signedInUser(db.prisma, "STAKEHOLDER"), id, { status: "OPEN" }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal(changeRoundStatus(db.prisma, await facilitator(db.prisma), "00000000-0000-4000-8000-000000000000", { status: "OPEN" }))).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("reading rounds and the yearly calendar", () => {
  test("list and detail show the effective status by the server's clock", async () => {
    const plan = await freshPlan(db.prisma);
    const actor = await facilitator(db.prisma);
    const id = await scheduledRound(db.prisma, actor, plan.id, { opensIn: HOUR, closesIn: DAY });
    const later = fromNow(2 * HOUR);
    const listed = await listRounds(db.prisma, { planId: plan.id }, later);
    expect(listed.rounds).toEqual([expect.objectContaining({ id, status: "OPEN", revisionNumber: 1, meetings: 0 })]);
    const detail = await getRound(db.prisma, id, null, later);
    expect(detail).toMatchObject({ id, status: "OPEN", storedStatus: "SCHEDULED", plan: { id: plan.id, slug: plan.slug }, meetings: [] });
    await expect(getRound(db.prisma, "not-a-uuid")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  test("years from the first round's to next year at least; each says whether it has two rounds (Rome years)", async () => {
    const now = parseDateTimeInput("2031-06-01T12:00")!;
    const round = (opens: string) => ({ id: opens, title: opens, status: "SCHEDULED" as const, opensAt: parseDateTimeInput(opens)!, closesAt: parseDateTimeInput(opens)!, revisionNumber: 1, meetings: 0 });
    // 00:30 on 1 January in Rome is still 31 December in UTC: it counts for the new year.
    const years = groupRoundsByYear([round("2029-03-01T10:00"), round("2029-10-01T10:00"), round("2031-01-01T00:30")], now);
    expect(years.map((year) => [year.year, year.rounds.length, year.meetsMinimum])).toEqual([
      [2029, 2, true],
      [2030, 0, false],
      [2031, 1, false],
      [2032, 0, false],
    ]);
    expect(groupRoundsByYear([], now).map((year) => year.year)).toEqual([2031, 2032]);
    expect(groupRoundsByYear([round("2035-05-01T10:00")], now).map((year) => year.year)).toEqual([2035]);
  });

  test("the plan's calendar from the database: short years listed for the warning", async () => {
    const plan = await freshPlan(db.prisma);
    const actor = await facilitator(db.prisma);
    const thisYear = new Date().getUTCFullYear();
    const nextYear = thisYear + 1;
    await scheduleRound(db.prisma, actor, { planId: plan.id, title: "A", description: "x", opensAt: `${nextYear}-03-01T10:00`, closesAt: `${nextYear}-03-20T10:00` });
    await scheduleRound(db.prisma, actor, { planId: plan.id, title: "B", description: "x", opensAt: `${nextYear}-10-01T10:00`, closesAt: `${nextYear}-10-20T10:00` });
    const calendar = await getRoundCalendar(db.prisma, { planId: plan.id });
    expect(calendar.years.map((year) => [year.year, year.rounds.map((r) => r.title), year.meetsMinimum])).toEqual([[nextYear, ["A", "B"], true]]);
    expect(calendar.shortYears).toEqual([]);
    await scheduleRound(db.prisma, actor, { planId: plan.id, title: "C", description: "x", opensAt: `${nextYear + 2}-03-01T10:00`, closesAt: `${nextYear + 2}-03-20T10:00` });
    expect((await getRoundCalendar(db.prisma, { planId: plan.id })).shortYears).toEqual([nextYear + 1, nextYear + 2]);
  });
});
