import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ErrorNotice } from "@/components/layout/error-notice";
import { ReportForm } from "@/components/moderation/report-form";
import { ContributionBody } from "@/components/participation/contribution-body";
import { UserText } from "@/components/participation/user-text";
import { getPrisma } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { getReportTarget } from "@/lib/moderation/get-report-target";
import { contributionTypeParam, reportPageQuerySchema } from "@/lib/moderation/moderation.schemas";
import { USER_TEXT_LIMITS } from "@/lib/participation/participation.schemas";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import { currentActor } from "@/lib/web/auth";
import { localizedPath } from "@/lib/web/localized-path";
import { pageContext, rethrowAsPage } from "@/lib/web/page-context";
import { reportAction } from "./actions";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await pageContext(params);
  return { title: t("moderation.report.title"), robots: { index: false } };
}

/** /segnala?tipo=commento|proposta|swot&id=<uuid>: report a contribution to the moderators. */
export default async function ReportPage({ params, searchParams }: Props) {
  const { locale, t } = await pageContext(params);
  const actor = await currentActor();
  if (!actor) redirect(localizedPath(locale, "/accedi"));
  const notFound = <ErrorNotice title={t("moderation.report.notFoundTitle")} message={t("moderation.report.notFound")} homeHref={localizedPath(locale, "/")} homeLabel={t("moderation.report.home")} />;
  const query = reportPageQuerySchema.safeParse(await searchParams);
  if (!query.success) return notFound;
  const type = contributionTypeParam[query.data.tipo];
  const target = await getReportTarget(getPrisma(), actor, { type, id: query.data.id }).catch((error: unknown) => {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "VALIDATION")) return null;
    return rethrowAsPage(error);
  });
  if (!target) return notFound;
  const { contribution } = target;
  const sent = query.data.esito === "inviata";
  const backHref = localizedPath(locale, contribution.path);
  return (
    <div className="row"><div className="col-lg-8">
      <h1>{t("moderation.report.title")}</h1>
      {sent ? (
        <div className="alert alert-success" role="status">
          <p className="mb-2">{t("moderation.report.sent")}</p>
          <a href={backHref}>{t("moderation.report.back")}</a>
        </div>
      ) : (
        <p className="lead">{t("moderation.report.intro")}</p>
      )}
      <section aria-labelledby="reported-title" className="mb-4">
        <h2 id="reported-title" className="h4">{t("moderation.report.contribution")}</h2>
        <div className="card shadow-sm"><div className="card-body">
          <p className="small text-muted mb-2">{t(`moderation.types.${contribution.type}`)} · {formatDate(contribution.createdAt, locale)}</p>
          {contribution.title && contribution.moderation === "VISIBLE" ? <div className="fw-bold"><UserText text={contribution.title} /></div> : null}
          <ContributionBody body={contribution.body} moderation={contribution.moderation} hiddenReason={contribution.hiddenReason} t={t} />
        </div></div>
      </section>
      {sent ? null : target.own ? (
        <div className="alert alert-info" role="status">{t("moderation.report.own")}</div>
      ) : target.alreadyReported ? (
        <div className="alert alert-info" role="status">{t("moderation.report.already")}</div>
      ) : contribution.moderation === "HIDDEN" ? (
        <div className="alert alert-info" role="status">{t("moderation.report.hidden")}</div>
      ) : (
        <ReportForm
          action={reportAction.bind(null, locale, type, contribution.id)}
          maxLength={USER_TEXT_LIMITS.reportReason}
          labels={{
            reason: t("moderation.report.reasonLabel"),
            hint: t("moderation.report.reasonHint", { max: formatNumber(USER_TEXT_LIMITS.reportReason, locale) }),
            submit: t("moderation.report.submit"),
            errorSummary: t("moderation.report.errorSummary"),
          }}
        />
      )}
      {sent ? null : <p className="mt-4"><a href={backHref}>{t("moderation.report.back")}</a></p>}
    </div></div>
  );
}
