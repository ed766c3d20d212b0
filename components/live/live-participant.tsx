"use client";
import { type FormEvent, useActionState, useState } from "react";
import type { FormState } from "@/components/auth/form-state";
import type { VoteChoice } from "@/lib/db/generated/enums";
import type { Locale } from "@/lib/i18n/locales";
import type { LiveSnapshot } from "@/lib/live/live.types";
import { type ParticipantLabels, fill } from "./live-labels";
import { LiveTallyTable } from "./live-tally-table";
import styles from "./live.module.css";
import { useLiveSession } from "./use-live-session";

const CHOICES: { choice: VoteChoice; className: string }[] = [
  { choice: "SUPPORT", className: "btn-success" },
  { choice: "OPPOSE", className: "btn-danger" },
  { choice: "ABSTAIN", className: "btn-secondary" },
];

/**
 * The participant's phone: the item under discussion, three big vote buttons (a tap votes; a newer
 * tap or priority replaces the vote), the confirmation. Without JavaScript the buttons post the
 * form to a server action instead.
 */
export function LiveParticipant({ code, initial, action, clientVoteId, recorded, labels, locale }: {
  code: string;
  initial: LiveSnapshot;
  /** The no-JavaScript path: a plain form post of the current item's vote. */
  action: (state: FormState, data: FormData) => Promise<FormState>;
  clientVoteId: string;
  /** The page was reached after a vote posted without JavaScript. */
  recorded: boolean;
  labels: ParticipantLabels;
  locale: Locale;
}) {
  const live = useLiveSession({ code }, initial, { unavailable: labels.unavailable });
  const [state, formAction] = useActionState(action, { values: {}, errors: {} });
  const snapshot = live.snapshot ?? initial;
  const item = snapshot.currentItem;
  const own = item ? live.votes[item.id] : undefined;
  const [priority, setPriority] = useState<string>("");
  const running = snapshot.session.status === "RUNNING";
  const canVote = !!item && item.votingOpen && running;
  const tally = live.tally && item && live.tally.itemId === item.id && item.resultsShown ? live.tally : null;
  const chosen = own?.choice ?? (state.values.choice as VoteChoice | undefined);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const choice = submitter?.value as VoteChoice | undefined;
    if (!choice) return;
    live.vote(choice, priority ? Number(priority) : null);
  }

  function changePriority(value: string) {
    setPriority(value);
    if (own && canVote) live.vote(own.choice, value ? Number(value) : null);
  }

  let confirmation = "";
  if (own && item) {
    const params = { choice: labels.choices[own.choice], priority: own.priority ?? "—" };
    confirmation = own.state === "recorded" ? fill(labels.recorded, params) : own.state === "queued" ? fill(labels.queued, params) : fill(labels.refused, { message: own.message ?? "" });
  } else if (recorded) {
    confirmation = labels.recordedPlain;
  }

  return (
    <div>
      <p className="small mb-2">
        {labels.connectionLabel}: <span id="participant-connection">{labels.connection[live.connection]}</span>
        {" · "}
        <span id="participant-session-status">{labels.status[snapshot.session.status]}</span>
      </p>
      {live.joinError ? <div className="alert alert-danger" role="alert">{live.joinError}</div> : null}

      {item ? (
        <section aria-labelledby="participant-item-title" id="participant-item" className="mb-4">
          <p className="text-uppercase small mb-1">{labels.kinds[item.kind]}</p>
          <h2 className={styles.participantItemTitle} id="participant-item-title">{item.code ? <>{item.code} · </> : null}{item.title}</h2>
          <p className={styles.participantText}>{item.text}</p>
        </section>
      ) : (
        <p className="lead" id="participant-no-item">{labels.noItem}</p>
      )}

      {snapshot.session.status === "PAUSED" ? <p className="fw-bold">{labels.paused}</p> : null}
      {snapshot.session.status === "ENDED" ? <p className="fw-bold">{labels.ended}</p> : null}

      {canVote && item ? (
        <form action={formAction} onSubmit={submit} aria-labelledby="participant-vote-title" key={item.id}>
          <h2 className="h4" id="participant-vote-title">{labels.voteTitle}</h2>
          {state.message && !own ? <div className="alert alert-danger" role="alert">{state.message}</div> : null}
          <input type="hidden" name="clientVoteId" value={clientVoteId} />
          <div className={styles.voteButtons} role="group" aria-label={labels.choiceGroup}>
            {CHOICES.map(({ choice, className }) => (
              <button
                key={choice}
                type="submit"
                name="choice"
                value={choice}
                className={`btn ${chosen === choice ? className : className.replace("btn-", "btn-outline-")} ${styles.voteButton}`}
                aria-pressed={chosen === choice}
              >
                {labels.choices[choice]}
              </button>
            ))}
          </div>
          <div className="select-wrapper mt-4">
            <label htmlFor="participant-priority">{labels.priority}</label>
            <select id="participant-priority" name="priority" className="form-select" value={priority} onChange={(event) => changePriority(event.target.value)} aria-describedby="participant-priority-hint">
              <option value="">{labels.priorityNone}</option>
              {[1, 2, 3, 4, 5].map((value) => <option key={value} value={value}>{value}</option>)}
            </select>
            <small id="participant-priority-hint" className="form-text d-block">{labels.priorityHint}</small>
          </div>
          <noscript><p className="small mt-2">{labels.send}</p></noscript>
        </form>
      ) : item && running ? (
        <p className="fw-bold" id="participant-waiting">{labels.waiting}</p>
      ) : null}

      <div
        className={`alert mt-4 ${own?.state === "refused" ? "alert-danger" : own?.state === "queued" ? "alert-warning" : "alert-success"}${confirmation ? "" : " visually-hidden"}`}
        aria-live="polite"
        role="status"
        id="participant-confirmation"
      >
        {confirmation}
      </div>

      {tally ? (
        <section aria-labelledby="participant-results-title" className="mt-4">
          <h2 className="h4" id="participant-results-title">{labels.resultsTitle}</h2>
          <div className="table-responsive"><LiveTallyTable tally={tally} labels={labels} locale={locale} id="participant-results" /></div>
        </section>
      ) : null}
    </div>
  );
}
