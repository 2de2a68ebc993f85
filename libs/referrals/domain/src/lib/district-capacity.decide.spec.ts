import { deciderSpecification } from '@lien/shared-decider-testing';
import { DistrictAtCapacity, districtCapacityDecider } from './district-capacity.decide';

const spec = deciderSpecification(districtCapacityDecider);
const A = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const B = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const taken = (referralId: string) => ({ type: 'CaseSlotTaken', referralId }) as const;

describe('the open-case capacity of a district', () => {
  it('given a free slot, when an acceptance takes it, then the slot is taken', () => {
    spec.given([]).when({ type: 'TakeCaseSlot', referralId: A, capacity: 1 }).then([taken(A)]);
  });

  it('given every slot taken, when another acceptance takes one, then it is refused', () => {
    spec.given([taken(A)]).when({ type: 'TakeCaseSlot', referralId: B, capacity: 1 }).thenThrows(DistrictAtCapacity, (e) => expect(e.details['capacity']).toBe(1));
  });

  it('given the slot held by this referral, when it takes a slot again, then nothing happens', () => {
    spec.given([taken(A)]).when({ type: 'TakeCaseSlot', referralId: A, capacity: 1 }).thenNothing();
  });

  it('given a slot held, when its case closes, then the slot is released', () => {
    spec.given([taken(A)]).when({ type: 'ReleaseCaseSlot', referralId: A }).then([{ type: 'CaseSlotReleased', referralId: A }]);
  });

  it('given no slot held by a referral, when it releases, then nothing happens', () => {
    spec.given([taken(A)]).when({ type: 'ReleaseCaseSlot', referralId: B }).thenNothing();
  });

  it('given a slot released, when another acceptance takes one, then it is taken', () => {
    spec.given([taken(A), { type: 'CaseSlotReleased', referralId: A }]).when({ type: 'TakeCaseSlot', referralId: B, capacity: 1 }).then([taken(B)]);
  });
});
