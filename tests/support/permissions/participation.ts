import type { MutationTable } from "./matrix";

/** The participation module's mutations in the permission matrix. */
export const participationMutations: MutationTable = {};
