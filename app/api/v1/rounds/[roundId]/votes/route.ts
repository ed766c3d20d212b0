import { type Actor, getSession, requireUser } from "@/lib/auth/session";
import { cookieFromHeader, sessionCookieName, sessionIdFromCookie } from "@/lib/auth/session-cookie";
import { getPrisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { castVote } from "@/lib/participation/cast-vote";
import { applyNoStore } from "@/lib/security/security-headers";
import { mutationRoute } from "@/lib/web/api-route";

/**
 * POST /api/v1/rounds/{roundId}/votes — the signed-in stakeholder's vote on a measure, as JSON
 * ({ measureId, choice, priority? }); the same castVote as the measure page's form. The session
 * comes from the session cookie of the request itself (the browser's, or a script's), the Origin
 * check from mutationRoute. Answers the vote as it now stands; never anyone else's.
 */
export const dynamic = "force-dynamic";

async function actorOf(request: Request): Promise<Actor | null> {
  const value = cookieFromHeader(request.headers.get("cookie") ?? undefined, sessionCookieName());
  if (!value) return null;
  return getSession(getPrisma(), await sessionIdFromCookie(value));
}

async function readJson(request: Request): Promise<unknown> {
  if (!(request.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json")) throw new AppError("VALIDATION", "votes.errors.validation");
  return request.json().catch(() => {
    throw new AppError("VALIDATION", "votes.errors.validation");
  });
}

const handler = mutationRoute(async (request, { params }: { params: Promise<{ roundId: string }> }) => {
  const { roundId } = await params;
  const actor = requireUser(await actorOf(request));
  const body = await readJson(request);
  // The round is the address's: a roundId in the body is an unknown field, like any other.
  const input = body !== null && typeof body === "object" && !Array.isArray(body) ? { ...body, roundId } : body;
  if (body !== null && typeof body === "object" && "roundId" in body) {
    throw new AppError("VALIDATION", "votes.errors.validation", {}, { roundId: "votes.errors.unknownField" });
  }
  const vote = await castVote(getPrisma(), actor, input, { channel: "WEB" });
  return { vote: { id: vote.voteId, roundId, measureId: (input as { measureId: string }).measureId, choice: vote.choice, priority: vote.priority, outcome: vote.outcome } };
});

export async function POST(request: Request, context: { params: Promise<{ roundId: string }> }): Promise<Response> {
  const response = await handler(request, context);
  applyNoStore(response.headers);
  return response;
}
