"use client";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { ErrorSummary, InputField } from "@/components/forms/fields";
import type { Locale } from "@/lib/i18n/locales";
import { formatNumber } from "@/lib/i18n/format";
import { excerpt } from "@/lib/text/excerpt";
import type { LiveCandidates } from "@/lib/live/list-live-candidates";
import type { LiveGuestRequestView, LiveSnapshot } from "@/lib/live/live.types";
import { LiveGuestRequests } from "./live-guest-requests";
import { type ConsoleLabels, fill } from "./live-labels";
import { LiveTallyTable } from "./live-tally-table";
import { useLiveSession } from "./use-live-session";

const PAPER_FIELDS = ["support", "oppose", "abstain", "prioritySum", "priorityCount"] as const;

/** A digit string as a number; anything else as typed, so the server names the field that is wrong. */
const countValue = (value: FormDataEntryValue | null): number | string | undefined => {
  const text = typeof value === "string" ? value.trim() : "";
  if (text === "") return undefined;
  return /^\d+$/.test(text) ? Number(text) : text;
};


/** The facilitator's console: admit guests, pick the item, run the vote, enter paper ballots, watch the tally. */
export function LiveConsole({ initial, initialGuests, candidates, projectorHref, joinUrl, labels, locale }: {
  initial: LiveSnapshot;
  /** The guests waiting to be admitted when the page was rendered (the socket keeps the list current). */
  initialGuests: LiveGuestRequestView[];
  candidates: LiveCandidates;
  projectorHref: string;
  joinUrl: string;
  labels: ConsoleLabels;
  locale: Locale;
}) {
  const live = useLiveSession({ sessionId: initial.session.id }, initial, { unavailable: labels.unavailable }, initialGuests);
  const snapshot = live.snapshot ?? initial;
  const { session, currentItem } = snapshot;
  const [status, setStatus] = useState<{ text: string; failed: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmingEnd, setConfirmingEnd] = useState(false);
  const [paperErrors, setPaperErrors] = useState<Record<string, string>>({});
  const confirmRef = useRef<HTMLButtonElement>(null);
  const endRef = useRef<HTMLButtonElement>(null);

  const ended = session.status === "ENDED";
  const running = session.status === "RUNNING";
  const tally = live.tally && currentItem && live.tally.itemId === currentItem.id ? live.tally : null;

  async function command(name: string, payload: Record<string, unknown> = {}): Promise<boolean> {
    setBusy(true);
    const ack = await live.send(name, { sessionId: session.id, ...payload });
    setBusy(false);
    if (ack.ok) {
      setStatus({ text: labels.done[name] ?? "", failed: false });
      return true;
    }
    setStatus({ text: ack.error.message, failed: true });
    if (name === "paper:tally") setPaperErrors(ack.error.fields ?? {});
    return false;
  }

  async function decideGuest(guest: LiveGuestRequestView, admit: boolean): Promise<boolean> {
    setBusy(true);
    const ack = await live.decideGuest(guest.id, admit);
    setBusy(false);
    setStatus(ack.ok ? { text: fill(admit ? labels.guests.admitted : labels.guests.refused, { name: guest.displayName }), failed: false } : { text: ack.error.message, failed: true });
    return ack.ok;
  }

  function pick(event: FormEvent<HTMLFormElement>, field: "measureId" | "proposalId") {
    event.preventDefault();
    const value = new FormData(event.currentTarget).get(field);
    if (typeof value === "string" && value) void command("item:select", { [field]: value });
  }

  async function recordPaper(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!currentItem) return;
    const data = new FormData(event.currentTarget);
    const payload: Record<string, unknown> = { itemId: currentItem.id };
    for (const field of PAPER_FIELDS) {
      const value = countValue(data.get(field));
      if (value !== undefined) payload[field] = value;
    }
    for (const field of ["support", "oppose", "abstain"]) payload[field] ??= 0;
    if (await command("paper:tally", payload)) setPaperErrors({});
  }

  // Asked to end: the confirmation takes the focus.
  useEffect(() => {
    if (confirmingEnd) confirmRef.current?.focus();
  }, [confirmingEnd]);

  // A refused paper tally: the error summary takes the focus once shown.
  useEffect(() => {
    if (Object.keys(paperErrors).length > 0) document.getElementById("error-summary")?.focus();
  }, [paperErrors]);

  return (
    <div className="live-console">
      <div className={`alert ${status?.failed ? "alert-danger" : "alert-info"}${status ? "" : " visually-hidden"}`} aria-live="polite" role="status" aria-label={labels.statusRegion} id="live-console-status">
        {status?.text}
      </div>

      <section aria-labelledby="session-title" className="my-4 p-3 border rounded">
        <h2 id="session-title" className="h3">{labels.sessionTitle}</h2>
        <dl className="row mb-0">
          <dt className="col-sm-5 col-lg-3">{labels.joinCode}</dt>
          <dd className="col-sm-7 col-lg-9"><span className="fs-2 fw-bold font-monospace" id="live-join-code">{session.joinCode}</span></dd>
          <dt className="col-sm-5 col-lg-3">{labels.joinUrl}</dt>
          <dd className="col-sm-7 col-lg-9">{joinUrl}</dd>
          <dt className="col-sm-5 col-lg-3">{labels.sessionStatus}</dt>
          <dd className="col-sm-7 col-lg-9" id="live-session-status">{labels.status[session.status]}</dd>
          <dt className="col-sm-5 col-lg-3">{labels.connectionLabel}</dt>
          <dd className="col-sm-7 col-lg-9" id="live-connection">{labels.connection[live.connection]}</dd>
          <dt className="col-sm-5 col-lg-3">{labels.connectedCount}</dt>
          <dd className="col-sm-7 col-lg-9" id="live-connected">{live.connected === null ? "—" : formatNumber(live.connected, locale)}</dd>
        </dl>
        <p className="mt-3 mb-0"><a href={projectorHref} id="live-projector-link">{labels.projector}</a></p>
      </section>

      {ended ? <div className="alert alert-info" role="note">{labels.endedNotice}</div> : (
        <LiveGuestRequests guests={live.guests} labels={labels.guests} locale={locale} busy={busy} onDecide={decideGuest} />
      )}

      <section aria-labelledby="current-title" className="my-4">
        <h2 id="current-title" className="h3">{labels.currentTitle}</h2>
        {currentItem ? (
          <div className="card-wrapper"><div className="card card-bg"><div className="card-body" id="live-current-item">
            <p className="mb-1 text-uppercase small">{labels.kinds[currentItem.kind]}</p>
            <p className="h4">{currentItem.code ? <>{currentItem.code} · </> : null}{currentItem.title}</p>
            <p className="text-break">{currentItem.text}</p>
            <p className="mb-0 fw-bold" id="live-voting-state">{currentItem.votingOpen ? labels.votingOpen : labels.votingClosed}</p>
          </div></div></div>
        ) : (
          <p>{labels.noItem}</p>
        )}
      </section>

      {!ended ? (
        <section aria-labelledby="controls-title" className="my-4">
          <h2 id="controls-title" className="h3">{labels.controlsTitle}</h2>
          <div className="d-flex flex-wrap gap-2">
            <button type="button" className="btn btn-primary" id="live-open-voting" disabled={busy || !running || !currentItem || currentItem.votingOpen} onClick={() => void command("voting:open")}>{labels.openVoting}</button>
            <button type="button" className="btn btn-outline-primary" id="live-close-voting" disabled={busy || !currentItem?.votingOpen} onClick={() => void command("voting:close")}>{labels.closeVoting}</button>
            <button type="button" className="btn btn-outline-primary" id="live-show-results" disabled={busy || !currentItem || currentItem.resultsShown} onClick={() => void command("results:show")}>{labels.showResults}</button>
            {running ? (
              <button type="button" className="btn btn-outline-secondary" id="live-pause" disabled={busy} onClick={() => void command("session:pause")}>{labels.pause}</button>
            ) : (
              <button type="button" className="btn btn-outline-secondary" id="live-resume" disabled={busy} onClick={() => void command("session:resume")}>{labels.resume}</button>
            )}
            <button
              type="button"
              className="btn btn-outline-danger"
              id="live-end"
              ref={endRef}
              aria-expanded={confirmingEnd}
              aria-controls="live-end-confirm"
              disabled={busy}
              onClick={() => setConfirmingEnd(true)}
            >
              {labels.end}
            </button>
          </div>
          <div id="live-end-confirm" role="group" aria-labelledby="live-end-question" className={`alert alert-warning mt-3${confirmingEnd ? "" : " d-none"}`}>
            <p id="live-end-question" className="fw-bold">{labels.endConfirm}</p>
            <div className="d-flex flex-wrap gap-2">
              <button
                type="button"
                className="btn btn-danger"
                id="live-end-yes"
                ref={confirmRef}
                disabled={busy}
                onClick={() => {
                  setConfirmingEnd(false);
                  void command("session:end");
                }}
              >
                {labels.endConfirmYes}
              </button>
              <button
                type="button"
                className="btn btn-outline-secondary"
                id="live-end-no"
                onClick={() => {
                  setConfirmingEnd(false);
                  endRef.current?.focus();
                }}
              >
                {labels.endConfirmNo}
              </button>
            </div>
          </div>
        </section>
      ) : null}

      {!ended ? (
        <section aria-labelledby="pick-title" className="my-4">
          <h2 id="pick-title" className="h3">{labels.pickTitle}</h2>
          <form className="row g-2 align-items-end mb-3" onSubmit={(event) => pick(event, "measureId")}>
            <div className="col-md-9 select-wrapper">
              <label htmlFor="live-measure">{labels.measure}</label>
              <select id="live-measure" name="measureId" className="form-select" aria-describedby="live-measure-hint" defaultValue="">
                <option value="" disabled>{labels.measureHint}</option>
                {candidates.axes.map((axis) => (
                  <optgroup key={axis.number} label={fill(labels.axis, { number: axis.number, title: axis.title })}>
                    {axis.measures.map((measure) => (
                      <option key={measure.id} value={measure.id}>{measure.code} · {excerpt(measure.text, 90)}</option>
                    ))}
                  </optgroup>
                ))}
              </select>
              <small id="live-measure-hint" className="form-text d-block">{labels.measureHint}</small>
            </div>
            <div className="col-md-3"><button type="submit" className="btn btn-outline-primary w-100" id="live-pick-measure" disabled={busy}>{labels.pickMeasure}</button></div>
          </form>
          {candidates.proposals.length > 0 ? (
            <form className="row g-2 align-items-end" onSubmit={(event) => pick(event, "proposalId")}>
              <div className="col-md-9 select-wrapper">
                <label htmlFor="live-proposal">{labels.proposal}</label>
                <select id="live-proposal" name="proposalId" className="form-select" defaultValue={candidates.proposals[0]?.id}>
                  {candidates.proposals.map((proposal) => <option key={proposal.id} value={proposal.id}>{excerpt(proposal.title, 90)}</option>)}
                </select>
              </div>
              <div className="col-md-3"><button type="submit" className="btn btn-outline-primary w-100" id="live-pick-proposal" disabled={busy}>{labels.pickProposal}</button></div>
            </form>
          ) : (
            <p>{labels.noProposals}</p>
          )}
        </section>
      ) : null}

      <section aria-labelledby="tally-title" className="my-4">
        <h2 id="tally-title" className="h3">{labels.tallyTitle}</h2>
        {tally ? <LiveTallyTable tally={tally} labels={labels} locale={locale} id="live-tally" /> : <p>{labels.tally.none}</p>}
      </section>

      {!ended && currentItem ? (
        <section aria-labelledby="paper-title" className="my-4">
          <h2 id="paper-title" className="h3">{labels.paperTitle}</h2>
          {currentItem.kind === "MEASURE" ? (
            <form key={currentItem.id} onSubmit={(event) => void recordPaper(event)} noValidate>
              <p>{labels.paperIntro}</p>
              <ErrorSummary title={labels.errorSummary} errors={paperErrors} labels={labels.fields} />
              <div className="row">
                {PAPER_FIELDS.map((field) => (
                  <div className="col-sm-6 col-lg-4" key={field}>
                    <InputField
                      name={field}
                      type="number"
                      inputMode="numeric"
                      min={0}
                      step={1}
                      label={labels.fields[field] ?? field}
                      hint={field === "prioritySum" ? labels.prioritySumHint : undefined}
                      error={paperErrors[field]}
                      required={field === "support" || field === "oppose" || field === "abstain"}
                    />
                  </div>
                ))}
              </div>
              <button type="submit" className="btn btn-primary" disabled={busy}>{labels.paperSubmit}</button>
            </form>
          ) : (
            <p>{labels.paperOnlyMeasures}</p>
          )}
        </section>
      ) : null}

      <section aria-labelledby="items-title" className="my-4">
        <h2 id="items-title" className="h3">{labels.itemsTitle}</h2>
        {snapshot.items.length > 0 ? (
          <ol id="live-items">
            {snapshot.items.map((item) => <li key={item.id}>{item.code ? <>{item.code} · </> : null}{excerpt(item.title, 120)}</li>)}
          </ol>
        ) : (
          <p>{labels.noItems}</p>
        )}
      </section>
    </div>
  );
}
