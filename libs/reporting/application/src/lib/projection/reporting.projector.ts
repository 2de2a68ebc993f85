import { EntityManager, ObjectLiteral, EntitySchema } from 'typeorm';
import { IntegrationEvent } from '@lien/shared-messaging';
import { CASE_CLOSED_V1, CASE_OPENED_V1, REFERRAL_ACCEPTED_V1, REFERRAL_DECLINED_V1, REFERRAL_RECEIVED_V1, REFERRAL_WAITLISTED_V1, REFERRAL_WITHDRAWN_V1 } from '@lien/referrals-contracts';
import { SESSION_CONTRACT_TYPES } from '@lien/sessions-contracts';
import { ASSESSMENT_CONTRACT_TYPES } from '@lien/assessments-contracts';
import { BondDecisionRowEntity, CaseRowEntity, IncidentRowEntity, ReferralRowEntity, ReportRowEntity, SessionRowEntity, WellbeingRowEntity } from '../read-model/reporting-entities';
import { ContractFields, UnreadableContract } from './contract-fields';

/** Worst to best, as the assessments contract lists them: the rank is the level's score. */
const WELLBEING_LEVELS = ['critical', 'fragile', 'stable', 'good'];

type Upsert = { entity: EntitySchema<ObjectLiteral>; keys: string[]; row: ObjectLiteral };

function wellbeingScore(type: string, f: ContractFields): number {
  return ['psychologicalLevel', 'physicalLevel', 'emotionalLevel'].reduce((sum, field) => {
    const rank = WELLBEING_LEVELS.indexOf(f.text(field));
    if (rank < 0) throw new UnreadableContract(type, field);
    return sum + rank;
  }, 0);
}

const referral = (row: ObjectLiteral): Upsert => ({ entity: ReferralRowEntity as EntitySchema<ObjectLiteral>, keys: ['district', 'referralId'], row });
const caseRow = (row: ObjectLiteral): Upsert => ({ entity: CaseRowEntity as EntitySchema<ObjectLiteral>, keys: ['district', 'caseId'], row });
const sessionRow = (row: ObjectLiteral): Upsert => ({ entity: SessionRowEntity as EntitySchema<ObjectLiteral>, keys: ['district', 'sessionId'], row });

/**
 * What each contract changes in the read model, as partial rows: only the columns the contract knows,
 * so contracts of one referral or case may arrive in any order and a replay writes the same values.
 */
