import type { Metadata } from "next";
import { Breadcrumb } from "@/components/layout/breadcrumb";
import { ProposalSummary } from "@/components/proposals/proposal-summary";
import { OutcomeAlert } from "@/components/proposals/outcome-alert";
import { newProposalPath, proposalsPath } from "@/components/proposals/links";
import { roundTrail } from "@/components/rounds/round-trail";
import { getPrisma } from "@/lib/db/client";
import { formatNumber } from "@/lib/i18n/format";
import { isLocale } from "@/lib/i18n/locales";
import { createTranslator } from "@/lib/i18n/translate";
import { listProposals } from "@/lib/proposals/list-proposals";
import { kindSlugs, proposalKinds, proposalOutcomeSchema, proposalStatuses, statusSlugs } from "@/lib/proposals/proposals.schemas";
import { currentActor } from "@/lib/web/auth";
import { pageContext, rethrowAsPage } from "@/lib/web/page-context";

type Props = { params: Promise<{ locale: string; roundId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: createTranslator(isLocale(locale) ? locale : "it")("proposals.list.title") };
}

export default async function ProposalsPage({ params, searchParams }: Props) {
  const { locale, t } = await pageContext(params);
  const { roundId } = await params;
  const query = await searchParams;
  const actor = await currentActor();
  const result = await listProposals(getPrisma(), actor, roundId, query).catch(rethrowAsPage);
  const { round, filters } = result;
  const base = proposalsPath(locale, round.id);
  const pageHref = (page: number) => {
    const params = new URLSearchParams();
    if (filters.kind) params.set("tipo", kindSlugs[filters.kind]);
    if (filters.status) params.set("stato", statusSlugs[filters.status]);
    if (filters.measureCode) params.set("misura", filters.measureCode);
    if (filters.axisNumber) params.set("asse", String(filters.axisNumber));
    if (page > 1) params.set("pagina", String(page));
    const search = params.toString();
    return search ? `${base}?${search}` : base;
  };
  const filtered = Boolean(filters.kind || filters.status || filters.measureCode || filters.axisNumber);

  return (
    <>
      <Breadcrumb t={t} items={[...roundTrail(locale, t, round), { label: t("proposals.list.title") }]} />
      <h1>{t("proposals.list.title")}</h1>
      <p className="lead">{t("proposals.list.intro", { round: round.title })}</p>
      <OutcomeAlert outcome={proposalOutcomeSchema.parse(typeof query.esito === "string" ? query.esito : undefined)} t={t} prefix="proposals" />
      {round.acceptsContributions ? (
        <p>
          <a className="btn btn-primary" href={newProposalPath(locale, round.id)}>{t("proposals.list.new")}</a>
        </p>
      ) : (
        <p>{t("proposals.list.closed")}</p>
      )}

      <form method="get" action={base} className="row g-3 align-items-end my-4" aria-labelledby="filters-title">
        <h2 id="filters-title" className="h5 col-12 mb-0">{t("proposals.list.filters")}</h2>
        <div className="col-sm-6 col-lg-3">
          <div className="select-wrapper">
            <label htmlFor="tipo">{t("proposals.list.kindFilter")}</label>
            <select id="tipo" name="tipo" defaultValue={filters.kind ? kindSlugs[filters.kind] : ""}>
              <option value="">{t("proposals.list.any")}</option>
              {proposalKinds.map((kind) => <option key={kind} value={kindSlugs[kind]}>{t(`proposals.kind.${kind}`)}</option>)}
            </select>
          </div>
        </div>
        <div className="col-sm-6 col-lg-3">
          <div className="select-wrapper">
            <label htmlFor="stato">{t("proposals.list.statusFilter")}</label>
            <select id="stato" name="stato" defaultValue={filters.status ? statusSlugs[filters.status] : ""}>
              <option value="">{t("proposals.list.any")}</option>
              {proposalStatuses.map((status) => <option key={status} value={statusSlugs[status]}>{t(`proposals.status.${status}`)} ({formatNumber(result.statusCounts[status], locale)})</option>)}
            </select>
          </div>
        </div>
        <div className="col-sm-6 col-lg-3">
          <div className="select-wrapper">
            <label htmlFor="misura">{t("proposals.list.measureFilter")}</label>
            <select id="misura" name="misura" defaultValue={filters.measureCode ?? ""}>
              <option value="">{t("proposals.list.any")}</option>
              {round.measures.map((measure) => <option key={measure.id} value={measure.code}>{t("proposals.measureOption", { code: measure.code })}</option>)}
            </select>
          </div>
        </div>
        <div className="col-sm-6 col-lg-3">
          <button type="submit" className="btn btn-outline-primary me-2">{t("proposals.list.apply")}</button>
          {filtered ? <a href={base}>{t("proposals.list.reset")}</a> : null}
        </div>
      </form>

      <h2 className="h4" id="results-title">{t("proposals.list.count", { count: formatNumber(result.total, locale) })}</h2>
      {result.proposals.length === 0 ? (
        <p>{filtered ? t("proposals.list.noneFiltered") : t("proposals.list.none")}</p>
      ) : (
        <div aria-labelledby="results-title">
          {result.proposals.map((proposal) => <ProposalSummary key={proposal.id} proposal={proposal} locale={locale} t={t} />)}
        </div>
      )}
      {result.pageCount > 1 ? (
        <nav className="pagination-wrapper my-4" aria-label={t("proposals.list.pagination")}>
          <ul className="pagination">
            {result.page > 1 ? <li className="page-item"><a className="page-link" href={pageHref(result.page - 1)}>{t("proposals.list.previous")}</a></li> : null}
            <li className="page-item"><span className="page-link" aria-current="page">{t("proposals.list.pageOf", { page: result.page, count: result.pageCount })}</span></li>
            {result.page < result.pageCount ? <li className="page-item"><a className="page-link" href={pageHref(result.page + 1)}>{t("proposals.list.next")}</a></li> : null}
          </ul>
        </nav>
      ) : null}
    </>
  );
}
