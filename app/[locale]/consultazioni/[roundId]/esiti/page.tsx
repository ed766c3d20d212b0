import type { Metadata } from "next";
import { Breadcrumb } from "@/components/layout/breadcrumb";
import { DataTable } from "@/components/layout/data-table";
import { UserText } from "@/components/participation/user-text";
import { CategoryTallyTable, categoryLabel } from "@/components/participation/vote-results-table";
import { ProposalKindBadge, ProposalStatusBadge, ProposalTitle } from "@/components/proposals/badges";
import { proposalPath, roundPath, swotPath } from "@/components/proposals/links";
import { roundTrail } from "@/components/rounds/round-trail";
import { AxisTextsDiff, DiffLegend, MeasureDiffBody } from "@/components/synthesis/public-diff";
import { PriorityChart, VotesChart } from "@/components/synthesis/vote-charts";
import { getPrisma } from "@/lib/db/client";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import { type Locale, isLocale } from "@/lib/i18n/locales";
import { type Translate, createTranslator } from "@/lib/i18n/translate";
import { type OutcomeChange, type OutcomeLink, type RoundOutcome, getRoundOutcome } from "@/lib/synthesis/get-round-outcome";
import { MERGED_CATEGORY } from "@/lib/synthesis/k-anonymity";
import { participationFigures } from "@/lib/reports/report-content";
import { localizedPath } from "@/lib/web/localized-path";
import { pageContext, rethrowAsPage } from "@/lib/web/page-context";

/** "You said, we did": what a round's input changed in the plan, every proposal's answer, the aggregate results. */
type Props = { params: Promise<{ locale: string; roundId: string }> };
type Published = Extract<RoundOutcome, { published: true }>;

async function load(params: Props["params"]): Promise<RoundOutcome> {
  const { roundId } = await params;
  return getRoundOutcome(getPrisma(), roundId).catch(rethrowAsPage);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const outcome = await load(params);
  const t = createTranslator(isLocale(locale) ? locale : "it");
  return { title: t("synthesis.outcome.metaTitle", { round: outcome.round.title }) };
}

export default async function RoundOutcomePage({ params }: Props) {
  const { locale, t } = await pageContext(params);
  const outcome = await load(params);
  const { round } = outcome;
  return (
    <>
      <Breadcrumb t={t} items={[...roundTrail(locale, t, round), { label: t("synthesis.outcome.breadcrumb") }]} />
      <h1>{t("synthesis.outcome.title", { round: round.title })}</h1>
      {!outcome.published ? (
        <>
          <p className="lead">{t("synthesis.outcome.notPublishedTitle")}</p>
          <p>{t("synthesis.outcome.notPublished")}</p>
          <ul>
            <li>
              <a href={roundPath(locale, round.id)}>{t("synthesis.outcome.backToRound")}</a>
            </li>
            <li>
              <a href={localizedPath(locale, `/consultazioni/${round.id}/risultati`)}>{t("synthesis.outcome.resultsLink")}</a>
            </li>
          </ul>
        </>
      ) : (
        <PublishedOutcome outcome={outcome} locale={locale} t={t} />
      )}
    </>
  );
}

