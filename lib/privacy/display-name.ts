import type { Translate } from "@/lib/i18n/translate";

/** The message key of the label shown instead of an erased user's name. */
export const ANONYMOUS_LABEL_KEY = "privacy.anonymous";

export interface NamedUser {
  erasedAt: Date | null;
  name?: string | null;
  profile?: { displayName: string } | null;
}

/**
 * The name to show next to a contribution. Erased users keep their contributions (the
 * consultation's record stays whole) but are shown only as an anonymous participant.
 */
export function displayNameOf(user: NamedUser, t: Translate): string {
  if (user.erasedAt) return t(ANONYMOUS_LABEL_KEY);
  return user.profile?.displayName ?? user.name ?? t(ANONYMOUS_LABEL_KEY);
}
