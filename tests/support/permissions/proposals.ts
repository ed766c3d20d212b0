import type { MutationTable } from "./matrix";

/** The proposals module's mutations in the permission matrix. */
export const proposalsMutations: MutationTable = {};
