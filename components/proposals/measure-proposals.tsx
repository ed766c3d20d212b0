import type { MeasureParticipationProps } from "@/components/participation/measure-participation-props";

/** Placeholder until its module lands. */
export async function MeasureProposals(_props: MeasureParticipationProps) {
  return null;
}
