/**
 * Every rate limit of the application, in one table. A limit is "at most `limit` attempts per
 * `windowSeconds`", measured as a sliding window (see rate-limit.ts).
 *
 * Per-IP limits are generous on purpose: consultations happen in public assemblies (schools,
 * parishes, clubs) where dozens of people share one Wi-Fi address and sign up or in within
 * minutes. The per-account / per-email limits are what stop guessing and mail bombing.
 */
export interface RateLimitPolicy {
  /** Prefix of the counter key; unique per policy. */
  name: string;
  limit: number;
  windowSeconds: number;
}

const minutes = (n: number) => n * 60;

export const rateLimitPolicies = {
  /** Password guesses against one account: 10 per 15 minutes (≈1000 a day, useless against a 10+ character password not on the common list). */
  signInPerAccount: { name: "sign-in:account", limit: 10, windowSeconds: minutes(15) },
  /** One address trying many accounts, while an assembly room can still sign in together. */
  signInPerIp: { name: "sign-in:ip", limit: 100, windowSeconds: minutes(15) },
  /** Account creation from one address: an assembly of 60 can register within the hour. */
  signUpPerIp: { name: "sign-up:ip", limit: 60, windowSeconds: minutes(60) },
  /** Sign-in links mailed to one address: enough for "didn't arrive, send again", not for flooding an inbox. */
  signInLinkPerEmail: { name: "sign-in-link:email", limit: 5, windowSeconds: minutes(60) },
  signInLinkPerIp: { name: "sign-in-link:ip", limit: 60, windowSeconds: minutes(60) },
  /** Password-reset mails, same reasoning as sign-in links. */
  passwordResetPerEmail: { name: "password-reset:email", limit: 5, windowSeconds: minutes(60) },
  passwordResetPerIp: { name: "password-reset:ip", limit: 30, windowSeconds: minutes(60) },
  /** Staff invitations sent by one admin: a whole team at once, not a mail cannon from a stolen admin session. */
  invitationsPerAdmin: { name: "invitation:admin", limit: 30, windowSeconds: minutes(60) },
  /**
   * Comments, votes, proposals, supports and SWOT entries of one user (later issues): voting on
   * all 37 measures of the plan in one sitting, and changing a few votes, stays well below it.
   */
  contributionPerUser: { name: "contribution:user", limit: 120, windowSeconds: minutes(10) },
  /** Registering for and withdrawing from meetings, per user: a changed mind or two, not a script toggling seats. */
  meetingRegistrationPerUser: { name: "meeting-registration:user", limit: 30, windowSeconds: minutes(10) },
  /** Guests asking to join live sessions from one address: a whole room on the venue's Wi-Fi, not a script. */
  liveGuestRequestPerIp: { name: "live-guest:ip", limit: 120, windowSeconds: minutes(60) },
} as const satisfies Record<string, RateLimitPolicy>;

export type RateLimitPolicyName = keyof typeof rateLimitPolicies;
