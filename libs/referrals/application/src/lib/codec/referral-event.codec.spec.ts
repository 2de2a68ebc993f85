import { RecordedEvent } from '@lien/shared-event-store';
import { SAMPLE_METADATA, SAMPLE_REFERRAL_EVENTS } from '../../testing/referral-event-samples';
import storedGolden from './golden/stored-referral-events.v1.json';
import { REFERRAL_EVENT_TYPES, referralEventCodec } from './referral-event.codec';

const recorded = (encoded: { type: string; data: object }, revision = 0): RecordedEvent =>
  ({ ...encoded, metadata: SAMPLE_METADATA, id: '00000000-0000-4000-8000-000000000000', streamName: 'referral-x', revision: BigInt(revision), position: '', recordedAt: '', hash: '' }) as RecordedEvent;

describe('how referral events are stored', () => {
  it('given one event of each type, when encoded, then the stored shapes match the golden file (personal data marked per person)', () => {
    expect(SAMPLE_REFERRAL_EVENTS.map((event) => referralEventCodec.encode(event))).toEqual(storedGolden);
  });

  it('given the golden stored shapes, when decoded, then the domain events come back unchanged', () => {
    expect(storedGolden.map((stored) => referralEventCodec.decode(recorded(stored)))).toEqual(SAMPLE_REFERRAL_EVENTS);
  });

  it('given every domain event type, when stored, then its name is explicit and versioned', () => {
    for (const name of Object.values(REFERRAL_EVENT_TYPES)) expect(name).toMatch(/^referrals\.[A-Z][A-Za-z]+\.v1$/);
  });

  it('given a person erased, when their registration is read back, then the personal fields read as erased and the rest is intact', () => {
    const [registration] = storedGolden;
    const child = registration?.data.children?.[0] as Record<string, unknown>;
    const erased = { $erased: { subject: child['personId'] } };
    const stored = { ...registration, data: { ...registration?.data, children: [{ ...child, firstName: erased, lastName: erased, birthDate: erased }] } };
    const decoded = referralEventCodec.decode(recorded(stored as { type: string; data: object }));
    expect(decoded).toMatchObject({ type: 'ReferralRegistered', children: [{ personId: child['personId'], firstName: { erased: true }, birthDate: { erased: true } }] });
  });

  it('given stored data of the wrong shape, when decoded, then it is unreadable rather than skipped, without quoting the data', () => {
    const broken = recorded({ type: REFERRAL_EVENT_TYPES.ReferralDeclined, data: { referralId: 'x', reason: 'BECAUSE', note: 'Zoé' } });
    expect(() => referralEventCodec.decode(broken)).toThrow(expect.objectContaining({ code: 'UNREADABLE_STORED_EVENT' }));
    expect(() => referralEventCodec.decode(broken)).not.toThrow(/Zoé/);
  });
});
