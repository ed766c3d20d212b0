import type { MutationTable } from "./matrix";

/** The rounds module's mutations in the permission matrix. */
export const roundsMutations: MutationTable = {};
