import { InMemoryEventStore } from '@lien/shared-event-store-memory';
import { aContext, aRegistrationInput } from '../../testing/registration-examples';
import { AcceptReferralUseCase } from '../accept-referral/accept-referral.use-case';
import { CaseSlots, DistrictCapacities } from '../capacity/case-slots';
import { FreedSlotFollowUp } from '../capacity/freed-slot-follow-up';
import { CloseCaseUseCase } from '../close-case/close-case.use-case';
import { RegisterReferralUseCase } from '../register-referral/register-referral.use-case';
import { ReferralRepository } from '../shared/referral-repository';
import { referralStream } from '../shared/referral-streams';
import { PromoteWaitingListUseCase, WaitingList } from './promote-waiting-list.use-case';

const district = 'namur';

/** The read model's answer, kept in memory: referrals in the order they were waitlisted. */
class QueueInMemory extends WaitingList {
  readonly ids: string[] = [];
  async oldestFirst(_: string, limit: number): Promise<string[]> {
    return this.ids.slice(0, limit);
  }
}

describe('the waiting-list policy', () => {
  let store: InMemoryEventStore;
  let referrals: ReferralRepository;
  let queue: QueueInMemory;
  let slots: CaseSlots;
  let accept: AcceptReferralUseCase;
  let promote: PromoteWaitingListUseCase;
  let close: CloseCaseUseCase;

  beforeEach(() => {
    store = new InMemoryEventStore();
    referrals = new ReferralRepository(store);
    queue = new QueueInMemory();
    slots = new CaseSlots(store, new (class extends DistrictCapacities { capacityOf = () => 1 })());
    accept = new AcceptReferralUseCase(referrals, slots);
    promote = new PromoteWaitingListUseCase(queue, slots, accept);
    close = new CloseCaseUseCase(referrals, new FreedSlotFollowUp(slots, async (d, cause) => void (await promote.execute(d, cause))));
  });

  async function waitlisted(input = aRegistrationInput()): Promise<string> {
    const { referralId } = await new RegisterReferralUseCase(store, referrals).execute(input, aContext(district));
    await referrals.handle(referralId, { type: 'WaitlistReferral' }, aContext(district));
    queue.ids.push(referralId);
    return referralId;
  }

  it('given a full district and two waitlisted referrals, when the open case closes, then the oldest is accepted by the policy and the other keeps waiting', async () => {
    const open = await new RegisterReferralUseCase(store, referrals).execute(aRegistrationInput(), aContext(district));
    await accept.execute(open.referralId, aContext(district));
    const oldest = await waitlisted();
    const newer = await waitlisted();

    await close.execute(open.referralId, { outcome: 'BOND_RESUMED' }, aContext(district));

    const [, , accepted] = await store.readStream(referralStream(oldest), { district });
    expect(accepted).toMatchObject({ data: { mode: 'FROM_WAITING_LIST' }, metadata: { actor: { userId: 'system:waiting-list-policy', role: 'system' } } });
    expect((await referrals.load(newer, district)).state.status).toBe('WAITLISTED');
    expect(await slots.holders(district)).toEqual([oldest]);
  });

  it('given the oldest waitlisted mandate still incomplete, when a slot frees, then the next one is accepted and the oldest keeps its place', async () => {
    const incomplete = await waitlisted(aRegistrationInput({ mandate: { ...aRegistrationInput().mandate, reportDeadlines: [] } }));
    const complete = await waitlisted();
    expect(await promote.execute(district, aContext(district))).toEqual([complete]);
    expect((await referrals.load(incomplete, district)).state.status).toBe('WAITLISTED');
  });

  it('given a waiting list whose head was already accepted (read model behind), when promoting, then it is not accepted twice', async () => {
    const id = await waitlisted();
    await accept.execute(id, aContext(district));
    expect(await promote.execute(district, aContext(district))).toEqual([]);
    expect(await store.readStream(referralStream(id), { district })).toHaveLength(4);
  });

  it('given no free slot, when promoting, then nothing happens', async () => {
    const open = await new RegisterReferralUseCase(store, referrals).execute(aRegistrationInput(), aContext(district));
    await accept.execute(open.referralId, aContext(district));
    await waitlisted();
    expect(await promote.execute(district, aContext(district))).toEqual([]);
  });
});
