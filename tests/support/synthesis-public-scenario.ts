/**
 * A hand-built "published round" for the public synthesis pages (revision diff, "you said, we did"),
 * written straight to the database so the expected diff, links and counts are known exactly:
 * revision N (consulted) → revision N+1 (published from the round) → revision N+2 (a draft of a
 * later round, never public). Works on any plan holding the seed document (integration freshPlan,
 * e2e importPlanCopy).
 */
import type { PrismaClient } from "@/lib/db/client";
import type { StakeholderCategory, VoteChoice } from "@/lib/db/generated/enums";
import { createNextRevision } from "./plan-factory";

const DAY = 24 * 3600_000;

export const TEXT_BEFORE = "Istituire un tavolo permanente di coordinamento tra i servizi del territorio.";
export const TEXT_AFTER = "Istituire un tavolo stabile di coordinamento tra i servizi sociali del territorio.";
export const NEW_MEASURE_TEXT = "Aprire uno sportello unico per le famiglie in ogni quartiere.";
export const BULLET_AFTER_SUFFIX = " entro il 2028";
export const NEW_BULLET = "Un rapporto pubblico annuale sui risultati.";

export interface PublicScenario {
  plan: { id: string; slug: string };
  round: { id: string; title: string };
  draftRound: { id: string };
  consulted: number;
  published: number;
  draft: number;
  measures: Record<"changed" | "fields" | "retired" | "moved" | "rejectedTarget", { id: string; code: string }>;
  added: { id: string; code: string };
  axis1: { id: string; title: string; newTitle: string; firstBullet: string };
  axis2: { id: string; lastPlace: number };
  consultedMeasures: number;
  proposals: { accepted: string; newMeasure: string; rejected: string };
  commentId: string;
  swotId: string;
  changes: { text: string; fields: string; retired: string; added: string; reordered: string; axis: string };
}

