import { InvalidEvent, NewEvent } from '@lien/shared-event-store';
import { validateNewEvents } from './new-event-validation';

function anEvent(overrides: Omit<Partial<NewEvent>, 'metadata'> & { metadata?: Record<string, unknown> } = {}): NewEvent {
  return {
    type: 'referrals.ReferralRegistered.v1',
    data: { note: 'registered' },
    ...overrides,
    metadata: {
      district: 'luxembourg',
      correlationId: 'c-1',
      causationId: 'c-0',
      actor: { userId: 'u-1', role: 'case-worker' },
      occurredAt: '2025-03-14T09:30:00Z',
      ...overrides.metadata,
    } as NewEvent['metadata'],
  };
}

describe('validating events for KurrentDB', () => {
  it('given an upper-case id and data with undefined properties, when validated, then the id is lower-cased and undefined dropped, as KurrentDB will return them', () => {
    const [valid] = validateNewEvents('referral-1', [anEvent({ id: '3F2C09A1-0000-4000-8000-00000000000A', data: { kept: 1, dropped: undefined } as never })]);
    expect(valid.id).toBe('3f2c09a1-0000-4000-8000-00000000000a');
    expect(valid.data).toEqual({ kept: 1 });
  });

  it('given the caller changes its data after validation, then the validated copy is unchanged', () => {
    const data = { list: [1] };
    const [valid] = validateNewEvents('referral-1', [anEvent({ data })]);
    data.list.push(2);
    expect(valid.data).toEqual({ list: [1] });
  });

  it.each([
    ['hash', { hash: 'forged' }],
    ['recordedAt', { recordedAt: '2025-03-14T09:30:00Z' }],
    ['$correlationId', { $correlationId: 'x' }],
  ])('given metadata holding the reserved key %s, when validated, then InvalidEvent: the store would overwrite it', (key, extra) => {
    expect(() => validateNewEvents('referral-1', [anEvent({ metadata: extra })])).toThrow(new InvalidEvent(`events[0].metadata.${key} is reserved by the event store`));
  });

  it.each([['Luxembourg'], ['lux/embourg'], ['_lien']])('given the district %p, when validated, then InvalidEvent: it cannot prefix a KurrentDB stream', (district) => {
    expect(() => validateNewEvents('referral-1', [anEvent({ metadata: { district } })])).toThrow(InvalidEvent);
  });

  it('given two events of one batch with the same id, when validated, then InvalidEvent', () => {
    const id = '3f2c09a1-0000-4000-8000-00000000000a';
    expect(() => validateNewEvents('referral-1', [anEvent({ id }), anEvent({ id: id.toUpperCase() })])).toThrow(/share an id/);
  });

  it('given a person\'s data in an invalid field, when refused, then the reason names the field, not the value', () => {
    expect(() => validateNewEvents('referral-1', [anEvent({ data: { name: 'Jeanne Dupont', born: new Date() } as never })])).toThrow(/^Invalid event: events\[0\]\.data\.born is not a plain object$/);
  });
});
