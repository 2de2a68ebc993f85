import { Decider, DomainError } from '@lien/shared-kernel';

/**
 * One stream per district counts its open cases. Taking a slot appends with the revision read, so two
 * acceptances racing for the last slot cannot both succeed.
 */
export type DistrictCapacityEvent =
  | { readonly type: 'CaseSlotTaken'; readonly referralId: string }
  | { readonly type: 'CaseSlotReleased'; readonly referralId: string };

export type DistrictCapacityCommand =
  | { readonly type: 'TakeCaseSlot'; readonly referralId: string; readonly capacity: number }
  | { readonly type: 'ReleaseCaseSlot'; readonly referralId: string };

export interface DistrictCapacityState {
  readonly holders: readonly string[];
}

export class DistrictAtCapacity extends DomainError {
  readonly code = 'DISTRICT_AT_CAPACITY';
  readonly kind = 'rule-violation' as const;
  constructor(capacity: number) {
    super("L'arrondissement a atteint sa capacité de dossiers ouverts : mettez la demande en liste d'attente.", { capacity });
  }
}

export function decideDistrictCapacity(command: DistrictCapacityCommand, state: DistrictCapacityState): readonly DistrictCapacityEvent[] {
  const holds = state.holders.includes(command.referralId);
  if (command.type === 'ReleaseCaseSlot') return holds ? [{ type: 'CaseSlotReleased', referralId: command.referralId }] : [];
  // Taking again the slot one already holds is how a retried acceptance finds its slot after a crash.
  if (holds) return [];
  if (state.holders.length >= command.capacity) throw new DistrictAtCapacity(command.capacity);
  return [{ type: 'CaseSlotTaken', referralId: command.referralId }];
}

export const districtCapacityDecider: Decider<DistrictCapacityCommand, DistrictCapacityEvent, DistrictCapacityState> = {
  decide: decideDistrictCapacity,
  evolve: (state, event) => ({
    holders: event.type === 'CaseSlotTaken' ? [...state.holders, event.referralId] : state.holders.filter((id) => id !== event.referralId),
  }),
  initialState: () => ({ holders: [] }),
};

export function freeSlots(state: DistrictCapacityState, capacity: number): number {
  return Math.max(0, capacity - state.holders.length);
}
