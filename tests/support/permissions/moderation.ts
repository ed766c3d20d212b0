import type { MutationTable } from "./matrix";

/** The moderation module's mutations in the permission matrix. */
export const moderationMutations: MutationTable = {};
