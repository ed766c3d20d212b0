import type { MeasureParticipationProps } from "@/components/participation/measure-participation-props";
import { castVoteAction } from "@/app/[locale]/piani/[slug]/misure/[code]/actions";
import { getPrisma } from "@/lib/db/client";
import { formatDate } from "@/lib/i18n/format";
import { getMeasureVote } from "@/lib/participation/get-measure-vote";
import { voteChoices } from "@/lib/participation/votes.schemas";
import { localizedPath } from "@/lib/web/localized-path";
import { VoteForm } from "./participation-forms";
import { MeasureResultsTables } from "./vote-results-table";

/**
 * The measure page's vote: the visitor's current vote and the form to cast or change it while the
 * round is open (or why they cannot), and the measure's aggregated results.
 */
export async function VoteSection({ locale, t, actor, round, measure, searchParams }: MeasureParticipationProps) {
  const view = await getMeasureVote(getPrisma(), actor, round.id, measure.id);
  const saved = searchParams.esito === "voto-registrato";
  const own = view.ownVote;
  const notice = view.blocker ? (
    <div className="alert alert-info" role="note">
      <p className="mb-0">{t(`votes.blockers.${view.blocker}`, { date: formatDate(round.opensAt, locale) })}</p>
      {view.blocker === "signedOut" ? <p className="mb-0 mt-2"><a href={localizedPath(locale, "/accedi")}>{t("votes.signIn")}</a></p> : null}
      {view.blocker === "profileRequired" ? <p className="mb-0 mt-2"><a href={localizedPath(locale, "/account")}>{t("auth.account.title")}</a></p> : null}
    </div>
  ) : null;
  return (
    <section id="voto" className="my-5" aria-labelledby="vote-title">
      <h2 id="vote-title" className="h3">{t("votes.title")}</h2>
      {saved ? <div className="alert alert-success" role="status">{t("votes.saved")}</div> : null}
      {own ? (
        <div className="callout note" id="vote-current">
          <p className="mb-1 fw-bold">{t("votes.current", { choice: t(`votes.choices.${own.choice}`) })}</p>
          <p className="mb-1">{own.priority ? t("votes.currentPriority", { priority: own.priority }) : t("votes.currentNoPriority")}</p>
          {own.changes > 0 ? <p className="mb-0 small">{t("votes.changedTimes", { count: own.changes })}</p> : null}
        </div>
      ) : view.blocker === null ? (
        <p id="vote-current">{t("votes.none")}</p>
      ) : null}

      {view.blocker === null ? <p>{t("votes.intro", { code: measure.code, round: round.title })}</p> : null}
      {/* A stakeholder whose round has just closed still gets the form back, with the reason, after a refused vote. */}
      {view.blocker === null || ((view.blocker === "closed" || view.blocker === "notOpenYet") && actor?.role === "STAKEHOLDER") ? (
        <VoteForm
          action={castVoteAction.bind(null, locale, { roundId: round.id, measureId: measure.id, planSlug: measure.planSlug, code: measure.code })}
          initial={{ choice: own?.choice, priority: own?.priority ? String(own.priority) : "" }}
          blocked={view.blocker === null ? undefined : notice}
          labels={{
            legend: t("votes.choiceLegend"),
            choices: voteChoices.map((value) => ({ value, label: t(`votes.choices.${value}`) })),
            priority: t("votes.priorityLabel"),
            priorityHint: t("votes.priorityHint"),
            priorities: [{ value: "", label: t("votes.priorityNone") }, ...["1", "2", "3", "4", "5"].map((value) => ({ value, label: t(`votes.priorities.${value}`) }))],
            submit: own ? t("votes.submitChange") : t("votes.submit"),
            errorSummary: t("votes.errorSummary"),
          }}
        />
      ) : (
        notice
      )}

      {view.results ? (
        <>
          <h3 className="h5 mt-4">{t("votes.resultsTitle")}</h3>
          <p className="small">{t("results.intro")}</p>
          <MeasureResultsTables results={view.results} locale={locale} t={t} />
        </>
      ) : null}
      <p><a href={localizedPath(locale, `/consultazioni/${round.id}/risultati`)}>{t("results.allResults")}</a></p>
    </section>
  );
}
