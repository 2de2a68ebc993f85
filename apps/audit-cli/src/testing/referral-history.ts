import { randomUUID } from 'node:crypto';
import { EventStore } from '@lien/shared-event-store';
import { referralEventCodec } from '@lien/referrals-application';
import { ReferralEvent } from '@lien/referrals-domain';

/** A fictitious child's first name: the export tests look for it in the output. */
export const CHILD_FIRST_NAME = 'Zoé';

const mandate = { mandantType: 'FAMILY_COURT', reference: '25/1234/A', decisionDate: '2026-02-20', legalBasis: 'CONSTRAINED', modalities: [], reportDeadlines: [] } as const;

/** One referral's life, through the referrals codec (personal fields marked, then sealed by the protected store). */
function referralLife(referralId: string, n: number): ReferralEvent[] {
  const child = randomUUID();
  const mother = randomUUID();
  const caseId = randomUUID();
  const registered: ReferralEvent = {
    type: 'ReferralRegistered', referralId, division: n % 2 ? 'arlon' : 'marche-en-famenne', mandate: { ...mandate, modalities: [], reportDeadlines: [] },
    children: [{ personId: child, firstName: CHILD_FIRST_NAME, lastName: 'Fictive', birthDate: '2017-05-04' }],
    adults: [{ personId: mother, role: 'MOTHER', firstName: 'Marie', lastName: 'Fictive', address: 'Rue des Tilleuls 4, 6900 Marche' }],
    protectiveMeasures: [],
  } as ReferralEvent;
  if (n % 3 === 0) return [registered, { type: 'ReferralDeclined', referralId, reason: 'OTHER_SERVICE_BETTER_PLACED', note: 'Mieux placé ailleurs' } as ReferralEvent];
  const opened = {
    type: 'CaseOpened', referralId, caseId, mandantType: 'FAMILY_COURT', legalBasis: 'CONSTRAINED', division: 'arlon', childIds: [child], adultIds: [mother], adultRoles: ['MOTHER'], protectiveMeasures: [], supervisedContactAllowed: true,
  } as ReferralEvent;
  const life: ReferralEvent[] = [registered, { type: 'ReferralAccepted', referralId, caseId, mode: 'BY_COORDINATOR' } as ReferralEvent, opened];
  if (n % 3 === 1) life.push({ type: 'CaseClosed', referralId, caseId, outcome: 'BOND_RESUMED', note: 'Rapport final transmis' } as ReferralEvent);
  return life;
}

/** Appends `count` referral streams to the district through `store`; returns their stream names. */
export async function seedReferrals(store: EventStore, district: string, count: number): Promise<string[]> {
  const streams: string[] = [];
  for (let n = 0; n < count; n += 1) {
    const referralId = randomUUID();
    const stream = `referral-${referralId}`;
    const occurredAt = new Date(Date.UTC(2026, 0, 1 + n)).toISOString();
    const events = referralLife(referralId, n).map((event) => ({
      ...referralEventCodec.encode(event),
      metadata: { district, correlationId: randomUUID(), causationId: randomUUID(), actor: { userId: 'coordinator-1', role: 'coordinator' }, occurredAt },
    }));
    await store.append(stream, events, { expectedRevision: 'no-stream' });
    streams.push(stream);
  }
  return streams;
}
