import { InMemoryEventStore } from '@lien/shared-event-store-memory';
import { StreamRevisionConflict } from '@lien/shared-event-store';
import { DistrictAtCapacity, ReferralNotAcceptable } from '@lien/referrals-domain';
import { aContext, aRegistrationInput } from '../../testing/registration-examples';
import { CaseSlots, DistrictCapacities } from '../capacity/case-slots';
import { RegisterReferralUseCase } from '../register-referral/register-referral.use-case';
import { ReferralRepository } from '../shared/referral-repository';
import { referralStream } from '../shared/referral-streams';
import { AcceptReferralUseCase } from './accept-referral.use-case';

const district = 'hainaut';

class FixedCapacity extends DistrictCapacities {
  constructor(private readonly capacity: number) {
    super();
  }
  capacityOf(): number {
    return this.capacity;
  }
}

describe('accepting a referral within the district capacity', () => {
  let store: InMemoryEventStore;
  let referrals: ReferralRepository;
  let slots: CaseSlots;
  let accept: AcceptReferralUseCase;
  const registered = async () => (await new RegisterReferralUseCase(store, referrals).execute(aRegistrationInput(), aContext(district))).referralId;

  beforeEach(() => {
    store = new InMemoryEventStore();
    referrals = new ReferralRepository(store);
    slots = new CaseSlots(store, new FixedCapacity(1));
    accept = new AcceptReferralUseCase(referrals, slots);
  });

  it('given a free slot, when a referral is accepted, then a case opens and the referral holds the slot', async () => {
    const id = await registered();
    const result = await accept.execute(id, aContext(district));
    expect(result).toMatchObject({ status: 'ACCEPTED', changed: true, revision: 2n });
    expect(result.caseId).toBeDefined();
    expect(await slots.holders(district)).toEqual([id]);
  });

  it('given the last slot taken, when another referral is accepted, then it is refused and the referral is unchanged', async () => {
    await accept.execute(await registered(), aContext(district));
    const second = await registered();
    await expect(accept.execute(second, aContext(district))).rejects.toBeInstanceOf(DistrictAtCapacity);
    expect(await store.readStream(referralStream(second), { district })).toHaveLength(1);
  });

  it('given two referrals racing for the last slot, when both are accepted at once, then exactly one case opens', async () => {
    const [a, b] = [await registered(), await registered()];
    const outcomes = await Promise.allSettled([accept.execute(a, aContext(district)), accept.execute(b, aContext(district))]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(await slots.holders(district)).toHaveLength(1);
  });

  it('given a declined referral, when accepted, then it is refused and no slot is taken', async () => {
    const id = await registered();
    await referrals.handle(id, { type: 'DeclineReferral', reason: 'OUT_OF_SCOPE', note: 'Hors champ' }, aContext(district));
    await expect(accept.execute(id, aContext(district))).rejects.toBeInstanceOf(ReferralNotAcceptable);
    expect(await slots.holders(district)).toEqual([]);
  });

  it('given a caller who saw an older revision, when accepting, then a revision conflict and no slot taken', async () => {
    const id = await registered();
    await referrals.handle(id, { type: 'WaitlistReferral' }, aContext(district));
    await expect(accept.execute(id, aContext(district, { expectedRevision: 0n }))).rejects.toBeInstanceOf(StreamRevisionConflict);
    expect(await slots.holders(district)).toEqual([]);
  });

  it('given an accepted referral, when accepted again, then nothing changes and it keeps one slot', async () => {
    const id = await registered();
    const first = await accept.execute(id, aContext(district));
    const again = await accept.execute(id, aContext(district));
    expect(again).toMatchObject({ changed: false, revision: first.revision, caseId: first.caseId });
    expect(await slots.holders(district)).toEqual([id]);
  });
});
