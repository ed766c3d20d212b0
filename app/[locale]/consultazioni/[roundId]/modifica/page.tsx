import { roundFormLabels } from "@/components/rounds/labels";
import { ManagersOnly } from "@/components/rounds/manager-gate";
import { ManagerFormPage } from "@/components/rounds/manager-form-page";
import { RoundForm } from "@/components/rounds/round-form";
import { roundTrail } from "@/components/rounds/round-trail";
import { getPrisma } from "@/lib/db/client";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { getRound } from "@/lib/rounds/get-round";
import { toLocalInputValue } from "@/lib/rounds/local-time";
import { getRoundFormOptions } from "@/lib/rounds/round-form-options";
import { localizedPath } from "@/lib/web/localized-path";
import { rethrowAsPage } from "@/lib/web/page-context";
import { managerFormMetadata, managerPageContext } from "@/lib/web/round-managers";
import { updateRoundAction } from "../../actions";

type Props = { params: Promise<{ locale: string; roundId: string }> };

export const generateMetadata = managerFormMetadata("rounds.form.editTitle");

export default async function EditRoundPage({ params }: Props) {
  const { locale, t, actor, route: { roundId } } = await managerPageContext(params);
  if (!actor) return <ManagersOnly locale={locale} t={t} />;
  const db = getPrisma();
  const round = await getRound(db, roundId).catch(rethrowAsPage);
  const options = await getRoundFormOptions(db, { planId: round.plan.id }).catch(rethrowAsPage);
  const revisionLabel = (revision: { number: number; publishedAt: Date | null }) =>
    revision.publishedAt ? t("rounds.form.revisionOption", { number: revision.number, date: formatDate(revision.publishedAt, locale) }) : t("rounds.form.revisionOptionUndated", { number: revision.number });
  const editable = round.status === "SCHEDULED" || round.status === "OPEN";
  const values = {
    title: round.title,
    description: round.description,
    revisionId: round.revisionId,
    opensAt: toLocalInputValue(round.opensAt),
    closesAt: toLocalInputValue(round.closesAt),
  };
  const fixed = round.status === "OPEN"
    ? { title: round.title, revision: revisionLabel({ number: round.revisionNumber, publishedAt: options.revisions.find((r) => r.id === round.revisionId)?.publishedAt ?? null }), opensAt: formatDateTime(round.opensAt, locale) }
    : undefined;

  return (
    <ManagerFormPage t={t} trail={roundTrail(locale, t, round)} title={t("rounds.form.editTitle")} back={{ href: localizedPath(locale, `/consultazioni/${round.id}`), label: t("rounds.form.backToRound") }}>
      {editable ? (
        <>
          <p>{round.status === "OPEN" ? t("rounds.form.openNote") : t("rounds.form.scheduledNote")}</p>
          <RoundForm
            action={updateRoundAction.bind(null, locale, round.id)}
            labels={roundFormLabels(t, t("rounds.form.submitEdit"))}
            initial={{ values, errors: {} }}
            revisions={options.revisions.map((revision) => ({ value: revision.id, label: revisionLabel(revision) }))}
            fixed={fixed}
          />
        </>
      ) : (
        <p>{t("rounds.errors.notEditable")}</p>
      )}
    </ManagerFormPage>
  );
}
