"use client";
import { type FormEvent, useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { useRouter } from "next/navigation";
import type { Locale } from "@/lib/i18n/locales";
import { formatTime } from "@/lib/i18n/format";
import { type GuestLabels, fill } from "./live-labels";

/** How often the page asks whether the facilitator has decided. */
const POLL_INTERVAL_MS = 3000;

const subscribeToNothing = () => () => {};

type Check = "PENDING" | "ADMITTED" | "REFUSED" | "NONE";

/**
 * The guest's waiting panel: the request was sent with this name; "Check now" posts a plain form
 * (without JavaScript it is the only way). With JavaScript the page checks by itself every few
 * seconds through the same server action and, once the request is accepted (or refused), refreshes
 * the page in place; the outcome is announced politely in the status region.
 */
export function LiveGuestWaiting({ displayName, admitted, checkAction, poll, labels, locale }: {
  displayName: string;
  /** Accepted but not picked up yet (e.g. by a browser without JavaScript): the button says "Continue". */
  admitted: boolean;
  /** The plain form's server action ("Check now"): claims the admission, back to the page. */
  checkAction: () => Promise<void>;
  /** The same check answering where the request stands, for the script. */
  poll: () => Promise<Check>;
  labels: GuestLabels;
  locale: Locale;
}) {
  const router = useRouter();
  // False in the server's HTML (the plain form's wording), true once the script runs.
  const scripted = useSyncExternalStore(subscribeToNothing, () => true, () => false);
  const [message, setMessage] = useState(admitted ? labels.admittedPlain : labels.waitingPending);
  const done = useRef(false);
  const inFlight = useRef(false);

  const check = useCallback(async (asked: boolean) => {
    if (done.current || inFlight.current) return;
    inFlight.current = true;
    try {
      const outcome = await poll();
      if (outcome === "PENDING") {
        if (asked) setMessage(fill(labels.stillPending, { time: formatTime(new Date(), locale) }));
        return;
      }
      done.current = true;
      setMessage(outcome === "ADMITTED" ? labels.admitted : outcome === "REFUSED" ? labels.refusedNow : labels.waitingPending);
      router.refresh();
    } catch {
      if (asked) setMessage(labels.checkFailed);
    } finally {
      inFlight.current = false;
    }
  }, [poll, router, labels, locale]);

  useEffect(() => {
    let stopped = false;
    let timer: number | undefined;
    const tick = async () => {
      await check(false);
      if (!stopped && !done.current) timer = window.setTimeout(() => void tick(), POLL_INTERVAL_MS);
    };
    // Accepted already: pick the session up at once.
    timer = window.setTimeout(() => void tick(), admitted ? 0 : POLL_INTERVAL_MS);
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [admitted, check]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void check(true);
  }

  return (
    <section aria-labelledby="guest-waiting-title" id="guest-waiting" className="my-4 p-3 border rounded">
      <h2 id="guest-waiting-title" className="h3">{labels.waitingTitle}</h2>
      <div role="status" aria-live="polite" id="guest-waiting-status" className="alert alert-info">{message}</div>
      <dl className="mb-3">
        <dt>{labels.waitingName}</dt>
        <dd id="guest-waiting-name">{displayName}</dd>
      </dl>
      {admitted ? null : <p id="guest-waiting-hint">{scripted ? labels.waitingHintScript : labels.waitingHintPlain}</p>}
      <form action={checkAction} onSubmit={scripted ? submit : undefined}>
        <button type="submit" className="btn btn-primary btn-lg" id="guest-check" aria-describedby={admitted ? undefined : "guest-waiting-hint"}>
          {admitted ? labels.continue : labels.check}
        </button>
      </form>
    </section>
  );
}