function PublishedOutcome({ outcome, locale, t }: { outcome: Published; locale: Locale; t: Translate }) {
  const { round, revision, changes, proposals, participation } = outcome;
  const revisionHref = localizedPath(locale, `/piani/${round.plan.slug}/revisioni/${revision.number}`);
  return (
    <>
      <p className="lead">{t("synthesis.outcome.intro")}</p>
      <p>
        {t("synthesis.outcome.revisionSentence", { consulted: outcome.consultedRevision.number, number: revision.number })}{" "}
        {revision.publishedAt ? t("synthesis.outcome.publishedOn", { date: formatDate(revision.publishedAt, locale) }) : null}{" "}
        <a href={revisionHref}>{t("synthesis.outcome.revisionLink", { number: revision.number })}</a>
      </p>
      {revision.summary ? <UserText text={revision.summary} lang="it" /> : null}
      <p>
        <a href={localizedPath(locale, `/consultazioni/${round.id}/rapporto`)}>{t("reports.outcomeLink")}</a>
      </p>

      <nav aria-labelledby="outcome-contents" className="my-4">
        <h2 id="outcome-contents" className="h5">{t("synthesis.outcome.contents")}</h2>
        <ul>
          <li><a href="#partecipazione">{t("synthesis.outcome.participation.title")}</a></li>
          <li><a href="#modifiche">{t("synthesis.outcome.changes.title")}</a></li>
          <li><a href="#proposte">{t("synthesis.outcome.proposals.title")}</a></li>
          <li><a href="#risultati">{t("synthesis.outcome.results.title")}</a></li>
        </ul>
      </nav>

      <section id="partecipazione" aria-labelledby="participation-title" className="my-5">
        <h2 id="participation-title" className="h3">{t("synthesis.outcome.participation.title")}</h2>
        <DataTable caption={t("synthesis.outcome.participation.caption")} className="table table-sm w-auto">
          <tbody>
            {participationFigures(participation).map(([key, value]) => (
              <tr key={key}>
                <th scope="row">{t(`synthesis.outcome.participation.${key}`)}</th>
                <td className="text-end">{formatNumber(value, locale)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
        <p className="small">{t("synthesis.outcome.participation.note")}</p>
      </section>

      <section id="modifiche" aria-labelledby="changes-title" className="my-5">
        <h2 id="changes-title" className="h3">{t("synthesis.outcome.changes.title")}</h2>
        {changes.length === 0 ? (
          <p>{t("synthesis.outcome.changes.none")}</p>
        ) : (
          <>
            <p>{t("synthesis.outcome.changes.intro", { count: changes.length })}</p>
            <DiffLegend t={t} />
            {changes.map((change) => (
              <ChangeItem key={change.id} change={change} planSlug={round.plan.slug} locale={locale} t={t} />
            ))}
          </>
        )}
      </section>

      <section id="proposte" aria-labelledby="proposals-title" className="my-5">
        <h2 id="proposals-title" className="h3">{t("synthesis.outcome.proposals.title")}</h2>
        {proposals.length === 0 ? (
          <p>{t("synthesis.outcome.proposals.none")}</p>
        ) : (
          <ul className="list-unstyled">
            {proposals.map((proposal) => (
              <li key={proposal.id} id={`proposta-${proposal.id}`} className="border-bottom py-3">
                <h3 className="h5">
                  <a href={proposalPath(locale, round.id, proposal.id)}>
                    <ProposalTitle title={proposal.title} moderation={proposal.moderation} t={t} />
                  </a>
                </h3>
                <p className="mb-1">
                  <ProposalKindBadge kind={proposal.kind} t={t} />
                  <span className="visually-hidden">{t("synthesis.outcome.proposals.status")}: </span>
                  <ProposalStatusBadge status={proposal.status} t={t} />
                  {proposal.measureCode ? t("synthesis.outcome.proposals.onMeasure", { code: proposal.measureCode }) : proposal.axisNumber ? t("synthesis.outcome.proposals.onAxis", { number: proposal.axisNumber }) : null}
                  {" · "}
                  {t("synthesis.outcome.proposals.supports", { count: proposal.supportCount })}
                </p>
                {proposal.mergedInto ? (
                  <p className="mb-1">
                    {t("synthesis.outcome.proposals.mergedInto")}{" "}
                    <a href={proposalPath(locale, round.id, proposal.mergedInto.id)}>
                      <ProposalTitle title={proposal.mergedInto.title} moderation={proposal.mergedInto.moderation} t={t} />
                    </a>
                  </p>
                ) : null}
                {proposal.answer ? (
                  <div>
                    <p className="fw-semibold mb-1">{t("synthesis.outcome.proposals.answer")}</p>
                    <UserText text={proposal.answer} />
                  </div>
                ) : (
                  <p className="text-muted">{t(proposal.status === "WITHDRAWN" ? "synthesis.outcome.proposals.withdrawn" : "synthesis.outcome.proposals.noAnswer")}</p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <Results outcome={outcome} locale={locale} t={t} />
    </>
  );
}

function ChangeItem({ change, planSlug, locale, t }: { change: OutcomeChange; planSlug: string; locale: Locale; t: Translate }) {
  const subject = change.measure
    ? t("synthesis.outcome.changes.onMeasure", { code: change.measure.code })
    : change.axis
      ? t("synthesis.outcome.changes.onAxis", { number: change.axis.number })
      : "";
  const headingId = `change-${change.id}`;
  return (
    <article className="border-top pt-3 mt-4" aria-labelledby={headingId} id={`modifica-${change.id}`}>
      <h3 id={headingId} className="h5">
        {t(`synthesis.outcome.kinds.${change.kind}`)}
        {subject ? ` · ${subject}` : null}
        {change.editorial ? <span className="badge bg-light text-dark border ms-2">{t("synthesis.outcome.changes.editorial")}</span> : null}
      </h3>
      <p className="fw-semibold mb-1">{t("synthesis.outcome.changes.rationale")}</p>
      <UserText text={change.rationale} lang="it" />
      <BeforeAfter change={change} locale={locale} t={t} />
      {change.links.length > 0 ? (
        <>
          <p className="fw-semibold mb-1">{t("synthesis.outcome.changes.motivatedBy")}</p>
          <ul>
            {change.links.map((link, index) => (
              <li key={index}>
                <LinkItem link={link} planSlug={planSlug} locale={locale} t={t} />
              </li>
            ))}
          </ul>
        </>
      ) : change.editorial ? (
        <p className="text-muted">{t("synthesis.outcome.changes.editorialNote")}</p>
      ) : null}
    </article>
  );
}

function BeforeAfter({ change, locale, t }: { change: OutcomeChange; locale: Locale; t: Translate }) {
  if (change.measureDiff) {
    return (
      <div>
        <p className="fw-semibold mb-1">{t("synthesis.outcome.changes.beforeAfter")}</p>
        <MeasureDiffBody
          measure={change.measureDiff}
          locale={locale}
          t={t}
          only={change.kind === "MEASURE_TEXT_CHANGED" ? "text" : change.kind === "MEASURE_DECISION_FIELDS_CHANGED" ? "fields" : undefined}
        />
      </div>
    );
  }
  if (change.axisDiff) {
    const moved = change.axisDiff.measures.filter((measure) => measure.moved);
    return (
      <div>
        <p className="fw-semibold mb-1">{t("synthesis.outcome.changes.beforeAfter")}</p>
        {change.kind === "AXIS_CHANGED" ? <AxisTextsDiff axis={change.axisDiff} locale={locale} t={t} /> : null}
        {change.kind === "MEASURES_REORDERED" && moved.length > 0 ? (
          <ul>
            {moved.map((measure) => (
              <li key={measure.measureId}>
                {t("synthesis.outcome.changes.movedMeasure", { code: measure.code, from: measure.moved!.from, to: measure.moved!.to })}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    );
  }
  return <p className="text-muted">{t("synthesis.outcome.changes.noDifference")}</p>;
}

function LinkItem({ link, planSlug, locale, t }: { link: OutcomeLink; planSlug: string; locale: Locale; t: Translate }) {
  switch (link.type) {
    case "proposal":
      return (
        <>
          {t("synthesis.outcome.links.proposal")}{" "}
          <a href={proposalPath(locale, link.roundId, link.id)}>
            <ProposalTitle title={link.title} moderation={link.moderation} t={t} />
          </a>{" "}
          <ProposalStatusBadge status={link.status} t={t} />
        </>
      );
    case "comment": {
      const href = link.measureCode
        ? `${localizedPath(locale, `/piani/${planSlug}/misure/${link.measureCode}`)}#comment-${link.id}`
        : `${roundPath(locale, link.roundId)}#comment-${link.id}`;
      return (
        <>
          <a href={href}>
            {link.measureCode ? t("synthesis.outcome.links.commentOnMeasure", { code: link.measureCode }) : t("synthesis.outcome.links.commentOnAxis", { number: link.axisNumber ?? "" })}
          </a>
          <Excerpt text={link.excerpt} />
        </>
      );
    }
    case "swot":
      return (
        <>
          <a href={`${swotPath(locale, link.roundId)}#swot-${link.id}`}>{t("synthesis.outcome.links.swot", { kind: t(`swot.kinds.${link.kind}`) })}</a>
          <Excerpt text={link.excerpt} />
        </>
      );
    case "voteResults":
      return <a href={`${localizedPath(locale, `/consultazioni/${link.roundId}/risultati`)}#misura-${link.measureCode}`}>{t("synthesis.outcome.links.voteResults", { code: link.measureCode })}</a>;
  }
}

/** A linked contribution's opening words, quoted after its link. */
function Excerpt({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <>
      {": "}
      <q className="consulta-user-text" dir="auto">{text}</q>
    </>
  );
}

function Results({ outcome, locale, t }: { outcome: Published; locale: Locale; t: Translate }) {
  const { round, results } = outcome;
  const measureLabel = (code: string) => t("synthesis.outcome.results.measure", { code });
  // Charts show the measures somebody voted on; the others are counted in a sentence.
  const voted = results.measures.filter((measure) => measure.total.total > 0);
  return (
    <section id="risultati" aria-labelledby="results-title" className="my-5">
      <h2 id="results-title" className="h3">{t("synthesis.outcome.results.title")}</h2>
      <p>
        {t("synthesis.outcome.results.intro")}{" "}
        <a href={localizedPath(locale, `/consultazioni/${round.id}/risultati`)}>{t("synthesis.outcome.results.fullResults")}</a>
      </p>
      {voted.length === 0 ? (
        <p>{t("synthesis.outcome.results.none")}</p>
      ) : (
        <>
          {voted.length < results.measures.length ? <p>{t("synthesis.outcome.results.notVoted", { count: results.measures.length - voted.length })}</p> : null}
          <VotesChart
            id="outcome-votes"
            title={t("synthesis.outcome.results.votesChart")}
            rows={voted.map((measure) => ({ key: measure.measureId, label: measureLabel(measure.code), tally: measure.total }))}
            locale={locale}
            t={t}
          />
          <PriorityChart
            id="outcome-priority"
            title={t("synthesis.outcome.results.priorityChart")}
            rows={voted.map((measure) => ({ key: measure.measureId, label: measureLabel(measure.code), value: measure.total.meanPriority }))}
            locale={locale}
            t={t}
          />
        </>
      )}

      <h3 id="by-category-title" className="h4 mt-4">{t("synthesis.outcome.results.byCategory")}</h3>
      <p>{t("synthesis.outcome.results.kAnonymity", { count: results.minVoters })}</p>
      {results.byCategory.length === 0 ? (
        <p>{t("synthesis.outcome.results.noCategoryVotes")}</p>
      ) : (
        <CategoryTallyTable
          caption={t("synthesis.outcome.results.byCategoryCaption")}
          groups={results.byCategory.map((measure) => ({
            key: measure.measureId,
            heading: measureLabel(measure.code),
            rows: measure.rows.map((row) => ({
              key: row.category,
              label: row.category === MERGED_CATEGORY ? t("synthesis.outcome.results.otherCategory") : categoryLabel(row.category, t),
              tally: row.suppressed
                ? null
                : { support: row.support, oppose: row.oppose, abstain: row.abstain, total: row.voters, meanPriority: row.priorityCount > 0 ? row.prioritySum / row.priorityCount : null },
            })),
          }))}
          withheld={t("synthesis.outcome.results.withheld", { count: results.minVoters })}
          locale={locale}
          t={t}
        />
      )}
    </section>
  );
}
