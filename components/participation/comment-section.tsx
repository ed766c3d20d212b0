import type { MeasureParticipationProps } from "@/components/participation/measure-participation-props";
import { editCommentAction, postCommentAction } from "@/app/[locale]/piani/[slug]/misure/[code]/actions";
import { getPrisma } from "@/lib/db/client";
import { encodeCommentCursor, parseCommentCursor } from "@/lib/participation/comments.schemas";
import { listComments } from "@/lib/participation/list-comments";
import { localizedPath } from "@/lib/web/localized-path";
import { CommentList } from "./comment-list";

/** The measure page's comments in the current round: one keyset page (`?commenti=<cursor>`), threads, forms. */
const outcomes: Record<string, string> = { "commento-pubblicato": "comments.outcomes.posted", "risposta-pubblicata": "comments.outcomes.replied", "commento-modificato": "comments.outcomes.edited" };

export async function CommentSection({ locale, t, actor, round, measure, searchParams }: MeasureParticipationProps) {
  const cursor = parseCommentCursor(searchParams.commenti);
  const page = await listComments(getPrisma(), actor, { roundId: round.id, target: { measureId: measure.id }, cursor });
  const context = { roundId: round.id, measureId: measure.id, planSlug: measure.planSlug, code: measure.code, cursor: cursor ? encodeCommentCursor(cursor) : null };
  const path = localizedPath(locale, `/piani/${measure.planSlug}/misure/${measure.code}`);
  const outcome = typeof searchParams.esito === "string" ? outcomes[searchParams.esito] : undefined;
  return (
    <section id="commenti" className="my-5" aria-labelledby="comments-title">
      <h2 id="comments-title" className="h3">{t("comments.title")}</h2>
      {outcome ? <div className="alert alert-success" role="status">{t(outcome)}</div> : null}
      <CommentList
        page={page}
        locale={locale}
        t={t}
        idPrefix="comment"
        opensAt={round.opensAt}
        headingLevel={3}
        pageHref={(next) => (next ? `${path}?commenti=${encodeURIComponent(next)}#commenti` : `${path}#commenti`)}
        actions={actor ? {
          post: postCommentAction.bind(null, locale, context, null),
          reply: (parentId) => postCommentAction.bind(null, locale, context, parentId),
          edit: (commentId) => editCommentAction.bind(null, locale, context, commentId),
        } : null}
      />
    </section>
  );
}
