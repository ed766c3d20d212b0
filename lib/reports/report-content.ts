import type { FieldChange } from "@/lib/synthesis/get-revision-diff";
import type { OutcomeParticipation } from "@/lib/synthesis/get-round-outcome";
import { MERGED_CATEGORY } from "@/lib/synthesis/k-anonymity";
import { formatDate, formatEuroBigCents, formatEuroCents, formatMean, formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { type Translate, createTranslator } from "@/lib/i18n/translate";
import type { DecisionFields } from "@/lib/plan/plan-read";
import { timingText } from "@/lib/plan/timing-text";
import type { BudgetTotal } from "@/lib/decisions/plan-decisions";
import type { Db } from "@/lib/plan/plan-read";
import { type PublishedRoundReport, REPORT_SECTIONS, type ReportSection, getRoundReport } from "./get-round-report";

/**
 * The report as localized text blocks: headings, paragraphs, lists and tables of figures, in the
 * order of REPORT_SECTIONS. The HTML page and the PDF both render these blocks, so they say the
 * same thing in the same words. `userText` marks what people wrote (titles, rationales, answers,
 * notes): written in Italian whatever the report's language, so both renderings mark its language.
 */

export interface ReportTable {
  caption: string;
  /** Column headers; the first names the row headers' column. */
  head: string[];
  /** Each row: its header (first column) and the other cells. */
  rows: { header: string; cells: string[] }[];
  /** Per column after the first: right-aligned figures. */
  numeric: boolean[];
}

export type ReportBlock =
  | { type: "heading"; text: string; userText?: boolean }
  | { type: "paragraph"; text: string; userText?: boolean; label?: string; emphasis?: boolean }
  | { type: "list"; items: { text: string; label?: string; userText?: boolean }[] }
  | { type: "table"; table: ReportTable };

export interface ReportSectionContent {
  id: ReportSection;
  /** The HTML page's anchor. */
  anchor: string;
  title: string;
  blocks: ReportBlock[];
}

export interface ReportContent {
  locale: Locale;
  title: string;
  intro: string;
  facts: ReportTable;
  sections: ReportSectionContent[];
  /** For the PDF's metadata. */
  subject: string;
  author: string;
}

export const SECTION_ANCHORS: Record<ReportSection, string> = {
  participation: "partecipazione",
  results: "risultati",
  changes: "modifiche",
  proposals: "proposte",
  decisions: "decisioni",
};

export function reportContent(report: PublishedRoundReport, locale: Locale): ReportContent {
  const t = createTranslator(locale);
  const { round, revision } = report;
  const builders: Record<ReportSection, () => ReportBlock[]> = {
    participation: () => participationBlocks(report, locale, t),
    results: () => resultsBlocks(report, locale, t),
    changes: () => changesBlocks(report, locale, t),
    proposals: () => proposalsBlocks(report, t),
    decisions: () => decisionsBlocks(report, locale, t),
  };
  return {
    locale,
    title: t("reports.title", { round: round.title }),
    intro: t("reports.intro", { number: revision.number }),
    facts: {
      caption: t("reports.facts.caption"),
      head: [t("reports.facts.item"), t("reports.facts.value")],
      rows: [
        { header: t("reports.facts.plan"), cells: [report.plan.title] },
        { header: t("reports.facts.issuer"), cells: [report.plan.issuer] },
        { header: t("reports.facts.period"), cells: [t("reports.facts.periodValue", { start: formatDate(round.opensAt, locale), end: formatDate(round.closesAt, locale) })] },
        { header: t("reports.facts.consulted"), cells: [t("reports.facts.revisionValue", { number: report.consultedRevision.number })] },
        {
          header: t("reports.facts.published"),
          cells: [
            revision.publishedAt
              ? t("reports.facts.revisionPublishedValue", { number: revision.number, date: formatDate(revision.publishedAt, locale) })
              : t("reports.facts.revisionValue", { number: revision.number }),
          ],
        },
      ],
      numeric: [false],
    },
    sections: REPORT_SECTIONS.map((id) => ({ id, anchor: SECTION_ANCHORS[id], title: t(`reports.sections.${id}`), blocks: builders[id]() })),
    subject: t("reports.pdf.subject", { round: round.title, plan: report.plan.title }),
    author: report.plan.issuer,
  };
}

/** The participation figures in the order pages show them, each with its synthesis.outcome.participation.* label key. */
export function participationFigures(participation: OutcomeParticipation) {
  return [
    ["voters", participation.voters],
    ["votersWeb", participation.votersByChannel.web],
    ["votersLive", participation.votersByChannel.live],
    ["votesWeb", participation.votesBySource.web],
    ["votesLive", participation.votesBySource.live],
    ["votesPaper", participation.votesBySource.paper],
    ["comments", participation.comments],
    ["proposals", participation.proposals],
    ["proposalSupports", participation.proposalSupports],
    ["swotEntries", participation.swotEntries],
  ] as const;
}

function participationBlocks(report: PublishedRoundReport, locale: Locale, t: Translate): ReportBlock[] {
  const { participation } = report;
  const figures = participationFigures(participation);
  const blocks: ReportBlock[] = [
    {
      type: "table",
      table: {
        caption: t("reports.participation.channelCaption"),
        head: [t("reports.participation.figure"), t("reports.participation.value")],
        rows: figures.map(([key, value]) => ({ header: t(`synthesis.outcome.participation.${key}`), cells: [formatNumber(value, locale)] })),
        numeric: [true],
      },
    },
    { type: "paragraph", text: t("synthesis.outcome.participation.note") },
    { type: "heading", text: t("reports.participation.byCategory") },
  ];
  if (participation.byCategory.length === 0) return [...blocks, { type: "paragraph", text: t("reports.participation.noVoters") }];
  return [
    ...blocks,
    { type: "paragraph", text: t("reports.participation.kAnonymity", { count: report.results.minVoters }) },
    {
      type: "table",
      table: {
        caption: t("reports.participation.byCategoryCaption"),
        head: [t("reports.participation.category"), t("reports.participation.voters")],
        rows: participation.byCategory.map((row) => ({
          header: categoryName(row.category, t),
          cells: [row.voters === null ? t("synthesis.outcome.results.withheld", { count: report.results.minVoters }) : formatNumber(row.voters, locale)],
        })),
        numeric: [true],
      },
    },
  ];
}

const categoryName = (category: string, t: Translate) => (category === MERGED_CATEGORY ? t("synthesis.outcome.results.otherCategory") : t(`auth.categories.${category}`));

function resultsBlocks(report: PublishedRoundReport, locale: Locale, t: Translate): ReportBlock[] {
  const { results } = report;
  const voted = results.measures.filter((measure) => measure.total.total > 0);
  const tallyHead = [t("reports.results.support"), t("reports.results.oppose"), t("reports.results.abstain"), t("reports.results.total")];
  const blocks: ReportBlock[] = [{ type: "paragraph", text: t("synthesis.outcome.results.intro") }];
  if (voted.length === 0) blocks.push({ type: "paragraph", text: t("synthesis.outcome.results.none") });
  else {
    if (voted.length < results.measures.length) blocks.push({ type: "paragraph", text: t("synthesis.outcome.results.notVoted", { count: results.measures.length - voted.length }) });
    blocks.push({
      type: "table",
      table: {
        caption: t("reports.results.caption"),
        head: [t("reports.results.measure"), ...tallyHead, t("reports.results.meanPriority")],
        rows: voted.map((measure) => ({
          header: t("synthesis.outcome.results.measure", { code: measure.code }),
          cells: [
            ...[measure.total.support, measure.total.oppose, measure.total.abstain, measure.total.total].map((value) => formatNumber(value, locale)),
            formatMean(measure.total.meanPriority, locale, t("reports.results.noPriority")),
          ],
        })),
        numeric: [true, true, true, true, true],
      },
    });
  }
  blocks.push({ type: "heading", text: t("synthesis.outcome.results.byCategory") }, { type: "paragraph", text: t("synthesis.outcome.results.kAnonymity", { count: results.minVoters }) });
  if (results.byCategory.length === 0) return [...blocks, { type: "paragraph", text: t("synthesis.outcome.results.noCategoryVotes") }];
  const withheld = t("reports.results.withheld");
  blocks.push({
    type: "table",
    table: {
      caption: t("reports.results.byCategoryCaption"),
      head: [t("reports.results.measure"), t("reports.participation.category"), ...tallyHead],
      rows: results.byCategory.flatMap((measure) =>
        measure.rows.map((row) => ({
          header: t("synthesis.outcome.results.measure", { code: measure.code }),
          cells: [categoryName(row.category, t), ...(row.suppressed ? [withheld, withheld, withheld, withheld] : [row.support, row.oppose, row.abstain, row.voters].map((value) => formatNumber(value, locale)))],
        })),
      ),
      numeric: [false, true, true, true, true],
    },
  });
  return blocks;
}

function fieldValue(change: FieldChange, value: FieldChange["before"], locale: Locale, t: Translate): string {
  if (value === null) return t("synthesis.revision.fields.empty");
  if (change.field === "budgetCents") return formatEuroCents(value as number, locale);
  if (value instanceof Date) return formatDate(value, locale);
  return String(value);
}

function changesBlocks(report: PublishedRoundReport, locale: Locale, t: Translate): ReportBlock[] {
  const { changes } = report;
  if (changes.length === 0) return [{ type: "paragraph", text: t("synthesis.outcome.changes.none") }];
  const blocks: ReportBlock[] = [{ type: "paragraph", text: t("synthesis.outcome.changes.intro", { count: changes.length }) }];
  for (const change of changes) {
    const subject = change.measure
      ? t("synthesis.outcome.changes.onMeasure", { code: change.measure.code })
      : change.axis
        ? t("synthesis.outcome.changes.onAxis", { number: change.axis.number })
        : "";
    const heading = [t(`synthesis.outcome.kinds.${change.kind}`), subject, change.editorial ? t("synthesis.outcome.changes.editorial") : ""].filter(Boolean).join(" · ");
    blocks.push({ type: "heading", text: heading }, { type: "paragraph", label: t("synthesis.outcome.changes.rationale"), text: change.rationale, userText: true });
    const diff = change.measureDiff;
    if (diff?.text && change.kind !== "MEASURE_DECISION_FIELDS_CHANGED") {
      blocks.push({ type: "paragraph", label: t(diff.kind === "retired" ? "reports.changes.retiredText" : "reports.changes.currentText"), text: diff.currentText, userText: true });
    }
    if (diff && diff.fields.length > 0 && change.kind !== "MEASURE_TEXT_CHANGED") {
      blocks.push({
        type: "list",
        items: diff.fields.map((field) => ({
          text: t("reports.changes.fieldChange", { field: t(`synthesis.revision.fields.names.${field.field}`), before: fieldValue(field, field.before, locale, t), after: fieldValue(field, field.after, locale, t) }),
        })),
      });
    }
    if (change.kind === "MEASURES_REORDERED" && change.axisDiff) {
      const moved = change.axisDiff.measures.filter((measure) => measure.moved);
      if (moved.length > 0) blocks.push({ type: "list", items: moved.map((measure) => ({ text: t("synthesis.outcome.changes.movedMeasure", { code: measure.code, from: measure.moved!.from, to: measure.moved!.to }) })) });
    }
    if (change.links.length > 0) blocks.push({ type: "paragraph", text: t("reports.changes.links", { count: change.links.length }) });
    else if (change.editorial) blocks.push({ type: "paragraph", text: t("synthesis.outcome.changes.editorialNote") });
  }
  return blocks;
}

function proposalsBlocks(report: PublishedRoundReport, t: Translate): ReportBlock[] {
  const { proposals } = report;
  if (proposals.length === 0) return [{ type: "paragraph", text: t("synthesis.outcome.proposals.none") }];
  const blocks: ReportBlock[] = [];
  for (const proposal of proposals) {
    const visible = proposal.moderation === "VISIBLE";
    blocks.push({ type: "heading", text: visible ? proposal.title : t("reports.proposals.hidden"), userText: visible });
    const about = proposal.measureCode
      ? t("synthesis.outcome.proposals.onMeasure", { code: proposal.measureCode })
      : proposal.axisNumber
        ? t("synthesis.outcome.proposals.onAxis", { number: proposal.axisNumber })
        : null;
    blocks.push({
      type: "paragraph",
      text: [t(`proposals.kind.${proposal.kind}`), about, `${t("synthesis.outcome.proposals.status")}: ${t(`proposals.status.${proposal.status}`)}`, t("synthesis.outcome.proposals.supports", { count: proposal.supportCount })]
        .filter(Boolean)
        .join(" · "),
    });
    if (proposal.mergedInto) {
      const mergedTitle = proposal.mergedInto.moderation === "VISIBLE" ? proposal.mergedInto.title : t("reports.proposals.hidden");
      blocks.push({ type: "paragraph", label: t("synthesis.outcome.proposals.mergedInto"), text: mergedTitle, userText: proposal.mergedInto.moderation === "VISIBLE" });
    }
    if (proposal.answer) blocks.push({ type: "paragraph", label: t("synthesis.outcome.proposals.answer"), text: proposal.answer, userText: true });
    else blocks.push({ type: "paragraph", text: t(proposal.status === "WITHDRAWN" ? "synthesis.outcome.proposals.withdrawn" : "synthesis.outcome.proposals.noAnswer"), emphasis: true });
  }
  return blocks;
}

function decisionFieldCells(fields: DecisionFields, locale: Locale, t: Translate): string[] {
  const undecided = t("reports.decisions.toBeDecided");
  return [
    timingText(fields, locale, t) ?? undecided,
    fields.budgetCents === null ? undecided : formatEuroCents(fields.budgetCents, locale),
    fields.fundingSource ?? undecided,
    fields.department ?? undecided,
  ];
}

function totalsTable(caption: string, groups: BudgetTotal[], label: (group: BudgetTotal) => string, locale: Locale, t: Translate): ReportBlock {
  return {
    type: "table",
    table: {
      caption,
      head: [t("reports.decisions.group"), t("reports.decisions.measures"), t("reports.decisions.budget")],
      rows: groups.map((group) => ({ header: label(group), cells: [formatNumber(group.measures, locale), formatEuroBigCents(group.budgetCents, locale)] })),
      numeric: [true, true],
    },
  };
}

function decisionsBlocks(report: PublishedRoundReport, locale: Locale, t: Translate): ReportBlock[] {
  const { decisions, revision } = report;
  const blocks: ReportBlock[] = [{ type: "paragraph", text: t("reports.decisions.intro", { number: revision.number }) }];
  if (decisions.measures.length === 0) blocks.push({ type: "paragraph", text: t("reports.decisions.none") });
  else {
    blocks.push({
      type: "table",
      table: {
        caption: t("reports.decisions.caption"),
        head: [t("reports.results.measure"), t("reports.decisions.timing"), t("reports.decisions.budget"), t("reports.decisions.fundingSource"), t("reports.decisions.department")],
        rows: decisions.measures.map((measure) => ({ header: t("reports.decisions.measure", { code: measure.code }), cells: decisionFieldCells(measure.fields, locale, t) })),
        numeric: [false, true, false, false],
      },
    });
    blocks.push({
      type: "list",
      items: decisions.measures.map((measure) => ({
        label: `${t("reports.decisions.measure", { code: measure.code })} — ${t("reports.decisions.decidedOn", { date: formatDate(measure.decision.decidedAt, locale), version: measure.decision.version })}`,
        text: measure.decision.note,
        userText: measure.decision.note !== "",
      })),
    });
  }
  const { totals } = decisions;
  blocks.push({ type: "heading", text: t("reports.decisions.totals") });
  blocks.push({ type: "paragraph", text: t("reports.decisions.totalSentence", { total: formatEuroBigCents(totals.totalCents, locale), count: totals.measuresWithBudget }) });
  if (totals.measuresWithoutBudget > 0) blocks.push({ type: "paragraph", text: t("reports.decisions.withoutBudget", { count: totals.measuresWithoutBudget }) });
  if (totals.droppedMeasures > 0) blocks.push({ type: "paragraph", text: t("reports.decisions.dropped", { count: totals.droppedMeasures }) });
  const notStated = t("reports.decisions.notStated");
  blocks.push(
    totalsTable(t("reports.decisions.byAxisCaption"), totals.byAxis, (group) => t("reports.decisions.axis", { number: group.key ?? "", title: group.label ?? "" }), locale, t),
    totalsTable(t("reports.decisions.byFundingSourceCaption"), totals.byFundingSource, (group) => group.label ?? notStated, locale, t),
    totalsTable(t("reports.decisions.byDepartmentCaption"), totals.byDepartment, (group) => group.label ?? notStated, locale, t),
  );
  return blocks;
}

export type RoundReportContent = { published: false; round: { id: string; title: string } } | { published: true; round: { id: string; title: string }; content: ReportContent };

/** The report page's data: the localized report once it is public, else only the round (the page explains). */
export async function getRoundReportContent(db: Db, roundId: string, locale: Locale, now: Date = new Date()): Promise<RoundReportContent> {
  const report = await getRoundReport(db, roundId, now);
  if (!report.published) return { published: false, round: report.round };
  return { published: true, round: report.round, content: reportContent(report, locale) };
}
