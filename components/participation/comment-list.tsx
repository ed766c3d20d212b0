import { randomUUID } from "node:crypto";
import type { FormState } from "@/components/auth/form-state";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { formatDate } from "@/lib/i18n/format";
import type { CommentPage, CommentView } from "@/lib/participation/list-comments";
import { USER_TEXT_LIMITS } from "@/lib/participation/participation.schemas";
import { ANONYMOUS_LABEL_KEY } from "@/lib/privacy/display-name";
import { localizedPath } from "@/lib/web/localized-path";
import { ContributionBody } from "./contribution-body";
import { formatShortDateTime, formatTime } from "@/lib/i18n/format";
import { CommentForm, type CommentFormLabels } from "./participation-forms";

/**
 * One page of comment threads with their forms, shared by the measure page and the round page's
 * axes: each comment anchored (comment-<id>), its author (staff marked with their role), time and
 * edit time, its text through ContributionBody, a "Segnala" link; reply and edit forms folded in
 * <details> (no JavaScript needed), and links to the other pages of the list.
 */
type Action = (state: FormState, data: FormData) => Promise<FormState>;

export interface CommentListProps {
  page: CommentPage;
  locale: Locale;
  t: Translate;
  /** Unique per list on a page (form field ids). */
  idPrefix: string;
  /** The form actions, when the visitor may write. */
  actions: { post: Action; reply: (parentId: string) => Action; edit: (commentId: string) => Action } | null;
  /** Address of this list's page with the given cursor (null: first page). */
  pageHref: (cursor: string | null) => string;
  /** Where the blocker message's date comes from. */
  opensAt: Date;
  headingLevel: 3 | 4;
}

function authorName(comment: CommentView, t: Translate): string {
  return comment.author.erased || !comment.author.displayName ? t(ANONYMOUS_LABEL_KEY) : comment.author.displayName;
}

function commentLabels(t: Translate, kind: "new" | "reply" | "edit"): CommentFormLabels {
  const max = USER_TEXT_LIMITS.comment;
  if (kind === "reply") return { body: t("comments.replyLabel"), hint: t("comments.bodyHint", { max }), submit: t("comments.submitReply"), errorSummary: t("comments.errorSummary") };
  if (kind === "edit") return { body: t("comments.editLabel"), hint: t("comments.bodyHint", { max }), submit: t("comments.submitEdit"), errorSummary: t("comments.errorSummary") };
  return { body: t("comments.bodyLabel"), hint: t("comments.bodyHint", { max }), submit: t("comments.submit"), errorSummary: t("comments.errorSummary") };
}

function Comment({ comment, locale, t, edit }: { comment: CommentView; locale: Locale; t: Translate; edit: Action | null }) {
  const name = authorName(comment, t);
  return (
    <article className="consulta-comment" aria-label={`${name}, ${formatShortDateTime(comment.createdAt, locale)}`}>
      <p className="small mb-1">
        <strong>{name}</strong>
        {comment.author.role !== "STAKEHOLDER" && !comment.author.erased ? <span className="badge bg-primary ms-2">{t(`auth.roles.${comment.author.role}`)}</span> : null}
        {" · "}
        <time dateTime={comment.createdAt.toISOString()}>{formatShortDateTime(comment.createdAt, locale)}</time>
        {comment.editedAt ? <span className="ms-1">({t("comments.edited", { time: formatShortDateTime(comment.editedAt, locale) })})</span> : null}
      </p>
      <ContributionBody body={comment.body} moderation={comment.moderation} hiddenReason={comment.hiddenReason} t={t} />
      <p className="small mb-1">
        <a href={`${localizedPath(locale, "/segnala")}?tipo=commento&id=${comment.id}`} aria-label={t("comments.reportComment", { name })}>{t("comments.report")}</a>
      </p>
      {edit && comment.editableUntil ? (
        <CommentForm
          action={edit}
          idPrefix={`edit-${comment.id}`}
          labels={commentLabels(t, "edit")}
          defaultBody={comment.body}
          maxLength={USER_TEXT_LIMITS.comment}
          summary={t("comments.editUntil", { time: formatTime(comment.editableUntil, locale) })}
        />
      ) : null}
    </article>
  );
}

export function CommentList({ page, locale, t, idPrefix, actions, pageHref, opensAt, headingLevel }: CommentListProps) {
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const notice = page.blocker ? (
    <div className="alert alert-info" role="note">
      <p className="mb-0">{t(`comments.blockers.${page.blocker}`, { date: formatDate(opensAt, locale) })}</p>
      {page.blocker === "signedOut" ? <p className="mb-0 mt-2"><a href={localizedPath(locale, "/accedi")}>{t("comments.signIn")}</a></p> : null}
      {page.blocker === "profileRequired" ? <p className="mb-0 mt-2"><a href={localizedPath(locale, "/account")}>{t("auth.account.title")}</a></p> : null}
    </div>
  ) : null;
  return (
    <>
      <p className="small">{page.total === 0 ? t("comments.empty") : t("comments.count", { count: page.total })}</p>
      {actions ? (
        <>
          {page.blocker === null ? <Heading className="h5">{t("comments.newTitle")}</Heading> : null}
          <CommentForm action={actions.post} submissionId={randomUUID()} idPrefix={`${idPrefix}-new`} labels={commentLabels(t, "new")} maxLength={USER_TEXT_LIMITS.comment} blocked={page.blocker === null ? undefined : notice} />
        </>
      ) : (
        notice
      )}

      {page.threads.length > 0 ? (
        <ol className="list-unstyled mt-4">
          {page.threads.map((thread) => {
            const name = authorName(thread, t);
            const writable = actions !== null && page.blocker === null;
            // Signed in but the round is not open: the reply form stays (hidden) to bring back a refused reply.
            const replyBlocked = page.blocker === null ? undefined : null;
            return (
              <li key={thread.id} id={`comment-${thread.id}`} className="mb-4 pb-3 border-bottom">
                <Comment comment={thread} locale={locale} t={t} edit={writable ? actions.edit(thread.id) : null} />
                {thread.replies.length > 0 ? (
                  <ol className="list-unstyled ms-4 ps-3 border-start" aria-label={t("comments.repliesTo", { name })}>
                    {thread.replies.map((reply) => (
                      <li key={reply.id} id={`comment-${reply.id}`} className="mt-3">
                        <Comment comment={reply} locale={locale} t={t} edit={writable ? actions.edit(reply.id) : null} />
                      </li>
                    ))}
                  </ol>
                ) : null}
                {thread.replyCount > thread.replies.length ? <p className="small ms-4">{t("comments.moreReplies", { count: thread.replyCount - thread.replies.length })}</p> : null}
                {actions ? (
                  <div className="ms-4">
                    <CommentForm action={actions.reply(thread.id)} submissionId={randomUUID()} idPrefix={`reply-${thread.id}`} labels={commentLabels(t, "reply")} maxLength={USER_TEXT_LIMITS.comment} summary={t("comments.replyTo", { name })} blocked={replyBlocked} />
                  </div>
                ) : null}
              </li>
            );
          })}
        </ol>
      ) : null}

      {!page.isFirstPage || page.nextCursor ? (
        <nav aria-label={t("comments.pagination")}>
          <ul className="pagination">
            {!page.isFirstPage ? <li className="page-item"><a className="page-link" href={pageHref(null)}>{t("comments.newest")}</a></li> : null}
            {page.nextCursor ? <li className="page-item"><a className="page-link" href={pageHref(page.nextCursor)}>{t("comments.older")}</a></li> : null}
          </ul>
        </nav>
      ) : null}
    </>
  );
}
