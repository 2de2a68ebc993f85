import { brusselsDate, daysBetween } from '../period/calendar-period';
import { CaseFact, DistrictFacts, ReferralFact } from '../facts/reporting-facts';
import { categoryFor, IndicatorDefinition, IndicatorId, INDICATORS } from './indicator-catalogue';

/** A window of whole local days, both ends included. */
export interface DayWindow {
  readonly firstDay: string;
  readonly lastDay: string;
}

/** Raw values of one indicator: counts by category, and for durations the days themselves. */
export interface IndicatorValues {
  readonly counts: Readonly<Record<string, number>>;
  readonly durations?: readonly number[];
}

export type IndicatorSet = Readonly<Record<IndicatorId, IndicatorValues>>;

/** `undefined`: every division; `null`: referrals and cases without a division. */
export type DivisionFilter = string | null | undefined;

const dayOf = (instant: string | null) => (instant === null ? null : brusselsDate(instant));
const within = (day: string | null, w: DayWindow): day is string => day !== null && day >= w.firstDay && day <= w.lastDay;
const atOrBefore = (day: string | null, last: string): day is string => day !== null && day <= last;

function tally(definition: IndicatorDefinition, codes: ReadonlyArray<string | null>): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(definition.categories.map((cat) => [cat.code, 0]));
  for (const code of codes) counts[categoryFor(definition, code)] += 1;
  return counts;
}

interface Context {
  readonly facts: DistrictFacts;
  readonly window: DayWindow;
  readonly referrals: readonly ReferralFact[];
  readonly cases: ReadonlyMap<string, CaseFact>;
  /** Whether a case id belongs to the division asked for. */
  readonly inScope: (caseId: string) => boolean;
}

type Compute = (context: Context, definition: IndicatorDefinition) => IndicatorValues;

const counted = (codes: (context: Context) => ReadonlyArray<string | null>): Compute => (context, definition) => ({ counts: tally(definition, codes(context)) });
const one = (n: number): IndicatorValues => ({ counts: { n } });
const durations = (days: number[]): IndicatorValues => ({ counts: { n: days.length }, durations: days });

function firstHeldSessionDays(context: Context): Map<string, string> {
  const first = new Map<string, string>();
  for (const s of context.facts.sessions) {
    if (s.outcome !== 'held') continue;
    const day = brusselsDate(s.occurredAt);
    const known = first.get(s.caseId);
    if (known === undefined || day < known) first.set(s.caseId, day);
  }
  return first;
}

function wellbeingTrends(context: Context): string[] {
  // One trajectory per child of a case: two siblings' assessments are never compared with each other.
  const byChild = new Map<string, { assessedOn: string; score: number; assessmentId: string }[]>();
  for (const w of context.facts.wellbeing) {
    if (!context.inScope(w.caseId) || w.assessedOn > context.window.lastDay) continue;
    const key = `${w.caseId}/${w.childId}`;
    byChild.set(key, [...(byChild.get(key) ?? []), w]);
  }
  const trends: string[] = [];
  for (const assessments of byChild.values()) {
    if (assessments.length < 2 || !assessments.some((a) => a.assessedOn >= context.window.firstDay)) continue;
    const ordered = [...assessments].sort((a, b) => a.assessedOn.localeCompare(b.assessedOn) || a.assessmentId.localeCompare(b.assessmentId));
    const delta = ordered[ordered.length - 1].score - ordered[0].score;
    trends.push(delta > 0 ? 'improved' : delta < 0 ? 'worsened' : 'stable');
  }
  return trends;
}