const MAPPINGS: Readonly<Record<string, (f: ContractFields, event: IntegrationEvent) => Upsert>> = {
  [REFERRAL_RECEIVED_V1]: (f) => referral({ referralId: f.text('referralId'), division: f.optionalText('division'), mandantType: f.text('mandantType'), receivedAt: f.instant('receivedAt') }),
  [REFERRAL_ACCEPTED_V1]: (f) => referral({ referralId: f.text('referralId'), caseId: f.text('caseId'), acceptedAt: f.instant('acceptedAt') }),
  [REFERRAL_DECLINED_V1]: (f) => referral({ referralId: f.text('referralId'), declineReason: f.text('reason'), declinedAt: f.instant('declinedAt') }),
  [REFERRAL_WAITLISTED_V1]: (f) => referral({ referralId: f.text('referralId'), waitlistedAt: f.instant('waitlistedAt') }),
  [REFERRAL_WITHDRAWN_V1]: (f) => referral({ referralId: f.text('referralId'), withdrawnAt: f.instant('withdrawnAt') }),
  [CASE_OPENED_V1]: (f) => caseRow({ caseId: f.text('caseId'), division: f.optionalText('division'), openedAt: f.instant('openedAt') }),
  [CASE_CLOSED_V1]: (f) => caseRow({ caseId: f.text('caseId'), closeOutcome: f.text('outcome'), closedAt: f.instant('closedAt') }),
  // Session contracts carry no instant of their own: the CloudEvent's time is when it happened.
  [SESSION_CONTRACT_TYPES.sessionHeld]: (f, e) => sessionRow({ sessionId: f.text('sessionId'), caseId: f.text('caseId'), sessionType: f.text('sessionType'), outcome: 'held', attributedTo: null, occurredAt: new Date(e.time) }),
  [SESSION_CONTRACT_TYPES.sessionCancelled]: (f, e) =>
    sessionRow({ sessionId: f.text('sessionId'), caseId: f.text('caseId'), sessionType: f.text('sessionType'), outcome: 'cancelled', attributedTo: f.text('attributedTo'), occurredAt: new Date(e.time) }),
  [SESSION_CONTRACT_TYPES.noShow]: (f, e) =>
    sessionRow({ sessionId: f.text('sessionId'), caseId: f.text('caseId'), sessionType: f.text('sessionType'), outcome: 'no-show', attributedTo: f.text('attributedTo'), occurredAt: new Date(e.time) }),
  [SESSION_CONTRACT_TYPES.incidentReported]: (f, e) => ({
    entity: IncidentRowEntity as EntitySchema<ObjectLiteral>,
    keys: ['district', 'incidentId'],
    row: { incidentId: f.text('incidentId'), caseId: f.text('caseId'), severity: f.text('severity'), occurredAt: new Date(e.time) },
  }),
  [ASSESSMENT_CONTRACT_TYPES.assessmentRecorded]: (f, e) => ({
    entity: WellbeingRowEntity as EntitySchema<ObjectLiteral>,
    keys: ['district', 'assessmentId'],
    row: { assessmentId: f.text('assessmentId'), caseId: f.text('caseId'), childId: f.text('childId'), assessedOn: f.date('assessedOn'), score: wellbeingScore(e.type, f) },
  }),
  [ASSESSMENT_CONTRACT_TYPES.bondDecisionSigned]: (f) => ({
    entity: BondDecisionRowEntity as EntitySchema<ObjectLiteral>,
    keys: ['district', 'decisionId'],
    row: { decisionId: f.text('decisionId'), caseId: f.text('caseId'), outcome: f.text('outcome'), signedAt: f.instant('signedAt') },
  }),
  [ASSESSMENT_CONTRACT_TYPES.reportSent]: (f) => ({
    entity: ReportRowEntity as EntitySchema<ObjectLiteral>,
    keys: ['district', 'reportId', 'version'],
    row: { reportId: f.text('reportId'), version: f.integer('version'), caseId: f.text('caseId'), dueOn: f.optionalDate('deadlineDueOn'), sentOn: f.date('sentOn') },
  }),
};

/** The contract types the read model is built from; every other type on the topics is acknowledged and ignored. */
export const PROJECTED_CONTRACT_TYPES: readonly string[] = Object.keys(MAPPINGS);

/**
 * Applies one integration event inside the caller's district-scoped transaction. Returns whether the
 * event changed anything the reporting counts (scheduling, risk levels and the like do not).
 */
export async function projectContract(manager: EntityManager, event: IntegrationEvent): Promise<boolean> {
  const projected = projectedRow(event);
  if (!projected) return false;
  await manager.getRepository(projected.entity).upsert(projected.row, { conflictPaths: [...projected.keys], skipUpdateIfNoValuesChanged: true });
  return true;
}

export interface ProjectedRow {
  readonly entity: EntitySchema<ObjectLiteral>;
  /** Property names of the row's key, district first. */
  readonly keys: readonly string[];
  /** The partial row, district included: only the columns the contract knows. */
  readonly row: ObjectLiteral;
}

/** What `projectContract` upserts for the event, without writing it: for rebuilds that batch their writes. */
export function projectedRow(event: IntegrationEvent): ProjectedRow | undefined {
  const mapping = MAPPINGS[event.type];
  if (!mapping) return undefined;
  const { entity, keys, row } = mapping(new ContractFields(event.type, event.data), event);
  return { entity, keys, row: { ...row, district: event.district } };
}
