import type { FormState } from "@/components/auth/form-state";
import { Pager } from "@/components/layout/pager";
import { UserText } from "@/components/participation/user-text";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import type { LoadedContribution } from "@/lib/moderation/contribution-target";
import { type HiddenItem, type ModerationQueue, REASONS_SHOWN } from "@/lib/moderation/list-moderation-queue";
import { AUTO_HIDE_THRESHOLD, type ContributionType } from "@/lib/moderation/moderation.schemas";
import { USER_TEXT_LIMITS } from "@/lib/participation/participation.schemas";
import { ANONYMOUS_LABEL_KEY } from "@/lib/privacy/display-name";
import { localizedPath } from "@/lib/web/localized-path";
import { HideForm } from "./hide-form";

type FormAction = (data: FormData) => Promise<void>;
type StateAction = (state: FormState, data: FormData) => Promise<FormState>;

export interface ModerationActions {
  hide: (type: ContributionType, id: string) => StateAction;
  restore: FormAction;
  dismiss: FormAction;
  threshold: FormAction;
}

/**
 * The moderation page's body: what waits for a decision (with the reasons given), the hidden
 * contributions, and — for admins — the auto-hold setting. Everything people wrote goes through
 * UserText (text, never markup). Every form is a plain form with its own labelled controls.
 */
export function ModerationQueueView({ locale, t, data, isAdmin, actions }: { locale: Locale; t: Translate; data: ModerationQueue; isAdmin: boolean; actions: ModerationActions }) {
  const base = localizedPath(locale, "/moderazione");
  const href = (queuePage: number, hiddenPage: number) => `${base}?${new URLSearchParams({ pagina: String(queuePage), nascosti: String(hiddenPage) })}`;
  return (
    <>
      <section aria-labelledby="queue-title" className="mb-5">
        <h2 id="queue-title">{t("moderation.queue.pending")}</h2>
        <p>{t("moderation.queue.pendingCount", { count: data.queue.total, page: data.queue.page, pageCount: data.queue.pageCount })}</p>
        {data.queue.items.length === 0 ? <p>{t("moderation.queue.empty")}</p> : null}
        {data.queue.items.map((item) => {
          const { contribution } = item;
          const key = `${contribution.type}-${contribution.id}`;
          const author = item.author.displayName ?? t(ANONYMOUS_LABEL_KEY);
          return (
            <article key={key} id={`queue-${key}`} aria-labelledby={`queue-${key}-title`} className="card shadow-sm mb-4">
              <div className="card-body">
                <Heading id={`queue-${key}-title`} t={t} contribution={contribution} author={author} />
                <ul className="list-inline small text-muted">
                  <li className="list-inline-item">{t("moderation.queue.writtenOn", { date: formatDate(contribution.createdAt, locale) })}</li>
                  <li className="list-inline-item">{t("moderation.queue.state", { state: t(`moderation.states.${contribution.moderation}`) })}</li>
                  <li className="list-inline-item">{t("moderation.queue.reports", { count: item.openReports })}</li>
                  {item.openReports > 0 ? <li className="list-inline-item">{t("moderation.queue.reportedSince", { date: formatDate(item.since, locale) })}</li> : null}
                </ul>
                <Body contribution={contribution} />
                <p><a href={localizedPath(locale, contribution.path)}>{t("moderation.queue.context")}<span className="visually-hidden"> ({author})</span></a></p>
                {item.reasons.length > 0 ? (
                  <>
                    <h4 className="h6">{t("moderation.queue.reasons")}</h4>
                    <ul>
                      {item.reasons.map((reason, index) => (
                        <li key={index}>
                          <span className="small text-muted">{formatDate(reason.createdAt, locale)}</span>
                          <UserText text={reason.reason} />
                        </li>
                      ))}
                    </ul>
                    {item.openReports > REASONS_SHOWN ? <p className="small">{t("moderation.queue.reasonsShown", { shown: REASONS_SHOWN })}</p> : null}
                  </>
                ) : null}
                <HideForm
                  action={actions.hide(contribution.type, contribution.id)}
                  fieldId={`hide-reason-${key}`}
                  maxLength={USER_TEXT_LIMITS.hiddenReason}
                  labels={{
                    reason: t("moderation.queue.hideLabel"),
                    hint: t("moderation.queue.hideHint", { max: formatNumber(USER_TEXT_LIMITS.hiddenReason, locale) }),
                    submit: t("moderation.queue.hide"),
                    context: author,
                  }}
                />
                <form action={actions.dismiss}>
                  <input type="hidden" name="type" value={contribution.type} />
                  <input type="hidden" name="id" value={contribution.id} />
                  <button type="submit" className="btn btn-outline-primary btn-sm" aria-describedby={`dismiss-hint-${key}`}>
                    {t("moderation.queue.dismiss")}<span className="visually-hidden"> ({author})</span>
                  </button>
                  <small id={`dismiss-hint-${key}`} className="form-text d-block">{t("moderation.queue.dismissHint")}</small>
                </form>
              </div>
            </article>
          );
        })}
        <Pager label={t("moderation.queue.pagination")} paged={data.queue} href={(page) => href(page, data.hidden.page)} previous={t("moderation.queue.previous")} next={t("moderation.queue.next")} />
      </section>

      <section aria-labelledby="hidden-title" className="mb-5">
        <h2 id="hidden-title">{t("moderation.queue.hiddenTitle")}</h2>
        <p>{t("moderation.queue.hiddenCount", { count: data.hidden.total, page: data.hidden.page, pageCount: data.hidden.pageCount })}</p>
        {data.hidden.items.length === 0 ? <p>{t("moderation.queue.hiddenEmpty")}</p> : null}
        {data.hidden.items.map((item) => (
          <HiddenEntry key={`${item.contribution.type}-${item.contribution.id}`} locale={locale} t={t} item={item} restore={actions.restore} />
        ))}
        <Pager label={t("moderation.queue.hiddenPagination")} paged={data.hidden} href={(page) => href(data.queue.page, page)} previous={t("moderation.queue.previous")} next={t("moderation.queue.next")} />
      </section>

      {isAdmin ? (
        <section aria-labelledby="settings-title" className="mb-5">
          <h2 id="settings-title">{t("moderation.settings.title")}</h2>
          <form action={actions.threshold} className="row g-2 align-items-end">
            <div className="col-sm-6 col-lg-4">
              <label htmlFor="autoHideThreshold" className="form-label">{t("moderation.settings.thresholdLabel")}</label>
              <input
                id="autoHideThreshold"
                name="autoHideThreshold"
                type="number"
                inputMode="numeric"
                min={AUTO_HIDE_THRESHOLD.min}
                max={AUTO_HIDE_THRESHOLD.max}
                step={1}
                required
                className="form-control"
                defaultValue={data.settings.autoHideThreshold}
                aria-describedby="autoHideThreshold-hint"
              />
            </div>
            <div className="col-auto">
              <button type="submit" className="btn btn-primary">{t("moderation.settings.save")}</button>
            </div>
            <small id="autoHideThreshold-hint" className="form-text d-block col-12">
              {t("moderation.settings.thresholdHint", { min: AUTO_HIDE_THRESHOLD.min, max: AUTO_HIDE_THRESHOLD.max })} {t("moderation.settings.current", { value: data.settings.autoHideThreshold })}
            </small>
          </form>
        </section>
      ) : null}
    </>
  );
}

