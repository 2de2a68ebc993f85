import { SafetySettings } from '../protocol/protocol-template';
import { Household } from '../session-plan/participants';
import { addMinutes, EpochMs, parseZonedInstant } from '../time/zoned-instant';
import { HouseholdWindowsOverlap, ProtectedHouseholdDepartureOrder, SeparationPlanMismatch, StaggerShorterThanDistrictSetting, WindowOutsideSession } from './separation.errors';

/** When one household may arrive and leave: half-open intervals [from, by). */
export interface HouseholdWindows {
  readonly household: Household;
  readonly arrivesFrom: EpochMs;
  readonly arrivesBy: EpochMs;
  readonly leavesFrom: EpochMs;
  readonly leavesBy: EpochMs;
}

/** Windows a practitioner proposes instead of the computed ones, as ISO timestamps with offset. */
export interface ProposedHouseholdWindows {
  readonly household: Household;
  readonly arrivesFrom: string;
  readonly arrivesBy: string;
  readonly leavesFrom: string;
  readonly leavesBy: string;
}

export function intervalsOverlap(aFrom: EpochMs, aTo: EpochMs, bFrom: EpochMs, bTo: EpochMs): boolean {
  return aFrom < bTo && bFrom < aTo;
}

/** From the first arrival to the last departure: the span a household may be in the building. */
export function presenceOf(windows: HouseholdWindows): { readonly from: EpochMs; readonly to: EpochMs } {
  return { from: windows.arrivesFrom, to: windows.leavesBy };
}

/**
 * The district's staggering: with both households, the one that leaves first arrives last, so it never
 * waits in the building while the other comes or goes. With one household, it simply has its windows.
 */
export function computeSeparation(households: readonly Household[], startsAt: EpochMs, endsAt: EpochMs, safety: SafetySettings): HouseholdWindows[] {
  const m = safety.staggerMinutes;
  const near = (household: Household): HouseholdWindows => ({ household, arrivesFrom: addMinutes(startsAt, -m), arrivesBy: startsAt, leavesFrom: endsAt, leavesBy: addMinutes(endsAt, m) });
  const far = (household: Household): HouseholdWindows => ({
    household,
    arrivesFrom: addMinutes(startsAt, -2 * m),
    arrivesBy: addMinutes(startsAt, -m),
    leavesFrom: addMinutes(endsAt, m),
    leavesBy: addMinutes(endsAt, 2 * m),
  });
  if (households.length < 2) return households.map(near);
  const protectedLeavesFirst = safety.protectedHouseholdLeaves === 'first';
  return [protectedLeavesFirst ? near('protected') : far('protected'), protectedLeavesFirst ? far('other') : near('other')];
}

/** Checks proposed windows against the same rules the computed ones satisfy by construction. */
export function checkedSeparation(
  proposed: readonly ProposedHouseholdWindows[],
  households: readonly Household[],
  startsAt: EpochMs,
  endsAt: EpochMs,
  safety: SafetySettings,
): HouseholdWindows[] {
  const listed = proposed.map((w) => w.household);
  if (listed.length !== households.length || households.some((h) => !listed.includes(h))) throw new SeparationPlanMismatch();
  const windows = proposed.map((w, index) => parsedWindows(w, index, startsAt, endsAt));
  if (windows.length === 2) checkTwoHouseholds(windows as [HouseholdWindows, HouseholdWindows], safety);
  return [...windows].sort((a, b) => (a.household === 'protected' ? -1 : b.household === 'protected' ? 1 : 0));
}

function parsedWindows(w: ProposedHouseholdWindows, index: number, startsAt: EpochMs, endsAt: EpochMs): HouseholdWindows {
  const field = (name: string) => `separation[${index}].${name}`;
  const windows: HouseholdWindows = {
    household: w.household,
    arrivesFrom: parseZonedInstant(w.arrivesFrom, field('arrivesFrom')),
    arrivesBy: parseZonedInstant(w.arrivesBy, field('arrivesBy')),
    leavesFrom: parseZonedInstant(w.leavesFrom, field('leavesFrom')),
    leavesBy: parseZonedInstant(w.leavesBy, field('leavesBy')),
  };
  if (!(windows.arrivesFrom < windows.arrivesBy)) throw new WindowOutsideSession(field('arrivesBy'));
  if (windows.arrivesBy > startsAt) throw new WindowOutsideSession(field('arrivesBy'));
  if (windows.leavesFrom < endsAt) throw new WindowOutsideSession(field('leavesFrom'));
  if (!(windows.leavesFrom < windows.leavesBy)) throw new WindowOutsideSession(field('leavesBy'));
  return windows;
}

function checkTwoHouseholds([first, second]: [HouseholdWindows, HouseholdWindows], safety: SafetySettings): void {
  if (intervalsOverlap(first.arrivesFrom, first.arrivesBy, second.arrivesFrom, second.arrivesBy)) throw new HouseholdWindowsOverlap('separation[1].arrivesFrom', 'arrival');
  if (intervalsOverlap(first.leavesFrom, first.leavesBy, second.leavesFrom, second.leavesBy)) throw new HouseholdWindowsOverlap('separation[1].leavesFrom', 'departure');
  const minimum = safety.staggerMinutes * 60_000;
  if (Math.abs(first.arrivesFrom - second.arrivesFrom) < minimum) throw new StaggerShorterThanDistrictSetting('separation[1].arrivesFrom', safety.staggerMinutes);
  if (Math.abs(first.leavesFrom - second.leavesFrom) < minimum) throw new StaggerShorterThanDistrictSetting('separation[1].leavesFrom', safety.staggerMinutes);
  const protectedWindows = first.household === 'protected' ? first : second;
  const other = first.household === 'protected' ? second : first;
  const protectedLeavesFirst = protectedWindows.leavesBy <= other.leavesFrom;
  if (protectedLeavesFirst !== (safety.protectedHouseholdLeaves === 'first')) throw new ProtectedHouseholdDepartureOrder(safety.protectedHouseholdLeaves);
}
