export const BOND_OUTCOMES = ['continue', 'adapt', 'suspend', 'end'] as const;
export type BondOutcome = (typeof BOND_OUTCOMES)[number];

/** A signed decision with one of these outcomes stops further supervised meetings. */
export function stopsSupervisedMeetings(outcome: BondOutcome): boolean {
  return outcome === 'suspend' || outcome === 'end';
}
