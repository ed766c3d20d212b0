/** SWOT observations against PostgreSQL: validation, the round's clock, the board grouped by kind. */
import { listSwotEntries } from "@/lib/swot/list-swot-entries";
import { submitSwotEntry } from "@/lib/swot/submit-swot-entry";
import { signedInUser } from "../support/auth-factory";
import { axisId, closeRound, swotEntry } from "../support/proposals-factory";
import { createRound, stakeholder } from "../support/round-factory";
import { refusal } from "../support/refusal";
import { databaseForThisFile } from "../support/test-database";

jest.setTimeout(60_000);
const db = databaseForThisFile();

test("an observation of each kind, with or without an axis of the round's revision", async () => {
  const round = await createRound(db.prisma);
  const author = await stakeholder(db.prisma, "YOUNG_PERSON");
  const axis = await axisId(db.prisma, round.planId, 2);
  const withAxis = await submitSwotEntry(db.prisma, author, round.id, { kind: "WEAKNESS", axisId: axis, body: "  Trasporti\r\nscarsi la sera  " });
  const withoutAxis = await submitSwotEntry(db.prisma, author, round.id, { kind: "THREAT", axisId: "", body: "Spopolamento." });
  expect(await db.prisma.swotEntry.findUniqueOrThrow({ where: { id: withAxis.id } })).toMatchObject({ roundId: round.id, authorId: author.userId, kind: "WEAKNESS", axisId: axis, body: "Trasporti\nscarsi la sera", moderation: "VISIBLE" });
  expect(await db.prisma.swotEntry.findUniqueOrThrow({ where: { id: withoutAxis.id } })).toMatchObject({ kind: "THREAT", axisId: null });
  await submitSwotEntry(db.prisma, author, round.id, { kind: "OPPORTUNITY", body: "x".repeat(2_000) });
  expect(await db.prisma.swotEntry.count({ where: { roundId: round.id } })).toBe(3);
});

test("invalid kinds, empty or long bodies, foreign axes and unknown fields are refused; nothing stored", async () => {
  const round = await createRound(db.prisma);
  const author = await stakeholder(db.prisma);
  const other = await stakeholder(db.prisma);
  const foreignAxis = await db.prisma.axis.create({ data: { planId: round.planId, number: 8 }, select: { id: true } });
  const cases: Array<[Record<string, unknown>, Record<string, string>]> = [
    [{ kind: "STRONG", body: "x" }, { kind: "swot.fields.kindRequired" }],
    [{ body: "x" }, { kind: "swot.fields.kindRequired" }],
    [{ kind: "STRENGTH", body: " \n " }, { body: "participation.text.required" }],
    [{ kind: "STRENGTH", body: "x".repeat(2_001) }, { body: "participation.text.tooLong" }],
    [{ kind: "STRENGTH", body: "x", axisId: "2" }, { axisId: "swot.fields.axisInvalid" }],
    [{ kind: "STRENGTH", body: "x", axisId: foreignAxis.id }, { axisId: "swot.fields.axisInvalid" }],
    [{ kind: "STRENGTH", body: "x", authorId: other.userId }, { form: "proposals.errors.unknownFields" }],
    [{ kind: "STRENGTH", body: "x", moderation: "VISIBLE" }, { form: "proposals.errors.unknownFields" }],
  ];
  for (const [input, details] of cases) {
    expect({ input, refusal: await refusal(submitSwotEntry(db.prisma, author, round.id, input)) }).toEqual({ input, refusal: { code: "VALIDATION", messageKey: "swot.errors.validation", details } });
  }
  expect(await db.prisma.swotEntry.count({ where: { roundId: round.id } })).toBe(0);
});

test("only stakeholders, only while the round is open", async () => {
  const round = await createRound(db.prisma);
  const author = await stakeholder(db.prisma);
  const input = { kind: "STRENGTH", body: "Volontariato diffuso." };
  expect(await refusal(submitSwotEntry(db.prisma, null, round.id, input))).toMatchObject({ code: "UNAUTHENTICATED" });
  expect(await refusal(submitSwotEntry(db.prisma, await signedInUser(db.prisma, "FACILITATOR"), round.id, input))).toMatchObject({ code: "FORBIDDEN" });
  await closeRound(db.prisma, round.id);
  expect(await refusal(submitSwotEntry(db.prisma, author, round.id, input))).toMatchObject({ code: "CONFLICT", messageKey: "participation.errors.roundClosed" });
  expect(await db.prisma.swotEntry.count({ where: { roundId: round.id } })).toBe(0);
});

test("the board groups by kind, newest first, filters by axis, bounds each group and shows hidden ones as hidden", async () => {
  const round = await createRound(db.prisma);
  const author = await stakeholder(db.prisma);
  const axis1 = await axisId(db.prisma, round.planId, 1);
  const first = await swotEntry(db.prisma, author, round, "STRENGTH", "Prima forza", axis1);
  const second = await swotEntry(db.prisma, author, round, "STRENGTH", "Seconda forza");
  const third = await swotEntry(db.prisma, author, round, "STRENGTH", "Terza forza", axis1);
  const threat = await swotEntry(db.prisma, author, round, "THREAT", "Una minaccia", axis1);
  await db.prisma.swotEntry.update({ where: { id: threat }, data: { moderation: "HIDDEN", hiddenReason: "Fuori tema" } });
  const elsewhere = await createRound(db.prisma);
  await swotEntry(db.prisma, author, elsewhere, "WEAKNESS", "Altra consultazione");

  const board = await listSwotEntries(db.prisma, author, round.id, {});
  expect(board.groups.map((group) => [group.kind, group.total])).toEqual([["STRENGTH", 3], ["WEAKNESS", 0], ["OPPORTUNITY", 0], ["THREAT", 1]]);
  expect(board.groups[0]!.entries.map((entry) => entry.id)).toEqual([third, second, first]);
  expect(board.groups[0]!.entries[0]).toMatchObject({ body: "Terza forza", axis: { number: 1 }, isOwn: true, authorName: expect.any(String) });
  expect(board.groups[3]!.entries[0]).toMatchObject({ moderation: "HIDDEN", hiddenReason: "Fuori tema" });

  const filtered = await listSwotEntries(db.prisma, null, round.id, { asse: "1" }, { perKind: 1 });
  expect(filtered.axisNumber).toBe(1);
  expect(filtered.groups.map((group) => group.total)).toEqual([2, 0, 0, 1]);
  expect(filtered.groups[0]!.entries.map((entry) => entry.id)).toEqual([third]);
  expect(filtered.groups[0]!.entries[0]!.isOwn).toBe(false);
  expect((await listSwotEntries(db.prisma, null, round.id, { asse: "abc" })).axisNumber).toBeNull();
});
