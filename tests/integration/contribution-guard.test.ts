/** The rule every contribution passes: who, which round, when, how often. */
import { guardContribution } from "@/lib/participation/contribution-guard";
import { rateLimitPolicies } from "@/lib/security/rate-limit-policies";
import { AppError } from "@/lib/errors/app-error";
import { signedInUser } from "../support/auth-factory";
import { createRound, stakeholder } from "../support/round-factory";
import { databaseForThisFile } from "../support/test-database";

jest.setTimeout(60_000);
const db = databaseForThisFile();

async function refusal(promise: Promise<unknown>): Promise<Pick<AppError, "code" | "messageKey">> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return { code: error.code, messageKey: error.messageKey };
}

describe("guardContribution", () => {
  test("a stakeholder with a profile contributes to an open round and gets their category", async () => {
    const round = await createRound(db.prisma);
    const actor = await stakeholder(db.prisma, "YOUNG_PERSON");
    const contributor = await guardContribution(db.prisma, actor, round.id, "vote");
    expect(contributor).toMatchObject({ category: "YOUNG_PERSON", round: { id: round.id, planId: round.planId } });
  });

  test("anonymous visitors, staff (except in comments) and accounts without a profile are refused", async () => {
    const round = await createRound(db.prisma);
    expect(await refusal(guardContribution(db.prisma, null, round.id, "comment"))).toEqual({ code: "UNAUTHENTICATED", messageKey: "auth.errors.unauthenticated" });
    const facilitator = await signedInUser(db.prisma, "FACILITATOR");
    expect(await refusal(guardContribution(db.prisma, facilitator, round.id, "vote"))).toMatchObject({ code: "FORBIDDEN", messageKey: "participation.errors.stakeholdersOnly" });
    await expect(guardContribution(db.prisma, facilitator, round.id, "comment")).resolves.toMatchObject({ round: { id: round.id } });
    const withoutProfile = await signedInUser(db.prisma, "STAKEHOLDER");
    await db.prisma.stakeholderProfile.delete({ where: { userId: withoutProfile.userId } });
    expect(await refusal(guardContribution(db.prisma, withoutProfile, round.id, "swot"))).toMatchObject({ code: "FORBIDDEN", messageKey: "participation.errors.profileRequired" });
  });

  test("by the server's clock: not yet open, closed by time, closed early, unknown round", async () => {
    const actor = await stakeholder(db.prisma);
    const hour = 3600_000;
    const future = await createRound(db.prisma, { status: "SCHEDULED", opensAt: new Date(Date.now() + hour), closesAt: new Date(Date.now() + 2 * hour) });
    expect(await refusal(guardContribution(db.prisma, actor, future.id, "vote"))).toEqual({ code: "CONFLICT", messageKey: "participation.errors.roundNotOpenYet" });
    const expired = await createRound(db.prisma, { status: "OPEN", opensAt: new Date(Date.now() - 3 * hour), closesAt: new Date(Date.now() - hour) });
    expect(await refusal(guardContribution(db.prisma, actor, expired.id, "vote"))).toEqual({ code: "CONFLICT", messageKey: "participation.errors.roundClosed" });
    const closedEarly = await createRound(db.prisma, { status: "CLOSED", opensAt: new Date(Date.now() - hour), closesAt: new Date(Date.now() + hour) });
    expect(await refusal(guardContribution(db.prisma, actor, closedEarly.id, "comment"))).toEqual({ code: "CONFLICT", messageKey: "participation.errors.roundClosed" });
    const startedLate = await createRound(db.prisma, { status: "SCHEDULED", opensAt: new Date(Date.now() - hour), closesAt: new Date(Date.now() + hour) });
    await expect(guardContribution(db.prisma, actor, startedLate.id, "vote")).resolves.toBeDefined();
    expect(await refusal(guardContribution(db.prisma, actor, "00000000-0000-4000-8000-000000000000", "vote"))).toEqual({ code: "NOT_FOUND", messageKey: "participation.errors.roundNotFound" });
  });

  test("each contribution counts against the per-user limit, then RATE_LIMITED", async () => {
    const round = await createRound(db.prisma);
    const actor = await stakeholder(db.prisma);
    for (let i = 0; i < rateLimitPolicies.contributionPerUser.limit; i++) await guardContribution(db.prisma, actor, round.id, "comment");
    expect(await refusal(guardContribution(db.prisma, actor, round.id, "comment"))).toMatchObject({ code: "RATE_LIMITED" });
    // Another person is not affected.
    await expect(guardContribution(db.prisma, await stakeholder(db.prisma), round.id, "comment")).resolves.toBeDefined();
  });
});
