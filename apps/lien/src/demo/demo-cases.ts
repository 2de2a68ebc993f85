/**
 * The demo districts' cases, computed rather than stored: the same 40 cases every time, so that a seed
 * interrupted by a crash resumes with the same ids, references and Idempotency-Keys.
 * Every name is visibly fictitious.
 */
export const DEMO_DISTRICTS = ['luxembourg', 'namur'] as const;
export const CASES_PER_DISTRICT = 20;

const MANDANTS = ['FAMILY_COURT', 'SPJ', 'SAJ'] as const;
const DECLINE_REASONS = ['OUT_OF_SCOPE', 'NO_VIOLENCE_CONTEXT', 'OTHER_SERVICE_BETTER_PLACED', 'INCOMPLETE_MANDATE'] as const;
const CLOSE_OUTCOMES = ['BOND_RESUMED', 'BOND_ENDED', 'MANDATE_EXPIRED', 'REFERRED_ELSEWHERE'] as const;
const DAY_MS = 86_400_000;
/** Ranks 4 to 11 of each district are accepted and left open: the cases that have sessions. */
const OPEN_FROM = 4;
const OPEN_UNTIL = 12;

export type DemoStep =
  | { readonly kind: 'accept' }
  | { readonly kind: 'waitlist' }
  | { readonly kind: 'decline'; readonly body: { reason: string; note: string } }
  | { readonly kind: 'close'; readonly body: { outcome: string } }
  | { readonly kind: 'withdraw'; readonly body: { note: string } };

export interface DemoCase {
  /** 1 to 40: the case's number in the seed, shown in its fictitious names. */
  readonly number: number;
  readonly district: string;
  readonly registration: Record<string, unknown>;
  readonly steps: readonly DemoStep[];
  /** For a case left open (accepted, not closed): its rank among its district's open cases, which orders its sessions. */
  readonly openSlot?: number;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A version-4-shaped UUID from the case number and the person's rank: stable across runs. */
function personId(caseNumber: number, rank: number): string {
  return `0000de00-0000-4000-8000-${String(caseNumber * 10 + rank).padStart(12, '0')}`;
}

function isoDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** Decisions spread over the last 18 months, the oldest first. */
function decisionTime(index: number, today: number): number {
  return today - (540 - index * 13) * DAY_MS;
}

function stepsFor(rank: number, caseNumber: number): DemoStep[] {
  if (rank < 3) return [{ kind: 'accept' }, { kind: 'close', body: { outcome: CLOSE_OUTCOMES[(caseNumber + rank) % CLOSE_OUTCOMES.length] } }];
  if (rank === 3) return [{ kind: 'accept' }, { kind: 'withdraw', body: { note: 'Mandat retiré par le mandant (démo).' } }];
  if (rank < OPEN_UNTIL) return [{ kind: 'accept' }];
  if (rank < 16) return [{ kind: 'waitlist' }];
  return [{ kind: 'decline', body: { reason: DECLINE_REASONS[rank % DECLINE_REASONS.length], note: 'Motif de démonstration, dossier fictif.' } }];
}

export function demoCases(today: Date = new Date()): DemoCase[] {
  const now = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return DEMO_DISTRICTS.flatMap((district, d) =>
    Array.from({ length: CASES_PER_DISTRICT }, (_, rank) => {
      const number = d * CASES_PER_DISTRICT + rank + 1;
      const mandantType = MANDANTS[number % MANDANTS.length];
      const decided = decisionTime(rank * 2 + d, now);
      const registration = {
        mandate: {
          mandantType,
          reference: `DEMO/${district.slice(0, 3).toUpperCase()}/${pad(number)}`,
          decisionDate: isoDate(decided),
          // The SAJ works with the family's agreement; the court and the SPJ impose the measure.
          legalBasis: mandantType === 'SAJ' ? 'CONSENT_BASED' : 'CONSTRAINED',
          modalities: [{ kind: 'SUPERVISED_MEETINGS', sessionsPerMonth: 2, durationMonths: 6 + (number % 7) }],
          reportDeadlines: [
            { kind: 'INTERIM', dueOn: isoDate(decided + 90 * DAY_MS) },
            { kind: 'FINAL', dueOn: isoDate(decided + 180 * DAY_MS) },
          ],
        },
        children: [{ personId: personId(number, 1), firstName: `Enfant Fictif ${pad(number)}`, lastName: 'Démo', birthDate: `${2010 + (number % 11)}-0${1 + (number % 9)}-1${number % 10}` }],
        adults: [
          { personId: personId(number, 2), role: 'MOTHER', firstName: `Parent Démo ${pad(number)}A`, lastName: 'Fictif' },
          { personId: personId(number, 3), role: 'FATHER', firstName: `Parent Démo ${pad(number)}B`, lastName: 'Fictif' },
        ],
        protectiveMeasures: [],
      };
      const open = rank >= OPEN_FROM && rank < OPEN_UNTIL;
      return { number, district, registration, steps: stepsFor(rank, number), ...(open ? { openSlot: rank - OPEN_FROM } : {}) };
    }),
  );
}
