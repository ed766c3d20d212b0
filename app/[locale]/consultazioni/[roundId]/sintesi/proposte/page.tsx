import type { Metadata } from "next";
import { Breadcrumb } from "@/components/layout/breadcrumb";
import { Pager } from "@/components/layout/pager";
import { ErrorNotice } from "@/components/layout/error-notice";
import { UserText } from "@/components/participation/user-text";
import { ProposalKindBadge, ProposalStatusBadge, ProposalTitle } from "@/components/proposals/badges";
import { proposalPath } from "@/components/proposals/links";
import { roundTrail } from "@/components/rounds/round-trail";
import { excerpt } from "@/lib/text/excerpt";
import { MergeForm, TagForm } from "@/components/workbench/triage-forms";
import { getPrisma } from "@/lib/db/client";
import { StakeholderCategory } from "@/lib/db/generated/enums";
import { formatNumber } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import { USER_TEXT_LIMITS } from "@/lib/participation/participation.schemas";
import { type TriageProposal, type TriageSwotEntry, listTriage } from "@/lib/proposals/list-triage";
import { triageOutcomeSchema } from "@/lib/proposals/proposals.schemas";
import { currentActor } from "@/lib/web/auth";
import { localizedPath } from "@/lib/web/localized-path";
import { pageContext } from "@/lib/web/page-context";
import { staffRead } from "../staff-read";
import { mergeProposalsAction, tagProposalAction, tagSwotEntryAction } from "./actions";