export async function buildPublicScenario(db: PrismaClient, planId: string, tag: string): Promise<PublicScenario> {
  const plan = await db.plan.findUniqueOrThrow({ where: { id: planId }, select: { slug: true, currentRevision: { select: { id: true, number: true } } } });
  const consulted = plan.currentRevision!;
  const measure = async (code: string) => (await db.measure.findUniqueOrThrow({ where: { planId_code: { planId, code } }, select: { id: true, code: true } }));
  const [changed, fields, retired, moved, rejectedTarget] = await Promise.all(["1.1", "1.2", "1.3", "2.1", "1.4"].map(measure));
  const axis = async (number: number) => db.axis.findUniqueOrThrow({ where: { planId_number: { planId, number } }, select: { id: true } });
  const [axis1, axis2] = await Promise.all([axis(1), axis(2)]);

  // The consulted revision, with known values where the diff looks.
  await db.measureVersion.update({ where: { measureId_revisionId: { measureId: changed!.id, revisionId: consulted.id } }, data: { text: TEXT_BEFORE } });
  await db.measureVersion.update({
    where: { measureId_revisionId: { measureId: fields!.id, revisionId: consulted.id } },
    data: { budgetCents: 10_000_000n, department: null, fundingSource: "Comune di Pisa" },
  });
  const axis1Before = await db.axisVersion.findUniqueOrThrow({ where: { axisId_revisionId: { axisId: axis1.id, revisionId: consulted.id } } });

  const round = await db.round.create({
    data: { planId, revisionId: consulted.id, title: `Consultazione pubblicata ${tag}`, status: "PUBLISHED", opensAt: new Date(Date.now() - 30 * DAY), closesAt: new Date(Date.now() - 20 * DAY) },
    select: { id: true, title: true },
  });

  // People: 14 web voters, 1 live voter.
  let people = 0;
  const person = async (category: StakeholderCategory) => {
    people += 1;
    const user = await db.user.create({ data: { email: `sintesi-${tag}-${people}@example.it`, role: "STAKEHOLDER", profile: { create: { displayName: `Votante ${people}`, category } } }, select: { id: true } });
    return user.id;
  };
  const vote = async (measureId: string, category: StakeholderCategory, choice: VoteChoice, priority: number | null, channel: "WEB" | "LIVE" = "WEB") => {
    const userId = await person(category);
    await db.vote.create({ data: { roundId: round.id, measureId, userId, choice, priority, channel, category } });
    return userId;
  };
  const author = await vote(changed!.id, "CITIZEN", "SUPPORT", 5);
  for (let i = 0; i < 5; i++) await vote(changed!.id, "CITIZEN", "SUPPORT", 5);
  for (let i = 0; i < 5; i++) await vote(changed!.id, "FAMILY", i < 3 ? "SUPPORT" : "OPPOSE", 3);
  for (let i = 0; i < 2; i++) await vote(changed!.id, "BUSINESS", "OPPOSE", null);
  await vote(changed!.id, "THIRD_SECTOR", "ABSTAIN", null);
  await vote(fields!.id, "CITIZEN", "SUPPORT", 4, "LIVE");
  const meeting = await db.meeting.create({
    data: { roundId: round.id, title: "Assemblea", venue: "Circolo", venueKind: "CULTURAL_CLUB", startsAt: new Date(Date.now() - 25 * DAY), endsAt: new Date(Date.now() - 25 * DAY + 3600_000) },
    select: { id: true },
  });
  await db.paperTally.create({ data: { meetingId: meeting.id, roundId: round.id, measureId: changed!.id, support: 3, oppose: 1, abstain: 0, prioritySum: 8, priorityCount: 2 } });

  const proposal = (data: { kind: "AMEND_MEASURE" | "NEW_MEASURE" | "RETIRE_MEASURE"; title: string; measureId?: string; axisId?: string; status: "ACCEPTED" | "REJECTED"; answer: string }) =>
    db.proposal.create({ data: { roundId: round.id, authorId: author, rationale: "Perché serve a tutti.", answeredAt: new Date(), ...data }, select: { id: true } });
  const accepted = await proposal({ kind: "AMEND_MEASURE", title: `Un tavolo stabile ${tag}`, measureId: changed!.id, status: "ACCEPTED", answer: "Accolta: il tavolo sarà stabile e aperto ai servizi sociali." });
  const newMeasure = await proposal({ kind: "NEW_MEASURE", title: `Sportello per le famiglie ${tag}`, axisId: axis1.id, status: "ACCEPTED", answer: "Accolta come nuova misura." });
  const rejected = await proposal({ kind: "RETIRE_MEASURE", title: `Ritirare la misura 1.4 ${tag}`, measureId: rejectedTarget!.id, status: "REJECTED", answer: "Respinta: la misura ha un ampio sostegno." });
  const supporter = await person("FAMILY");
  await db.proposalSupport.create({ data: { proposalId: accepted.id, userId: supporter } });
  const comment = await db.comment.create({ data: { roundId: round.id, authorId: author, measureId: changed!.id, body: "Il tavolo deve coinvolgere anche i servizi sociali." }, select: { id: true } });
  const swot = await db.swotEntry.create({ data: { roundId: round.id, authorId: author, kind: "WEAKNESS", axisId: axis1.id, body: "Manca un ufficio che segua l'ambiente." }, select: { id: true } });

  // The published revision drafted from the round.
  const next = await createNextRevision(db, planId, {
    edits: { "1.1": { text: TEXT_AFTER }, "1.2": { budgetCents: 15_000_000n, department: "Ufficio Ambiente" } },
    retire: ["1.3"],
    summary: "Revisione dopo la consultazione.",
  });
  await db.revision.update({ where: { id: next.id }, data: { fromRoundId: round.id } });
  const versions = await db.measureVersion.findMany({ where: { revisionId: next.id }, orderBy: { position: "asc" }, select: { id: true, position: true, measure: { select: { axisId: true, code: true } } } });
  // Measure 2.1 goes to the end of axis 2: the others of the axis move up one place.
  const axis2Versions = versions.filter((version) => version.measure.axisId === axis2.id);
  const lastOfAxis2 = axis2Versions.at(-1)!.position;
  for (const version of axis2Versions) {
    await db.measureVersion.update({ where: { id: version.id }, data: { position: version.measure.code === "2.1" ? lastOfAxis2 : version.position - 1 } });
  }
  // A new measure at the end of axis 1 (positions after it move down one).
  const axis1Codes = (await db.measure.findMany({ where: { planId, axisId: axis1.id }, select: { code: true } })).map((item) => Number(item.code.split(".")[1]));
  const addedCode = `1.${Math.max(...axis1Codes) + 1}`;
  const lastOfAxis1 = versions.filter((version) => version.measure.axisId === axis1.id).at(-1)!.position;
  await db.measureVersion.updateMany({ where: { revisionId: next.id, position: { gt: lastOfAxis1 } }, data: { position: { increment: 1 } } });
  const added = await db.measure.create({ data: { planId, axisId: axis1.id, code: addedCode }, select: { id: true, code: true } });
  await db.measureVersion.create({ data: { measureId: added.id, revisionId: next.id, position: lastOfAxis1 + 1, text: NEW_MEASURE_TEXT } });
  // Axis 1: title and expected results.
  const newTitle = `${axis1Before.title} condivisa`;
  const firstBullet = axis1Before.resultsBullets[0]!;
  await db.axisVersion.update({
    where: { axisId_revisionId: { axisId: axis1.id, revisionId: next.id } },
    data: { title: newTitle, resultsBullets: [firstBullet.replace(/\.?$/, BULLET_AFTER_SUFFIX), ...axis1Before.resultsBullets.slice(1), NEW_BULLET] },
  });

  const change = (data: { kind: "MEASURE_ADDED" | "MEASURE_TEXT_CHANGED" | "MEASURE_DECISION_FIELDS_CHANGED" | "MEASURE_RETIRED" | "MEASURES_REORDERED" | "AXIS_CHANGED"; rationale: string; measureId?: string; axisId?: string; editorial?: boolean; links?: object[] }) =>
    db.revisionChange.create({ data: { revisionId: next.id, kind: data.kind, rationale: data.rationale, measureId: data.measureId, axisId: data.axisId, editorial: data.editorial ?? false, links: { create: data.links ?? [] } }, select: { id: true } });
  const changes = {
    text: (await change({ kind: "MEASURE_TEXT_CHANGED", measureId: changed!.id, rationale: "Molti hanno chiesto un tavolo stabile con i servizi sociali.", links: [{ proposalId: accepted.id }, { commentId: comment.id }] })).id,
    fields: (await change({ kind: "MEASURE_DECISION_FIELDS_CHANGED", measureId: fields!.id, rationale: "Il voto favorevole giustifica più risorse.", links: [{ voteResultsRoundId: round.id, voteResultsMeasureId: fields!.id }, { swotEntryId: swot.id }] })).id,
    retired: (await change({ kind: "MEASURE_RETIRED", measureId: retired!.id, rationale: "La misura è già stata realizzata.", editorial: true })).id,
    added: (await change({ kind: "MEASURE_ADDED", measureId: added.id, rationale: "Una proposta molto sostenuta.", links: [{ proposalId: newMeasure.id }] })).id,
    reordered: (await change({ kind: "MEASURES_REORDERED", axisId: axis2.id, rationale: "Ordine per priorità.", editorial: true })).id,
    axis: (await change({ kind: "AXIS_CHANGED", axisId: axis1.id, rationale: "Risultati attesi più precisi.", editorial: true })).id,
  };

  // A later round, with its revision still a draft.
  const draftRound = await db.round.create({
    data: { planId, revisionId: next.id, title: `Consultazione in sintesi ${tag}`, status: "SYNTHESIS", opensAt: new Date(Date.now() - 10 * DAY), closesAt: new Date(Date.now() - 5 * DAY) },
    select: { id: true },
  });
  const draft = await createNextRevision(db, planId, { status: "DRAFT", edits: { "1.1": { text: "Testo della bozza, non pubblico." } } });
  await db.revision.update({ where: { id: draft.id }, data: { fromRoundId: draftRound.id } });

  return {
    plan: { id: planId, slug: plan.slug },
    round,
    draftRound,
    consulted: consulted.number,
    published: next.number,
    draft: draft.number,
    measures: { changed: changed!, fields: fields!, retired: retired!, moved: moved!, rejectedTarget: rejectedTarget! },
    added,
    axis1: { id: axis1.id, title: axis1Before.title, newTitle, firstBullet },
    axis2: { id: axis2.id, lastPlace: axis2Versions.length },
    consultedMeasures: versions.length + 1,
    proposals: { accepted: accepted.id, newMeasure: newMeasure.id, rejected: rejected.id },
    commentId: comment.id,
    swotId: swot.id,
    changes,
  };
}
