import { InvalidEvent, NewEvent } from '@lien/shared-event-store';
import { rejectionOf } from '../eventually';
import { anEvent, aStreamName, someMetadata } from '../test-events';
import { ContractContext } from './contract-context';

/** Builds a deliberately broken event: the types forbid what the store must still refuse at run time. */
function broken(change: (event: Record<string, unknown>) => void): () => NewEvent {
  return () => {
    const event = { ...anEvent(), metadata: { ...someMetadata(), actor: { ...someMetadata().actor } } } as unknown as Record<string, unknown>;
    change(event);
    return event as unknown as NewEvent;
  };
}

function withMetadata(change: (metadata: Record<string, unknown>) => void): () => NewEvent {
  return broken((event) => change(event['metadata'] as Record<string, unknown>));
}

function withActor(change: (actor: Record<string, unknown>) => void): () => NewEvent {
  return withMetadata((metadata) => change(metadata['actor'] as Record<string, unknown>));
}

function withData(data: unknown): () => NewEvent {
  return broken((event) => (event['data'] = data));
}

const INVALID_EVENTS: ReadonlyArray<readonly [string, () => NewEvent]> = [
  ['no district', withMetadata((m) => delete m['district'])],
  ['a blank district', withMetadata((m) => (m['district'] = '  '))],
  ['no correlation id', withMetadata((m) => delete m['correlationId'])],
  ['a blank causation id', withMetadata((m) => (m['causationId'] = ''))],
  ['no causation id', withMetadata((m) => delete m['causationId'])],
  ['no actor', withMetadata((m) => delete m['actor'])],
  ['no actor user id', withActor((a) => delete a['userId'])],
  ['a blank actor role', withActor((a) => (a['role'] = ' '))],
  ['no occurredAt', withMetadata((m) => delete m['occurredAt'])],
  ['an occurredAt with a time-zone offset', withMetadata((m) => (m['occurredAt'] = '2025-03-14T10:30:00+01:00'))],
  ['an occurredAt without a time', withMetadata((m) => (m['occurredAt'] = '2025-03-14'))],
  ['an occurredAt that is not a date', withMetadata((m) => (m['occurredAt'] = 'yesterday'))],
  ['an occurredAt on an impossible day', withMetadata((m) => (m['occurredAt'] = '2025-02-30T10:00:00Z'))],
  ['a type without context and version', broken((e) => (e['type'] = 'ReferralRegistered'))],
  ['a type without version', broken((e) => (e['type'] = 'referrals.ReferralRegistered'))],
  ['a type with a lower-case event name', broken((e) => (e['type'] = 'referrals.referralRegistered.v1'))],
  ['a type with an upper-case context', broken((e) => (e['type'] = 'Referrals.ReferralRegistered.v1'))],
  ['a type with an upper-case version', broken((e) => (e['type'] = 'referrals.ReferralRegistered.V1'))],
  ['an id that is not a UUID', broken((e) => (e['id'] = 'event-1'))],
  ['data that is an array', withData([1, 2])],
  ['data that is null', withData(null)],
  ['data holding NaN', withData({ value: Number.NaN })],
  ['data holding Infinity', withData({ value: Number.POSITIVE_INFINITY })],
  ['data holding an integer beyond 2^53', withData({ value: 2 ** 53 })],
  ['data holding a bigint', withData({ value: 1n })],
  ['data holding undefined inside an array', withData({ values: [1, undefined] })],
  ['data holding a function', withData({ value: () => 1 })],
  ['data holding a NUL character', withData({ note: 'before\u0000after' })],
  ['data holding a lone surrogate', withData({ note: 'broken \ud800 pair' })],
  ['data with a NUL character in a key', withData({ ['key\u0000']: 1 })],
  ['data holding a Date', withData({ value: new Date('2025-03-14T09:30:00Z') })],
  ['data holding a Map', withData({ value: new Map([['a', 1]]) })],
  ['deeply nested data holding NaN', withData({ a: { b: [{ c: Number.NaN }] } })],
];

export function describeValidationContract({ store }: ContractContext): void {
  describe('append refuses events that are not valid', () => {
    it.each(INVALID_EVENTS)('given an event with %s, when appending, then InvalidEvent and the stream stays absent', async (_, build) => {
      const stream = aStreamName();
      const error = await rejectionOf(store().append(stream, [anEvent(), build()], { expectedRevision: 'any' }));
      expect(error).toBeInstanceOf(InvalidEvent);
      expect(error).toMatchObject({ code: 'INVALID_EVENT', kind: 'invalid-input' });
      expect(await store().readStream(stream, { district: 'luxembourg' })).toEqual([]);
    });

    it('given a blank stream name, when appending, then InvalidEvent', async () => {
      expect(await rejectionOf(store().append(' ', [anEvent()], { expectedRevision: 'any' }))).toBeInstanceOf(InvalidEvent);
    });

    it('given data at the edges of plain JSON, when appended, then it reads back equal', async () => {
      const stream = aStreamName();
      const data = { big: Number.MAX_SAFE_INTEGER, small: -Number.MAX_SAFE_INTEGER, fraction: 0.1, empty: {}, none: null, list: [[], [{}]], text: '' };
      await store().append(stream, [anEvent({ data })], { expectedRevision: 'no-stream' });
      expect((await store().readStream(stream, { district: 'luxembourg' }))[0]?.data).toEqual(data);
    });

    it('given a type with a dashed context and a multi-digit version, when appended, then it is accepted', async () => {
      const stream = aStreamName();
      await store().append(stream, [anEvent({ type: 'case-files.DocumentAttached.v12' })], { expectedRevision: 'no-stream' });
      expect((await store().readStream(stream, { district: 'luxembourg' }))[0]?.type).toBe('case-files.DocumentAttached.v12');
    });
  });
}
