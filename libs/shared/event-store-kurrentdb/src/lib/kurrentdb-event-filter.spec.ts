import { EventFilter, RecordedEvent } from '@lien/shared-event-store';
import { matchesEventFilter, planServerFilter, ServerFilter } from './kurrentdb-event-filter';
import { eventIdClaimStreamName, ownerClaimStreamName } from './kurrentdb-stream-name';

/** What the server would let through: KurrentDB evaluates these regexes with .NET, whose syntax agrees with JavaScript's for the constructs used. */
function serverLetsThrough(filter: ServerFilter, stream: string, type: string): boolean {
  if (filter.on === 'event-type') return new RegExp(filter.regex).test(type);
  if ('prefixes' in filter) return filter.prefixes.some((prefix) => stream.startsWith(prefix));
  return new RegExp(filter.regex).test(stream);
}

const TYPE = 'referrals.ReferralRegistered.v1';

describe('planning the server-side part of an event filter', () => {
  it('given no filter, when planned, then a stream-name regex lets our streams through and keeps system and claim streams out', () => {
    const plan = planServerFilter(undefined);
    expect(plan.on).toBe('stream-name');
    expect(serverLetsThrough(plan, 'luxembourg/referral-1', TYPE)).toBe(true);
    for (const foreign of ['$stats-127.0.0.1:2113', '$$luxembourg/referral-1', ownerClaimStreamName('referral-1'), eventIdClaimStreamName('x')]) {
      expect(serverLetsThrough(plan, foreign, '$metadata')).toBe(false);
    }
  });

  it('given districts only, when planned, then the server gets one prefix per district, ending in the separator', () => {
    expect(planServerFilter({ districts: ['luxembourg', 'diekirch'] })).toEqual({ on: 'stream-name', prefixes: ['luxembourg/', 'diekirch/'] });
    expect(serverLetsThrough(planServerFilter({ districts: ['lux'] }), 'luxembourg/referral-1', TYPE)).toBe(false);
  });

  it('given categories, when planned, then the regex matches the part before the first dash, or a name without dash', () => {
    const plan = planServerFilter({ categories: ['referral'] });
    expect(serverLetsThrough(plan, 'luxembourg/referral-1', TYPE)).toBe(true);
    expect(serverLetsThrough(plan, 'diekirch/referral', TYPE)).toBe(true);
    expect(serverLetsThrough(plan, 'luxembourg/referrals-1', TYPE)).toBe(false);
    expect(serverLetsThrough(plan, 'luxembourg/session-referral-1', TYPE)).toBe(false);
    expect(serverLetsThrough(plan, ownerClaimStreamName('referral-1'), TYPE)).toBe(false);
  });

  it('given categories and districts, when planned, then only streams of those districts and categories pass', () => {
    const plan = planServerFilter({ categories: ['referral', 'session'], districts: ['luxembourg'] });
    expect(serverLetsThrough(plan, 'luxembourg/session-9', TYPE)).toBe(true);
    expect(serverLetsThrough(plan, 'diekirch/session-9', TYPE)).toBe(false);
  });

  it('given event types only, when planned, then the server filters on the event type with an anchored regex', () => {
    const plan = planServerFilter({ eventTypes: [TYPE] });
    expect(plan.on).toBe('event-type');
    expect(serverLetsThrough(plan, 'x', TYPE)).toBe(true);
    expect(serverLetsThrough(plan, 'x', `${TYPE}0`)).toBe(false);
    expect(serverLetsThrough(plan, 'x', 'referralsXReferralRegistered.v1')).toBe(false);
  });

  it('given event types and a category, when planned, then the server filters on the stream name and the types are left to the client', () => {
    const plan = planServerFilter({ categories: ['referral'], eventTypes: [TYPE] });
    expect(plan.on).toBe('stream-name');
    expect(serverLetsThrough(plan, 'luxembourg/referral-1', 'referrals.Other.v1')).toBe(true);
  });

  it.each<[string, EventFilter]>([
    ['no category', { categories: [] }],
    ['no district', { districts: [] }],
    ['no event type', { eventTypes: [] }],
    ['only districts that cannot exist', { districts: ['Not A District'] }],
  ])('given a filter allowing %s, when planned, then the server lets nothing through', (_, filter) => {
    const plan = planServerFilter(filter);
    expect(serverLetsThrough(plan, 'luxembourg/referral-1', TYPE)).toBe(false);
    expect(serverLetsThrough(plan, 'luxembourg/', '')).toBe(false);
  });
});

describe('checking an event against the whole filter on the client', () => {
  const event = { streamName: 'referral-1', type: TYPE, metadata: { district: 'luxembourg' } } as RecordedEvent;

  it.each<[string, EventFilter | undefined, boolean]>([
    ['no filter', undefined, true],
    ['its category', { categories: ['session', 'referral'] }, true],
    ['another category', { categories: ['session'] }, false],
    ['its category and its type', { categories: ['referral'], eventTypes: [TYPE] }, true],
    ['its category and another type', { categories: ['referral'], eventTypes: ['referrals.Other.v1'] }, false],
    ['its district', { districts: ['luxembourg'] }, true],
    ['another district', { districts: ['diekirch'] }, false],
  ])('given an event and a filter for %s, then it matches: %p', (_, filter, expected) => {
    expect(matchesEventFilter(filter, event)).toBe(expected);
  });
});
