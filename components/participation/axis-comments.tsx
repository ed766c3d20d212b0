import type { RoundSectionProps } from "@/components/participation/measure-participation-props";
import { editAxisCommentAction, postAxisCommentAction } from "@/app/[locale]/consultazioni/[roundId]/participation-actions";
import { getPrisma } from "@/lib/db/client";
import { parseCommentCursor } from "@/lib/participation/comments.schemas";
import { listAxisComments } from "@/lib/participation/list-axis-comments";
import { localizedPath } from "@/lib/web/localized-path";
import { CommentList } from "./comment-list";

/** The round page's comments on each axis of the plan, with the forms; each axis pages on its own (`?commenti-asse-<n>=`). */
const outcomes: Record<string, string> = { "commento-pubblicato": "comments.outcomes.posted", "risposta-pubblicata": "comments.outcomes.replied", "commento-modificato": "comments.outcomes.edited" };
const cursorParam = (number: number) => `commenti-asse-${number}`;

export async function AxisComments({ locale, t, actor, round, searchParams }: RoundSectionProps) {
  const cursors: Record<number, ReturnType<typeof parseCommentCursor>> = {};
  for (const [key, value] of Object.entries(searchParams)) {
    const match = /^commenti-asse-(\d{1,3})$/.exec(key);
    if (match) cursors[Number(match[1])] = parseCommentCursor(value);
  }
  const axes = await listAxisComments(getPrisma(), actor, { roundId: round.id, cursors });
  const path = localizedPath(locale, `/consultazioni/${round.id}`);
  const outcome = typeof searchParams.esito === "string" ? outcomes[searchParams.esito] : undefined;
  return (
    <section id="commenti-assi" className="my-5" aria-labelledby="axis-comments-title">
      <h2 id="axis-comments-title" className="h3">{t("comments.axisTitle")}</h2>
      <p>{t("comments.axisIntro")}</p>
      {outcome ? <div className="alert alert-success" role="status">{t(outcome)}</div> : null}
      {axes.map((axis) => {
        const context = { roundId: round.id, axisId: axis.axisId };
        const anchor = `commenti-asse-${axis.number}`;
        return (
          <section key={axis.axisId} id={anchor} className="mt-4" aria-labelledby={`${anchor}-title`}>
            <h3 id={`${anchor}-title`} className="h4">{t("comments.axisHeading", { number: axis.number, title: axis.title })}</h3>
            <CommentList
              page={axis.page}
              locale={locale}
              t={t}
              idPrefix={`axis-${axis.number}`}
              opensAt={round.opensAt}
              headingLevel={4}
              pageHref={(next) => (next ? `${path}?${cursorParam(axis.number)}=${encodeURIComponent(next)}#${anchor}` : `${path}#${anchor}`)}
              actions={actor ? {
                post: postAxisCommentAction.bind(null, locale, context, null),
                reply: (parentId) => postAxisCommentAction.bind(null, locale, context, parentId),
                edit: (commentId) => editAxisCommentAction.bind(null, locale, context, commentId),
              } : null}
            />
          </section>
        );
      })}
    </section>
  );
}