const COMPUTE: Readonly<Record<IndicatorId, Compute>> = {
  'referrals-received': counted(({ referrals, window }) => referrals.filter((r) => within(dayOf(r.receivedAt), window)).map((r) => r.mandantType)),
  'intake-outcomes': counted(({ referrals, window }) => [
    ...referrals.filter((r) => within(dayOf(r.acceptedAt), window)).map(() => 'accepted'),
    ...referrals.filter((r) => within(dayOf(r.declinedAt), window)).map((r) => `declined:${r.declineReason ?? ''}`),
    ...referrals.filter((r) => within(dayOf(r.waitlistedAt), window)).map(() => 'waitlisted'),
  ]),
  'waiting-list': ({ referrals, window }) => {
    const last = window.lastDay;
    const ended = (r: ReferralFact) => [r.acceptedAt, r.declinedAt, r.withdrawnAt].some((at) => atOrBefore(dayOf(at), last));
    return one(referrals.filter((r) => atOrBefore(dayOf(r.waitlistedAt), last) && !ended(r)).length);
  },
  'wait-received-to-accepted': ({ referrals, window }) =>
    durations(referrals.filter((r) => r.receivedAt !== null && within(dayOf(r.acceptedAt), window)).map((r) => daysBetween(brusselsDate(r.receivedAt as string), brusselsDate(r.acceptedAt as string)))),
  'wait-accepted-to-first-session': (context) => {
    const first = firstHeldSessionDays(context);
    const days: number[] = [];
    for (const r of context.referrals) {
      const session = r.caseId === null ? undefined : first.get(r.caseId);
      const accepted = dayOf(r.acceptedAt);
      if (accepted !== null && within(session ?? null, context.window)) days.push(daysBetween(accepted, session as string));
    }
    return durations(days);
  },
  caseload: ({ cases, window }) => one([...cases.values()].filter((k) => atOrBefore(dayOf(k.openedAt), window.lastDay) && !atOrBefore(dayOf(k.closedAt), window.lastDay)).length),
  'sessions-held': counted(({ facts, window, inScope }) => facts.sessions.filter((s) => s.outcome === 'held' && inScope(s.caseId) && within(dayOf(s.occurredAt), window)).map((s) => s.sessionType)),
  'sessions-cancelled': counted(({ facts, window, inScope }) => facts.sessions.filter((s) => s.outcome === 'cancelled' && inScope(s.caseId) && within(dayOf(s.occurredAt), window)).map((s) => s.attributedTo)),
  'no-shows': counted(({ facts, window, inScope }) => facts.sessions.filter((s) => s.outcome === 'no-show' && inScope(s.caseId) && within(dayOf(s.occurredAt), window)).map((s) => s.attributedTo)),
  incidents: counted(({ facts, window, inScope }) => facts.incidents.filter((i) => inScope(i.caseId) && within(dayOf(i.occurredAt), window)).map((i) => i.severity)),
  'bond-decisions': counted(({ facts, window, inScope }) => facts.bondDecisions.filter((d) => inScope(d.caseId) && within(dayOf(d.signedAt), window)).map((d) => d.outcome)),
  'wellbeing-trend': counted(wellbeingTrends),
  'case-closures': counted(({ cases, window }) => [...cases.values()].filter((k) => within(dayOf(k.closedAt), window)).map((k) => k.closeOutcome)),
  'closed-case-durations': ({ cases, window }) =>
    durations([...cases.values()].filter((k) => k.openedAt !== null && within(dayOf(k.closedAt), window)).map((k) => daysBetween(brusselsDate(k.openedAt as string), brusselsDate(k.closedAt as string)))),
  'reports-to-mandants': counted(({ facts, window, inScope }) =>
    facts.reports.filter((r) => r.dueOn !== null && inScope(r.caseId) && within(r.sentOn, window)).map((r) => (r.sentOn <= (r.dueOn as string) ? 'on-time' : 'late')),
  ),
};

/**
 * Every indicator of one district over one window, optionally for one division. Pure: the same facts
 * and window always give the same numbers, whatever order the contracts arrived in.
 */
export function computeIndicators(facts: DistrictFacts, window: DayWindow, division?: DivisionFilter): IndicatorSet {
  const matches = (d: string | null) => division === undefined || d === division;
  const cases = new Map(facts.cases.filter((k) => matches(k.division)).map((k) => [k.caseId, k]));
  const allCases = new Map(facts.cases.map((k) => [k.caseId, k]));
  // A session whose case is not known yet belongs to no division; it still counts for the whole district.
  const inScope = (caseId: string) => division === undefined || (allCases.has(caseId) ? cases.has(caseId) : division === null);
  const context: Context = { facts, window, referrals: facts.referrals.filter((r) => matches(r.division)), cases, inScope };
  return Object.fromEntries(INDICATORS.map((definition) => [definition.id, COMPUTE[definition.id](context, definition)]));
}
