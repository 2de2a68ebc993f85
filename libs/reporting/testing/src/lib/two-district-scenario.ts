import { randomUUID } from 'node:crypto';
import { IntegrationEvent } from '@lien/shared-messaging';
import { contracts } from './contract-events';

interface DistrictPlan {
  readonly district: string;
  readonly division: string | null;
  /** Referrals received per mandant type. */
  readonly received: Readonly<Record<string, number>>;
  readonly accepted: number;
  readonly declined: number;
  readonly waitlisted: number;
  readonly heldPerCase: number;
  readonly cancelledByParent: number;
  readonly noShowsByParent: number;
  readonly incidents: ReadonlyArray<string>;
  readonly adapted: number;
  readonly improved: number;
  readonly lateReports: number;
  readonly closed: number;
}

const at = (year: number, month: number, day: number, hour = 10) => new Date(Date.UTC(year, month - 1, day, hour)).toISOString();
const date = (iso: string) => iso.slice(0, 10);

function districtEvents(plan: DistrictPlan, year: number): IntegrationEvent[] {
  const d = plan.district;
  const events: IntegrationEvent[] = [];
  const referrals = Object.entries(plan.received).flatMap(([mandantType, n]) => Array.from({ length: n }, () => ({ referralId: randomUUID(), mandantType })));
  referrals.forEach((r, k) => {
    const receivedAt = at(year, 2 + (k % 3), 3 + k);
    events.push(contracts.referralReceived(d, { ...r, legalBasis: 'CONSTRAINED', division: plan.division, decisionDate: date(receivedAt), childCount: 1, adultCount: 2, protectiveMeasureCount: 1, receivedAt }));
  });
  const accepted = referrals.slice(0, plan.accepted);
  const declined = referrals.slice(plan.accepted, plan.accepted + plan.declined);
  const waitlisted = referrals.slice(plan.accepted + plan.declined, plan.accepted + plan.declined + plan.waitlisted);
  declined.forEach((r, k) => events.push(contracts.referralDeclined(d, { referralId: r.referralId, reason: 'OUT_OF_SCOPE', declinedAt: at(year, 5, 2 + k) })));
  waitlisted.forEach((r, k) => events.push(contracts.referralWaitlisted(d, { referralId: r.referralId, waitlistedAt: at(year, 5, 10 + k) })));
  accepted.forEach((r, k) => {
    const caseId = randomUUID();
    const childId = randomUUID();
    const acceptedAt = at(year, 2 + (k % 3), 13 + k);
    events.push(contracts.referralAccepted(d, { referralId: r.referralId, caseId, mode: 'BY_COORDINATOR', acceptedAt }));
    events.push(contracts.caseOpened(d, { caseId, referralId: r.referralId, mandantType: r.mandantType, legalBasis: 'CONSTRAINED', division: plan.division, childIds: childId, adultIds: '', openedAt: acceptedAt }));
    for (let s = 0; s < plan.heldPerCase; s++) events.push(contracts.sessionHeld(d, at(year, 6 + s, 1 + k), { caseId, sessionId: randomUUID(), sessionType: 'supervised-meeting', interrupted: false }));
    if (k < plan.cancelledByParent) events.push(contracts.sessionCancelled(d, at(year, 8, 1 + k), { caseId, sessionId: randomUUID(), sessionType: 'supervised-meeting', attributedTo: 'parent', reason: 'requested' }));
    if (k < plan.noShowsByParent) events.push(contracts.noShow(d, at(year, 8, 10 + k), { caseId, sessionId: randomUUID(), sessionType: 'parent-interview', attributedTo: 'parent' }));
    const incident = plan.incidents[k];
    if (incident) events.push(contracts.incidentReported(d, at(year, 9, 1 + k), { caseId, sessionId: randomUUID(), sessionType: 'supervised-meeting', incidentId: randomUUID(), severity: incident, interruptedSession: true }));
    const level = (good: boolean) => (good ? 'good' : 'fragile');
    events.push(contracts.assessmentRecorded(d, at(year, 5, 20), { caseId, assessmentId: randomUUID(), childId, assessedOn: `${year}-05-20`, psychologicalLevel: 'stable', physicalLevel: 'stable', emotionalLevel: 'stable', instrumentScores: '' }));
    const better = k < plan.improved;
    events.push(contracts.assessmentRecorded(d, at(year, 10, 20), { caseId, assessmentId: randomUUID(), childId, assessedOn: `${year}-10-20`, psychologicalLevel: level(better), physicalLevel: 'stable', emotionalLevel: 'stable', instrumentScores: '' }));
    const outcome = k < plan.adapted ? 'adapt' : 'continue';
    events.push(contracts.bondDecisionSigned(d, { caseId, decisionId: randomUUID(), childId, outcome, stopsSupervisedMeetings: false, supersedesDecisionId: null, assessmentCount: 1, signedAt: at(year, 6, 1 + k) }));
    const sentOn = k < plan.lateReports ? `${year}-07-05` : `${year}-06-25`;
    events.push(contracts.reportSent(d, at(year, 7, 6), { caseId, reportId: randomUUID(), version: 1, kind: 'interim', deadlineDueOn: `${year}-07-01`, sentOn }));
    if (k < plan.closed) events.push(contracts.caseClosed(d, { caseId, referralId: r.referralId, outcome: 'BOND_RESUMED', closedAt: at(year, 11, 2 + k) }));
  });
  return events;
}

export const LUXEMBOURG_PLAN: DistrictPlan = {
  district: 'luxembourg', division: 'marche-en-famenne', received: { FAMILY_COURT: 3, SPJ: 6, SAJ: 8 }, accepted: 5, declined: 0, waitlisted: 2,
  heldPerCase: 2, cancelledByParent: 0, noShowsByParent: 0, incidents: ['serious'], adapted: 0, improved: 4, lateReports: 0, closed: 2,
};

export const NAMUR_PLAN: DistrictPlan = {
  district: 'namur', division: 'namur', received: { FAMILY_COURT: 7, SPJ: 5, SAJ: 9 }, accepted: 8, declined: 2, waitlisted: 3,
  heldPerCase: 2, cancelledByParent: 2, noShowsByParent: 1, incidents: ['minor', 'minor'], adapted: 2, improved: 6, lateReports: 2, closed: 6,
};

/**
 * One year of contracts from the three services for two districts. Luxembourg received 3 mandates from
 * the family court: the cell the ministry must never see as a number. Namur received 7, which secondary
 * suppression must hide too, or 10 − 7 would give the 3 back.
 */
export function twoDistrictYear(year: number, codes: { readonly luxembourg: string; readonly namur: string } = { luxembourg: 'luxembourg', namur: 'namur' }): IntegrationEvent[] {
  return [...districtEvents({ ...LUXEMBOURG_PLAN, district: codes.luxembourg }, year), ...districtEvents({ ...NAMUR_PLAN, district: codes.namur }, year)];
}