type Props = { params: Promise<{ locale: string; roundId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await pageContext(params);
  return { title: t("synthesis.triage.title"), robots: { index: false } };
}

const failures = new Set(["non-consentito", "errore"]);

/** /consultazioni/<round>/sintesi/proposte: staff triage of the round's proposals and SWOT observations (tags, merges). */
export default async function TriagePage({ params, searchParams }: Props) {
  const { locale, t } = await pageContext(params);
  const { roundId } = await params;
  const query = await searchParams;
  const triage = await staffRead(locale, listTriage(getPrisma(), await currentActor(), roundId, query));
  if (!triage) return <ErrorNotice title={t("synthesis.triage.forbidden.title")} message={t("synthesis.triage.forbidden.message")} homeHref={localizedPath(locale, `/consultazioni/${roundId}`)} homeLabel={t("synthesis.triage.forbidden.back")} />;
  const { round, filters, canEdit } = triage;
  const base = localizedPath(locale, `/consultazioni/${round.id}/sintesi`);
  const filterQuery = { ...(filters.category ? { categoria: filters.category } : {}), ...(filters.tag ? { tag: filters.tag } : {}) };
  const pageHref = (page: number) => {
    const search = new URLSearchParams({ ...filterQuery, ...(page > 1 ? { pagina: String(page) } : {}) }).toString();
    return `${base}/proposte${search ? `?${search}` : ""}`;
  };
  const back = new URLSearchParams({ ...filterQuery, ...(triage.page > 1 ? { pagina: String(triage.page) } : {}) }).toString();
  const onThisPage = new Set([...triage.axes.flatMap((axis) => [...axis.newMeasures, ...axis.measures.flatMap((measure) => measure.proposals)]), ...triage.general.proposals].map((proposal) => proposal.id));
  const outcome = triageOutcomeSchema.parse(typeof query.esito === "string" ? query.esito : undefined);
  const categoryLabel = (category: string | null) => (category ? t(`auth.categories.${category}`) : t("synthesis.triage.noCategory"));
  const tagLabels = { tags: t("synthesis.triage.tags.label"), hint: t("synthesis.triage.tags.hint"), submit: t("synthesis.triage.tags.submit") };

  const supports = (count: number) => t("synthesis.triage.supports", { count, number: formatNumber(count, locale) });

  const proposalItem = (proposal: TriageProposal, acceptPath: string | null) => (
    <li key={proposal.id} id={`proposta-${proposal.id}`} className="list-group-item">
      <p className="mb-1 fw-semibold">
        <a href={proposalPath(locale, round.id, proposal.id)}><ProposalTitle title={proposal.title} moderation={proposal.moderation} t={t} /></a>
        {proposal.moderation !== "VISIBLE" ? <span className="badge bg-dark ms-2">{t("synthesis.triage.hidden")}</span> : null}
      </p>
      <p className="mb-1 small">
        <ProposalKindBadge kind={proposal.kind} t={t} />
        <ProposalStatusBadge status={proposal.status} t={t} />
        {supports(proposal.supportCount)}
        {" · "}
        {t("synthesis.triage.authorCategory", { category: categoryLabel(proposal.authorCategory) })}
      </p>
      {proposal.mergedInto ? (
        <p className="mb-1 small">
          {t("synthesis.triage.mergedInto")}{" "}
          <a href={onThisPage.has(proposal.mergedInto.id) ? `#proposta-${proposal.mergedInto.id}` : proposalPath(locale, round.id, proposal.mergedInto.id)}><span className="consulta-user-text" dir="auto">{proposal.mergedInto.title}</span></a>
        </p>
      ) : null}
      <Tags tags={proposal.tags} t={t} />
      {canEdit ? (
        <>
          <TagForm action={tagProposalAction.bind(null, locale, round.id, proposal.id, back)} id={proposal.id} tags={proposal.tags} labels={tagLabels} />
          {acceptPath && proposal.status === "OPEN" && proposal.moderation === "VISIBLE" ? (
            <p className="mb-0 small">
              <a href={`${base}/bozza/${acceptPath}#accogli-${proposal.id}`}>
                {t("synthesis.triage.acceptInDraft")}<span className="visually-hidden">: {proposal.title}</span>
              </a>
            </p>
          ) : null}
        </>
      ) : null}
    </li>
  );

  const swotItem = (entry: TriageSwotEntry) => (
    <li key={entry.id} id={`swot-${entry.id}`} className="list-group-item">
      <p className="mb-1 small">
        <span className="badge bg-light text-dark border me-2">{t(`swot.kinds.${entry.kind}`)}</span>
        {t("synthesis.triage.authorCategory", { category: categoryLabel(entry.authorCategory) })}
        {entry.moderation !== "VISIBLE" ? <span className="badge bg-dark ms-2">{t("synthesis.triage.hidden")}</span> : null}
      </p>
      <UserText text={entry.body} />
      <Tags tags={entry.tags} t={t} />
      {canEdit ? <TagForm action={tagSwotEntryAction.bind(null, locale, round.id, entry.id, back)} id={entry.id} tags={entry.tags} labels={tagLabels} /> : null}
    </li>
  );

  const groupName = (target: { measureCode: string | null; axisNumber: number | null }) =>
    target.measureCode ? t("synthesis.triage.measureShort", { code: target.measureCode }) : target.axisNumber !== null ? t("synthesis.triage.axisShort", { number: target.axisNumber }) : t("synthesis.triage.general");
  // Targets: the open proposals of the groups on this page (on any page); duplicates: this page's open proposals.
  const mergeTargets = triage.mergeTargets.map((target) => ({ value: target.id, label: `${groupName(target)} — ${target.title} (${supports(target.supportCount)})` }));
  const duplicateOptions = mergeTargets.filter((option) => onThisPage.has(option.value));
  const shownAxes = triage.pageCount > 1 ? triage.axes.filter((axis) => axis.newMeasures.length > 0 || axis.swot.length > 0 || axis.measures.some((measure) => measure.proposals.length > 0)) : triage.axes;
  // Above and below the lists (landmarks with different names).
  const pager = (where: "top" | "bottom") => (
    <Pager
      label={t(`synthesis.triage.pager.${where}`)}
      paged={triage}
      href={pageHref}
      previous={t("synthesis.triage.pager.previous")}
      next={t("synthesis.triage.pager.next")}
    />
  );

  return (
    <>
      <Breadcrumb t={t} items={[...roundTrail(locale, t, round), { label: t("synthesis.triage.dashboard"), href: base }, { label: t("synthesis.triage.title") }]} />
      <h1>{t("synthesis.triage.title")}</h1>
      <p className="lead">{t(canEdit ? "synthesis.triage.intro" : "synthesis.triage.introReadOnly")}</p>
      {outcome ? (
        <div className={`alert ${failures.has(outcome) ? "alert-danger" : "alert-success"}`} role={failures.has(outcome) ? "alert" : "status"}>
          {t(`synthesis.triage.outcomes.${outcome}`)}
        </div>
      ) : null}
      <p>
        <a href={`${base}/bozza`}>{t("synthesis.triage.toDraft")}</a>
      </p>

      <form method="get" action={`${base}/proposte`} className="row g-3 align-items-end mb-4" aria-labelledby="triage-filter-title">
        <h2 id="triage-filter-title" className="h5 col-12 mb-0">{t("synthesis.triage.filter.title")}</h2>
        <div className="col-md-5">
          <div className="select-wrapper">
            <label htmlFor="categoria">{t("synthesis.triage.filter.category")}</label>
            <select id="categoria" name="categoria" defaultValue={filters.category ?? ""}>
              <option value="">{t("synthesis.triage.filter.allCategories")}</option>
              {Object.values(StakeholderCategory).map((category) => (
                <option key={category} value={category}>{t(`auth.categories.${category}`)}</option>
              ))}
            </select>
          </div>
        </div>
        <div className="col-md-4">
          <div className="select-wrapper">
            <label htmlFor="tag">{t("synthesis.triage.filter.tag")}</label>
            <select id="tag" name="tag" defaultValue={filters.tag ?? ""}>
              <option value="">{t("synthesis.triage.filter.allTags")}</option>
              {triage.tags.map((tag) => (
                <option key={tag} value={tag}>{tag}</option>
              ))}
            </select>
          </div>
        </div>
        <div className="col-md-3">
          <button type="submit" className="btn btn-primary me-2">{t("synthesis.triage.filter.apply")}</button>
          <a href={`${base}/proposte`} className="btn btn-outline-primary">{t("synthesis.triage.filter.reset")}</a>
        </div>
      </form>
      <p>
        {t("synthesis.triage.counts", { proposals: formatNumber(triage.counts.proposals, locale), swot: formatNumber(triage.counts.swot, locale) })}
        {triage.pageCount > 1 ? ` · ${t("synthesis.triage.pager.position", { page: formatNumber(triage.page, locale), pages: formatNumber(triage.pageCount, locale) })}` : null}
      </p>
      {pager("top")}

      {shownAxes.map((axis) => {
        const measures = axis.measures.filter((measure) => measure.proposals.length > 0);
        const empty = measures.length === 0 && axis.newMeasures.length === 0 && axis.swot.length === 0;
        return (
          <section key={axis.id} className="my-5" aria-labelledby={`asse-${axis.number}`}>
            <h2 id={`asse-${axis.number}`} className="h3">
              {t("synthesis.triage.axisHeading", { number: axis.number })} <span lang="it">{axis.title}</span>
            </h2>
            {empty ? <p>{t("synthesis.triage.nothing")}</p> : null}
            {measures.map((measure) => (
              <section key={measure.id} aria-labelledby={`misura-${measure.id}`} className="mb-4">
                <h3 id={`misura-${measure.id}`} className="h5">{t("synthesis.triage.measureHeading", { code: measure.code })}</h3>
                <p className="small text-muted mb-2" lang="it">{excerpt(measure.text, 200)}</p>
                <ul className="list-group">{measure.proposals.map((proposal) => proposalItem(proposal, `misure/${measure.id}`))}</ul>
              </section>
            ))}
            {axis.newMeasures.length > 0 ? (
              <section aria-labelledby={`nuove-${axis.number}`} className="mb-4">
                <h3 id={`nuove-${axis.number}`} className="h5">{t("synthesis.triage.newMeasures")}</h3>
                <ul className="list-group">{axis.newMeasures.map((proposal) => proposalItem(proposal, `assi/${axis.id}`))}</ul>
              </section>
            ) : null}
            {axis.swot.length > 0 ? (
              <section aria-labelledby={`swot-asse-${axis.number}`} className="mb-4">
                <h3 id={`swot-asse-${axis.number}`} className="h5">{t("synthesis.triage.swot")}</h3>
                <ul className="list-group">{axis.swot.map(swotItem)}</ul>
              </section>
            ) : null}
          </section>
        );
      })}
      {triage.general.proposals.length > 0 || triage.general.swot.length > 0 ? (
        <section className="my-5" aria-labelledby="generale">
          <h2 id="generale" className="h3">{t("synthesis.triage.general")}</h2>
          {triage.general.proposals.length > 0 ? <ul className="list-group mb-4">{triage.general.proposals.map((proposal) => proposalItem(proposal, null))}</ul> : null}
          {triage.general.swot.length > 0 ? <ul className="list-group">{triage.general.swot.map(swotItem)}</ul> : null}
        </section>
      ) : null}
      {pager("bottom")}

      {canEdit ? (
        <section className="my-5" aria-labelledby="unisci" id="unisci-sezione">
          <h2 id="unisci" className="h3">{t("synthesis.triage.merge.title")}</h2>
          <p>{t("synthesis.triage.merge.intro")}</p>
          {mergeTargets.length < 2 || duplicateOptions.length === 0 ? (
            <p>{t("synthesis.triage.merge.notEnough")}</p>
          ) : (
            <MergeForm
              action={mergeProposalsAction.bind(null, locale, round.id, back)}
              options={mergeTargets}
              duplicateOptions={duplicateOptions}
              limit={USER_TEXT_LIMITS.proposal}
              labels={{
                errorSummary: t("synthesis.triage.merge.errorSummary"),
                targetId: t("synthesis.triage.merge.target"),
                targetHint: t("synthesis.triage.merge.targetHint"),
                targetPlaceholder: t("synthesis.triage.merge.targetPlaceholder"),
                duplicateIds: t("synthesis.triage.merge.duplicates"),
                duplicatesHint: t("synthesis.triage.merge.duplicatesHint"),
                answer: t("synthesis.triage.merge.answer"),
                answerHint: t("synthesis.triage.merge.answerHint"),
                submit: t("synthesis.triage.merge.submit"),
              }}
            />
          )}
        </section>
      ) : null}
    </>
  );
}

function Tags({ tags, t }: { tags: string[]; t: Translate }) {
  if (tags.length === 0) return null;
  return (
    <p className="mb-1 small">
      <span className="visually-hidden">{t("synthesis.triage.tags.current")} </span>
      {tags.map((tag) => (
        <span key={tag} className="badge bg-light text-dark border me-1">#{tag}</span>
      ))}
    </p>
  );
}

