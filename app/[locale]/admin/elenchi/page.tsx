import type { Metadata } from "next";
import { z } from "zod";
import { FocusNotice } from "@/components/decisions/focus-notice";
import { ScrollableTable } from "@/components/layout/scrollable-table";
import { getPrisma } from "@/lib/db/client";
import { decisionOptionKinds } from "@/lib/decisions/decisions.schemas";
import { listDecisionOptions } from "@/lib/decisions/list-decision-options";
import { currentActor } from "@/lib/web/auth";
import { pageContext } from "@/lib/web/page-context";
import { deciderRead } from "../../piani/[slug]/revisioni/[number]/decisioni/read";
import { changeOptionAction } from "./actions";

/**
 * /admin/elenchi: the lists officials choose from in decisions — funding sources and departments:
 * add, rename, archive or restore, move up or down. Officials and admins (signed out: sign-in page;
 * others: 403). Plain forms: works without JavaScript.
 */
type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await pageContext(params);
  return { title: t("decisions.lists.metaTitle"), robots: { index: false } };
}

const outcomes = ["aggiunta", "rinominata", "archiviata", "ripristinata", "spostata", "esistente", "non-valida", "non-trovata"] as const;
const failures = new Set(["esistente", "non-valida", "non-trovata"]);
const outcomeSchema = z.object({ esito: z.enum(outcomes).optional().catch(undefined) });

export default async function DecisionListsPage({ params, searchParams }: Props) {
  const { locale, t } = await pageContext(params);
  const lists = await deciderRead(locale, listDecisionOptions(getPrisma(), await currentActor()));
  const { esito } = outcomeSchema.parse(await searchParams);
  const action = changeOptionAction.bind(null, locale);

  return (
    <>
      <h1>{t("decisions.lists.title")}</h1>
      <p className="lead">{t("decisions.lists.intro")}</p>
      {esito ? <FocusNotice kind={failures.has(esito) ? "danger" : "success"}>{t(`decisions.lists.outcomes.${esito}`)}</FocusNotice> : null}
      {decisionOptionKinds.map((kind) => {
        const entries = lists[kind];
        const title = t(`decisions.lists.kinds.${kind}`);
        return (
          <section key={kind} className="my-5" aria-labelledby={`elenco-${kind}`}>
            <h2 id={`elenco-${kind}`}>{title}</h2>
            <ScrollableTable label={title}>
              <table className="table align-middle">
                <caption className="visually-hidden">{title}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("decisions.lists.columns.label")}</th>
                    <th scope="col">{t("decisions.lists.columns.status")}</th>
                    <th scope="col">{t("decisions.lists.columns.actions")}</th>
                  </tr>
                </thead>
                <tbody>
                  {entries.map((entry, index) => {
                    const forEntry = <span className="visually-hidden"> ({entry.label})</span>;
                    const fieldId = `rinomina-${entry.id}`;
                    return (
                      <tr key={entry.id}>
                        <th scope="row">{entry.label}</th>
                        <td>{entry.archived ? t("decisions.lists.archived") : t("decisions.lists.active")}</td>
                        <td>
                          <form action={action} className="d-flex flex-wrap gap-2 align-items-end mb-2">
                            <input type="hidden" name="action" value="rename" />
                            <input type="hidden" name="id" value={entry.id} />
                            <div>
                              <label htmlFor={fieldId} className="small d-block">{t("decisions.lists.renameLabel", { label: entry.label })}</label>
                              <input id={fieldId} name="label" className="form-control form-control-sm" defaultValue={entry.label} maxLength={120} required />
                            </div>
                            <button type="submit" className="btn btn-sm btn-outline-primary">{t("decisions.lists.rename")}{forEntry}</button>
                          </form>
                          <div className="d-flex flex-wrap gap-2">
                            <form action={action}>
                              <input type="hidden" name="action" value={entry.archived ? "restore" : "archive"} />
                              <input type="hidden" name="id" value={entry.id} />
                              <button type="submit" className="btn btn-sm btn-outline-secondary">{t(entry.archived ? "decisions.lists.restore" : "decisions.lists.archive")}{forEntry}</button>
                            </form>
                            {index > 0 ? (
                              <form action={action}>
                                <input type="hidden" name="action" value="up" />
                                <input type="hidden" name="id" value={entry.id} />
                                <button type="submit" className="btn btn-sm btn-outline-secondary">{t("decisions.lists.up")}{forEntry}</button>
                              </form>
                            ) : null}
                            {index < entries.length - 1 ? (
                              <form action={action}>
                                <input type="hidden" name="action" value="down" />
                                <input type="hidden" name="id" value={entry.id} />
                                <button type="submit" className="btn btn-sm btn-outline-secondary">{t("decisions.lists.down")}{forEntry}</button>
                              </form>
                            ) : null}
                          </div>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </ScrollableTable>
            <form action={action} className="d-flex flex-wrap gap-2 align-items-end">
              <input type="hidden" name="action" value="add" />
              <input type="hidden" name="kind" value={kind} />
              <div>
                <label htmlFor={`nuova-${kind}`} className="d-block">{t("decisions.lists.addLabel", { kind: title })}</label>
                <input id={`nuova-${kind}`} name="label" className="form-control" maxLength={120} required />
              </div>
              <button type="submit" className="btn btn-primary">{t("decisions.lists.add")}<span className="visually-hidden"> ({title})</span></button>
            </form>
          </section>
        );
      })}
    </>
  );
}
