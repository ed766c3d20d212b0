import type { Metadata } from "next";
import { Breadcrumb } from "@/components/layout/breadcrumb";
import { roundFormLabels } from "@/components/rounds/labels";
import { ManagersOnly } from "@/components/rounds/manager-gate";
import { RoundForm } from "@/components/rounds/round-form";
import { roundTrail } from "@/components/rounds/round-trail";
import { getPrisma } from "@/lib/db/client";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { getRound } from "@/lib/rounds/get-round";
import { toLocalInputValue } from "@/lib/rounds/local-time";
import { getRoundFormOptions } from "@/lib/rounds/round-form-options";
import { localizedPath } from "@/lib/web/localized-path";
import { pageContext, rethrowAsPage } from "@/lib/web/page-context";
import { roundManagerForPage } from "@/lib/web/round-managers";
import { updateRoundAction } from "../../actions";

type Props = { params: Promise<{ locale: string; roundId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await pageContext(params);
  return { title: t("rounds.form.editTitle") };
}

export default async function EditRoundPage({ params }: Props) {
  const { locale, t } = await pageContext(params);
  const { roundId } = await params;
  const actor = await roundManagerForPage(locale);
  if (!actor) return <ManagersOnly locale={locale} t={t} />;
  const db = getPrisma();
  const round = await getRound(db, roundId).catch(rethrowAsPage);
  const options = await getRoundFormOptions(db, { planId: round.plan.id }).catch(rethrowAsPage);
  const roundHref = localizedPath(locale, `/consultazioni/${round.id}`);
  const revisionLabel = (revision: { number: number; publishedAt: Date | null }) =>
    revision.publishedAt ? t("rounds.form.revisionOption", { number: revision.number, date: formatDate(revision.publishedAt, locale) }) : t("rounds.form.revisionOptionUndated", { number: revision.number });
  const editable = round.status === "SCHEDULED" || round.status === "OPEN";

  return (
    <>
      <Breadcrumb t={t} items={[...roundTrail(locale, t, round), { label: t("rounds.form.editTitle") }]} />
      <div className="row"><div className="col-lg-8">
        <h1>{t("rounds.form.editTitle")}</h1>
        {!editable ? (
          <>
            <p>{t("rounds.errors.notEditable")}</p>
            <p><a href={roundHref}>{t("rounds.form.backToRound")}</a></p>
          </>
        ) : (
          <>
            <p>{round.status === "OPEN" ? t("rounds.form.openNote") : t("rounds.form.scheduledNote")}</p>
            <RoundForm
              action={updateRoundAction.bind(null, locale, round.id)}
              labels={roundFormLabels(t, t("rounds.form.submitEdit"))}
              initial={{
                values: {
                  title: round.title,
                  description: round.description,
                  revisionId: round.revisionId,
                  opensAt: toLocalInputValue(round.opensAt),
                  closesAt: toLocalInputValue(round.closesAt),
                },
                errors: {},
              }}
              revisions={options.revisions.map((revision) => ({ value: revision.id, label: revisionLabel(revision) }))}
              fixed={round.status === "OPEN" ? { title: round.title, revision: revisionLabel({ number: round.revisionNumber, publishedAt: options.revisions.find((r) => r.id === round.revisionId)?.publishedAt ?? null }), opensAt: formatDateTime(round.opensAt, locale) } : undefined}
            />
            <p className="mt-4"><a href={roundHref}>{t("rounds.form.backToRound")}</a></p>
          </>
        )}
      </div></div>
    </>
  );
}
