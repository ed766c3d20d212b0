import type { Db } from "./plan-read";

export type PlanAddress = { slug: string; measureCode?: string; revisionNumber?: number };

/**
 * Whether a public plan address names something that exists: the plan, and the
 * measure or published revision it asks for. Lets the router answer 404 itself.
 */
export async function planAddressExists(db: Db, address: PlanAddress): Promise<boolean> {
  const plan = await db.plan.findUnique({
    where: { slug: address.slug },
    select: {
      id: true,
      measures: address.measureCode ? { where: { code: address.measureCode, versions: { some: { revision: { status: "PUBLISHED" } } } }, select: { id: true } } : undefined,
      revisions: address.revisionNumber ? { where: { number: address.revisionNumber, status: "PUBLISHED" }, select: { id: true } } : undefined,
    },
  });
  if (!plan) return false;
  if (address.measureCode && plan.measures.length === 0) return false;
  if (address.revisionNumber && plan.revisions.length === 0) return false;
  return true;
}
