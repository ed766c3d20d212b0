import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { Breadcrumb } from "@/components/layout/breadcrumb";
import { OutcomeAlert } from "@/components/proposals/outcome-alert";
import { swotPath } from "@/components/proposals/links";
import { BlockedNotice } from "@/components/proposals/blocked-notice";
import { roundTrail } from "@/components/rounds/round-trail";
import { SwotBoard } from "@/components/swot/swot-board";
import { SwotForm } from "@/components/swot/swot-form";
import { getPrisma } from "@/lib/db/client";
import { isLocale } from "@/lib/i18n/locales";
import { createTranslator } from "@/lib/i18n/translate";
import { USER_TEXT_LIMITS } from "@/lib/participation/participation.schemas";
import { listSwotEntries } from "@/lib/swot/list-swot-entries";
import { swotKinds, swotOutcomeSchema } from "@/lib/swot/swot.schemas";
import { currentActor } from "@/lib/web/auth";
import { pageContext, rethrowAsPage } from "@/lib/web/page-context";
import { submitSwotEntryAction } from "./actions";

type Props = { params: Promise<{ locale: string; roundId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: createTranslator(isLocale(locale) ? locale : "it")("swot.title") };
}

export default async function SwotPage({ params, searchParams }: Props) {
  const { locale, t } = await pageContext(params);
  const { roundId } = await params;
  const query = await searchParams;
  const actor = await currentActor();
  const board = await listSwotEntries(getPrisma(), actor, roundId, query).catch(rethrowAsPage);
  const { round } = board;
  const base = swotPath(locale, round.id);
  const blocked = !round.acceptsContributions ? "roundNotOpen" : !actor ? "signIn" : actor.role !== "STAKEHOLDER" ? "stakeholdersOnly" : null;
  const selectedAxis = round.axes.find((axis) => axis.number === board.axisNumber);

  return (
    <>
      <Breadcrumb t={t} items={[...roundTrail(locale, t, round), { label: t("swot.title") }]} />
      <h1>{t("swot.title")}</h1>
      <p className="lead">{t("swot.intro", { round: round.title })}</p>
      <OutcomeAlert outcome={swotOutcomeSchema.parse(typeof query.esito === "string" ? query.esito : undefined)} t={t} prefix="swot" />

      <form method="get" action={base} className="row g-3 align-items-end my-4">
        <div className="col-sm-8 col-lg-6">
          <div className="select-wrapper">
            <label htmlFor="asse">{t("swot.axisFilter")}</label>
            <select id="asse" name="asse" defaultValue={board.axisNumber ? String(board.axisNumber) : ""}>
              <option value="">{t("swot.allAxes")}</option>
              {round.axes.map((axis) => <option key={axis.id} value={axis.number}>{t("proposals.axisOption", { number: axis.number, title: axis.title })}</option>)}
            </select>
          </div>
        </div>
        <div className="col-auto">
          <button type="submit" className="btn btn-outline-primary me-2">{t("swot.apply")}</button>
          {board.axisNumber ? <a href={base}>{t("swot.reset")}</a> : null}
        </div>
      </form>

      <SwotBoard board={board} locale={locale} t={t} />

      <section className="my-5" aria-labelledby="swot-form-title">
        <h2 id="swot-form-title" className="h3">{t("swot.form.title")}</h2>
        {blocked ? (
          <BlockedNotice reason={blocked} locale={locale} t={t} />
        ) : (
          <SwotForm
            action={submitSwotEntryAction.bind(null, locale, round.id)}
            submissionId={randomUUID()}
            axes={round.axes.map((axis) => ({ value: axis.id, label: t("proposals.axisOption", { number: axis.number, title: axis.title }) }))}
            axisId={selectedAxis?.id}
            limit={USER_TEXT_LIMITS.swot}
            labels={{
              errorSummary: t("proposals.form.errorSummary"),
              kind: t("swot.form.kind"),
              kinds: swotKinds.map((kind) => ({ value: kind, label: t(`swot.kinds.${kind}`), hint: t(`swot.kindHints.${kind}`) })),
              axisId: t("swot.form.axis"),
              axisHint: t("swot.form.axisHint"),
              axisNone: t("swot.form.axisNone"),
              body: t("swot.form.body"),
              bodyHint: t("swot.form.bodyHint", { max: USER_TEXT_LIMITS.swot }),
              submit: t("swot.form.submit"),
            }}
          />
        )}
      </section>
    </>
  );
}
