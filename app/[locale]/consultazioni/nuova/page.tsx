import type { Metadata } from "next";
import { Breadcrumb } from "@/components/layout/breadcrumb";
import { roundFormLabels } from "@/components/rounds/labels";
import { ManagersOnly } from "@/components/rounds/manager-gate";
import { roundsTrail } from "@/components/rounds/round-trail";
import { RoundForm } from "@/components/rounds/round-form";
import { getPrisma } from "@/lib/db/client";
import { formatDate } from "@/lib/i18n/format";
import { getRoundFormOptions } from "@/lib/rounds/round-form-options";
import { pageContext, rethrowAsPage } from "@/lib/web/page-context";
import { roundManagerForPage } from "@/lib/web/round-managers";
import { scheduleRoundAction } from "../actions";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await pageContext(params);
  return { title: t("rounds.form.newTitle") };
}

export default async function NewRoundPage({ params }: Props) {
  const { locale, t } = await pageContext(params);
  const actor = await roundManagerForPage(locale);
  if (!actor) return <ManagersOnly locale={locale} t={t} />;
  const options = await getRoundFormOptions(getPrisma()).catch(rethrowAsPage);
  const revisions = options.revisions.map((revision) => ({
    value: revision.id,
    label: revision.publishedAt ? t("rounds.form.revisionOption", { number: revision.number, date: formatDate(revision.publishedAt, locale) }) : t("rounds.form.revisionOptionUndated", { number: revision.number }),
  }));
  return (
    <>
      <Breadcrumb t={t} items={[...roundsTrail(locale, t), { label: t("rounds.form.newTitle") }]} />
      <div className="row"><div className="col-lg-8">
        <h1>{t("rounds.form.newTitle")}</h1>
        <p>{t("rounds.form.newIntro", { plan: options.plan.title })}</p>
        <RoundForm
          action={scheduleRoundAction.bind(null, locale)}
          labels={roundFormLabels(t, t("rounds.form.submitNew"))}
          initial={{ values: { revisionId: options.plan.currentRevisionId ?? "" }, errors: {} }}
          revisions={revisions}
        />
      </div></div>
    </>
  );
}
