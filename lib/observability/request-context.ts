import { AsyncLocalStorage } from "node:async_hooks";

/**
 * The request being handled, for everything that runs on its behalf (log lines carry its id).
 * server.ts starts one per HTTP request; the store lives on globalThis because Next's bundle and
 * server.ts load their own copies of this module and must share one storage.
 */
export interface RequestContext {
  requestId: string;
}

const holder = globalThis as typeof globalThis & { __consultaRequestContext?: AsyncLocalStorage<RequestContext> };
const storage = (holder.__consultaRequestContext ??= new AsyncLocalStorage<RequestContext>());

export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** Runs `fn` outside any request (background work started on a request's behalf must not carry its id). */
export function outsideRequestContext<T>(fn: () => T): T {
  return storage.exit(fn);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** An incoming x-request-id is kept only when a trusted proxy sent it and it is short and plain. */
export function acceptedRequestId(incoming: string | string[] | undefined, fromTrustedProxy: boolean): string | null {
  if (!fromTrustedProxy || typeof incoming !== "string") return null;
  return REQUEST_ID.test(incoming) ? incoming : null;
}
