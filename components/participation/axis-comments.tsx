import type { RoundSectionProps } from "@/components/participation/measure-participation-props";

/** Placeholder until its module lands. */
export async function AxisComments(_props: RoundSectionProps) {
  return null;
}
