import { SafetySettings } from '../protocol/protocol-template';
import { parseZonedInstant, toDistrictLocalIso } from '../time/zoned-instant';
import { checkedSeparation, computeSeparation, HouseholdWindows, ProposedHouseholdWindows } from './separation-plan';
import { HouseholdWindowsOverlap, ProtectedHouseholdDepartureOrder, SeparationPlanMismatch, StaggerShorterThanDistrictSetting, WindowOutsideSession } from './separation.errors';

const safety: SafetySettings = { staggerMinutes: 15, protectedHouseholdLeaves: 'first', escalationDeadlineHours: 24 };
const start = parseZonedInstant('2026-03-02T14:00:00+01:00', 'startsAt');
const end = parseZonedInstant('2026-03-02T15:00:00+01:00', 'endsAt');

function local(w: HouseholdWindows) {
  return { household: w.household, arrives: [toDistrictLocalIso(w.arrivesFrom), toDistrictLocalIso(w.arrivesBy)], leaves: [toDistrictLocalIso(w.leavesFrom), toDistrictLocalIso(w.leavesBy)] };
}

describe('separation plan of the two households', () => {
  it('given both households and "protected leaves first", when computed, then the other household comes first and leaves last, 15 minutes apart', () => {
    expect(computeSeparation(['protected', 'other'], start, end, safety).map(local)).toEqual([
      { household: 'protected', arrives: ['2026-03-02T13:45:00+01:00', '2026-03-02T14:00:00+01:00'], leaves: ['2026-03-02T15:00:00+01:00', '2026-03-02T15:15:00+01:00'] },
      { household: 'other', arrives: ['2026-03-02T13:30:00+01:00', '2026-03-02T13:45:00+01:00'], leaves: ['2026-03-02T15:15:00+01:00', '2026-03-02T15:30:00+01:00'] },
    ]);
  });

  it('given "protected leaves last", when computed, then the protected household comes first and leaves last', () => {
    const [protectedWindows, other] = computeSeparation(['protected', 'other'], start, end, { ...safety, protectedHouseholdLeaves: 'last' });
    expect(protectedWindows?.arrivesFrom).toBeLessThan(other?.arrivesFrom ?? 0);
    expect(protectedWindows?.leavesFrom).toBeGreaterThanOrEqual(other?.leavesBy ?? Infinity);
  });

  it('given one household, when computed, then it arrives in the stagger before the start and leaves in the stagger after the end', () => {
    expect(computeSeparation(['other'], start, end, safety).map(local)).toEqual([
      { household: 'other', arrives: ['2026-03-02T13:45:00+01:00', '2026-03-02T14:00:00+01:00'], leaves: ['2026-03-02T15:00:00+01:00', '2026-03-02T15:15:00+01:00'] },
    ]);
  });

  it('given a session that ends as summer time begins, when computed, then the windows keep their real length across the jump', () => {
    const dstStart = parseZonedInstant('2026-03-29T01:00:00+01:00', 'startsAt');
    const dstEnd = parseZonedInstant('2026-03-29T01:50:00+01:00', 'endsAt');
    const [, other] = computeSeparation(['protected', 'other'], dstStart, dstEnd, safety);
    expect(toDistrictLocalIso(other?.leavesBy ?? 0)).toBe('2026-03-29T03:20:00+02:00');
    expect((other?.leavesBy ?? 0) - dstEnd).toBe(30 * 60_000);
  });

  const proposed = (overrides: Partial<Record<'protected' | 'other', Partial<ProposedHouseholdWindows>>> = {}): ProposedHouseholdWindows[] => [
    { household: 'protected', arrivesFrom: '2026-03-02T13:40:00+01:00', arrivesBy: '2026-03-02T14:00:00+01:00', leavesFrom: '2026-03-02T15:00:00+01:00', leavesBy: '2026-03-02T15:15:00+01:00', ...overrides.protected },
    { household: 'other', arrivesFrom: '2026-03-02T13:15:00+01:00', arrivesBy: '2026-03-02T13:35:00+01:00', leavesFrom: '2026-03-02T15:20:00+01:00', leavesBy: '2026-03-02T15:40:00+01:00', ...overrides.other },
  ];

  it('given proposed windows that keep the households apart, when checked, then they are kept as proposed', () => {
    expect(checkedSeparation(proposed(), ['protected', 'other'], start, end, safety).map(local)[1]).toEqual({
      household: 'other',
      arrives: ['2026-03-02T13:15:00+01:00', '2026-03-02T13:35:00+01:00'],
      leaves: ['2026-03-02T15:20:00+01:00', '2026-03-02T15:40:00+01:00'],
    });
  });

  it('given overlapping arrival windows, when checked, then they are refused naming the window', () => {
    expect(() => checkedSeparation(proposed({ other: { arrivesBy: '2026-03-02T13:50:00+01:00' } }), ['protected', 'other'], start, end, safety)).toThrow(HouseholdWindowsOverlap);
  });

  it('given overlapping departure windows, when checked, then they are refused', () => {
    expect(() => checkedSeparation(proposed({ other: { leavesFrom: '2026-03-02T15:10:00+01:00' } }), ['protected', 'other'], start, end, safety)).toThrow(HouseholdWindowsOverlap);
  });

  it('given arrivals only 5 minutes apart, when checked against a 15-minute setting, then they are refused', () => {
    const close = proposed({ protected: { arrivesFrom: '2026-03-02T13:50:00+01:00' }, other: { arrivesFrom: '2026-03-02T13:45:00+01:00', arrivesBy: '2026-03-02T13:50:00+01:00' } });
    expect(() => checkedSeparation(close, ['protected', 'other'], start, end, safety)).toThrow(StaggerShorterThanDistrictSetting);
  });

  it('given the protected household leaving last where the district wants it first, when checked, then it is refused', () => {
    const swapped = proposed({ protected: { leavesFrom: '2026-03-02T15:20:00+01:00', leavesBy: '2026-03-02T15:40:00+01:00' }, other: { leavesFrom: '2026-03-02T15:00:00+01:00', leavesBy: '2026-03-02T15:15:00+01:00' } });
    expect(() => checkedSeparation(swapped, ['protected', 'other'], start, end, safety)).toThrow(ProtectedHouseholdDepartureOrder);
  });

  it('given an arrival window that runs into the session, when checked, then it is refused', () => {
    expect(() => checkedSeparation(proposed({ protected: { arrivesBy: '2026-03-02T14:05:00+01:00' } }), ['protected', 'other'], start, end, safety)).toThrow(WindowOutsideSession);
  });

  it('given windows for a household that does not come, when checked, then they are refused', () => {
    expect(() => checkedSeparation(proposed(), ['protected'], start, end, safety)).toThrow(SeparationPlanMismatch);
  });
});
