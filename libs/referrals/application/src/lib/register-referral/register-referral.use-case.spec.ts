import { InMemoryEventStore } from '@lien/shared-event-store-memory';
import { DuplicateMandateReference, MandateWithoutParent } from '@lien/referrals-domain';
import { aContext, aRegistrationInput } from '../../testing/registration-examples';
import { REFERRAL_EVENT_TYPES } from '../codec/referral-event.codec';
import { MANDATE_REFERENCE_RESERVED } from '../codec/intake-event.codec';
import { ReferralRepository } from '../shared/referral-repository';
import { mandateReferenceStream, referralStream } from '../shared/referral-streams';
import { RegisterReferralUseCase } from './register-referral.use-case';

const district = 'luxembourg';

describe('registering a referral', () => {
  let store: InMemoryEventStore;
  let register: RegisterReferralUseCase;
  let referrals: ReferralRepository;

  beforeEach(() => {
    store = new InMemoryEventStore();
    referrals = new ReferralRepository(store);
    register = new RegisterReferralUseCase(store, referrals);
  });

  it('given a valid mandate, when registered, then the referral stream starts and the reference is reserved for it', async () => {
    const input = aRegistrationInput();
    const result = await register.execute(input, aContext(district));
    expect(result).toMatchObject({ status: 'RECEIVED', revision: 0n, changed: true });
    expect((await store.readStream(referralStream(result.referralId), { district })).map((e) => e.type)).toEqual([REFERRAL_EVENT_TYPES.ReferralRegistered]);
    const [reservation] = await store.readStream(mandateReferenceStream(district, 'SPJ', input.mandate.reference), { district });
    expect(reservation).toMatchObject({ type: MANDATE_REFERENCE_RESERVED, data: { referralId: result.referralId } });
  });

  it('given a mandate without a parent, when registered, then it is refused and nothing at all is stored', async () => {
    const input = aRegistrationInput({ adults: [{ personId: '99999999-9999-4999-8999-999999999999', role: 'GUARDIAN', firstName: 'A', lastName: 'B' }], protectiveMeasures: [] });
    await expect(register.execute(input, aContext(district))).rejects.toBeInstanceOf(MandateWithoutParent);
    expect((await store.readAll()).events).toEqual([]);
  });

  it('given an active referral, when the same reference is registered again in another spelling, then it is refused with a pointer to the first', async () => {
    const first = await register.execute(aRegistrationInput({ mandate: { ...aRegistrationInput().mandate, reference: 'SPJ/2026/0042' } }), aContext(district));
    const again = aRegistrationInput({ mandate: { ...aRegistrationInput().mandate, reference: 'spj 2026 0042' } });
    await expect(register.execute(again, aContext(district))).rejects.toMatchObject({ code: 'DUPLICATE_MANDATE_REFERENCE', existingReferralId: first.referralId });
    expect((await store.readAll({ filter: { categories: ['referral'] } })).events).toHaveLength(1);
  });

  it('given a referral in another district, when the same reference is registered here, then it is registered', async () => {
    const input = aRegistrationInput();
    await register.execute(input, aContext('namur'));
    await expect(register.execute({ ...input }, aContext(district))).resolves.toMatchObject({ status: 'RECEIVED' });
  });

  it('given ten registrations of one reference at the same moment, when they race, then exactly one is registered and the others point to it', async () => {
    const mandate = aRegistrationInput().mandate;
    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, () => register.execute(aRegistrationInput({ mandate }), aContext(district))));
    const registered = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value.referralId] : []));
    const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
    expect(registered).toHaveLength(1);
    expect(refused).toHaveLength(9);
    for (const error of refused) expect(error).toBeInstanceOf(DuplicateMandateReference);
    for (const error of refused) expect((error as DuplicateMandateReference).existingReferralId).toBe(registered[0]);
    expect((await store.readAll({ filter: { categories: ['referral'] } })).events).toHaveLength(1);
  });

  it('given a declined referral, when its reference is registered again, then the new referral takes the reference', async () => {
    const input = aRegistrationInput();
    const first = await register.execute(input, aContext(district));
    await referrals.handle(first.referralId, { type: 'DeclineReferral', reason: 'INCOMPLETE_MANDATE', note: 'Jugement incomplet' }, aContext(district));
    const second = await register.execute(aRegistrationInput({ mandate: input.mandate }), aContext(district));
    const reservations = await store.readStream(mandateReferenceStream(district, 'SPJ', input.mandate.reference), { district });
    expect(reservations.map((e) => e.data['referralId'])).toEqual([first.referralId, second.referralId]);
  });
});