function Heading({ id, t, contribution, author }: { id: string; t: Translate; contribution: LoadedContribution; author: string }) {
  return <h3 id={id} className="h5">{t("moderation.queue.heading", { type: t(`moderation.types.${contribution.type}`), author })}</h3>;
}

/** Moderators see the text itself, whatever its state (the public sees the notice instead). */
function Body({ contribution }: { contribution: LoadedContribution }) {
  return (
    <div className="border-start border-3 ps-3 mb-3">
      {contribution.title ? <div className="fw-bold"><UserText text={contribution.title} /></div> : null}
      <UserText text={contribution.body} />
    </div>
  );
}

function HiddenEntry({ locale, t, item, restore }: { locale: Locale; t: Translate; item: HiddenItem; restore: FormAction }) {
  const { contribution } = item;
  const key = `${contribution.type}-${contribution.id}`;
  const author = item.author.displayName ?? t(ANONYMOUS_LABEL_KEY);
  return (
    <article id={`hidden-${key}`} aria-labelledby={`hidden-${key}-title`} className="card shadow-sm mb-4">
      <div className="card-body">
        <Heading id={`hidden-${key}-title`} t={t} contribution={contribution} author={author} />
        <p className="small text-muted">{t("moderation.queue.writtenOn", { date: formatDate(contribution.createdAt, locale) })}</p>
        <Body contribution={contribution} />
        <div className="mb-3">
          <strong>{t("moderation.queue.hiddenReason")}</strong> <UserText text={contribution.hiddenReason ?? ""} />
        </div>
        <p><a href={localizedPath(locale, contribution.path)}>{t("moderation.queue.context")}<span className="visually-hidden"> ({author})</span></a></p>
        <form action={restore}>
          <input type="hidden" name="type" value={contribution.type} />
          <input type="hidden" name="id" value={contribution.id} />
          <button type="submit" className="btn btn-outline-primary btn-sm">{t("moderation.queue.restore")}<span className="visually-hidden"> ({author})</span></button>
        </form>
      </div>
    </article>
  );
}
