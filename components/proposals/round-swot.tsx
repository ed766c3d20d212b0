import type { RoundSectionProps } from "@/components/participation/measure-participation-props";

/** Placeholder until its module lands. */
export async function RoundSwot(_props: RoundSectionProps) {
  return null;
}
