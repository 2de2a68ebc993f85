import { InMemoryEventStore } from '@lien/shared-event-store-memory';
import { InMemoryKeyStore, PersonalDataProtector, ProtectedEventStore } from '@lien/shared-personal-data';
import { SAMPLE_METADATA, SAMPLE_REFERRAL, SAMPLE_REFERRAL_EVENTS } from '../../testing/referral-event-samples';
import { MANDATE_REFERENCE_RESERVED } from '../codec/intake-event.codec';
import { referralEventCodec } from '../codec/referral-event.codec';
import contractsGolden from './golden/referral-contracts.v1.json';
import { translateReferralEvent } from './referral-contract.translator';

describe('translating referral events into integration contracts', () => {
  let raw: InMemoryEventStore;
  let store: ProtectedEventStore;

  beforeEach(async () => {
    raw = new InMemoryEventStore();
    store = new ProtectedEventStore(raw, new PersonalDataProtector(new InMemoryKeyStore()));
    await store.append('referral-golden', SAMPLE_REFERRAL_EVENTS.map((e) => ({ ...referralEventCodec.encode(e), metadata: SAMPLE_METADATA })), { expectedRevision: 'no-stream' });
  });

  it('given one event of each type, when translated, then the contracts match the golden file (an amendment of an open case included)', async () => {
    const events = await store.readStream('referral-golden', { district: SAMPLE_METADATA.district });
    expect(events.map((e) => ({ storedType: e.type, contract: translateReferralEvent(e) ?? null }))).toEqual(contractsGolden);
  });

  it('given the sealed events as stored, when translated, then the same contracts come out (nothing needs opening)', async () => {
    const opened = await store.readStream('referral-golden', { district: SAMPLE_METADATA.district });
    const sealed = await raw.readStream('referral-golden', { district: SAMPLE_METADATA.district });
    expect(sealed.map(translateReferralEvent)).toEqual(opened.map(translateReferralEvent));
  });

  it('given the contracts, when serialised, then no name, address, birth date or note of the samples appears', async () => {
    const events = await store.readStream('referral-golden', { district: SAMPLE_METADATA.district });
    const published = JSON.stringify(events.map(translateReferralEvent));
    for (const secret of ['Zoé', 'Fictive', 'Marie', 'Tilleuls', '2017-05-04', 'mercredi', 'Rapport final', 'Retrait']) expect(published).not.toContain(secret);
  });

  it('given an amendment before the case opened, when translated, then nothing is published: case-opened will carry the amended mandate', async () => {
    const early = referralEventCodec.encode({ type: 'MandateAmended', referralId: SAMPLE_REFERRAL, kind: 'AMENDMENT', decisionDate: '2026-02-25', reportDeadlines: [{ kind: 'FINAL', dueOn: '2026-08-20' }] });
    await store.append('referral-early', [{ ...early, metadata: SAMPLE_METADATA }], { expectedRevision: 'no-stream' });
    const [stored] = await store.readStream('referral-early', { district: SAMPLE_METADATA.district });
    expect(stored?.type).toBe('referrals.MandateAmended.v1');
    expect(translateReferralEvent(stored as NonNullable<typeof stored>)).toBeUndefined();
  });

  it('given an event outside the referral lifecycle, when translated, then nothing is published', () => {
    const reservation = { type: MANDATE_REFERENCE_RESERVED, data: { referralId: 'x', reservedAt: 'y' }, metadata: SAMPLE_METADATA } as never;
    expect(translateReferralEvent(reservation)).toBeUndefined();
  });
});
