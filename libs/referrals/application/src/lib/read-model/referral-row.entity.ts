import { EntitySchema } from 'typeorm';

/** The non-personal detail of a referral, as the read model keeps it (names and addresses stay in the sealed events). */
export interface ReferralDetailJson {
  readonly mandate: {
    readonly mandantType: string;
    readonly reference: string;
    readonly decisionDate: string;
    readonly legalBasis: string;
    readonly modalities: ReadonlyArray<{ readonly kind: string; readonly sessionsPerMonth?: number; readonly durationMonths?: number }>;
    readonly reportDeadlines: ReadonlyArray<{ readonly kind: string; readonly dueOn: string }>;
  };
  readonly children: ReadonlyArray<{ readonly personId: string }>;
  readonly adults: ReadonlyArray<{ readonly personId: string; readonly role: string }>;
  readonly protectiveMeasures: ReadonlyArray<{
    readonly kind: string;
    readonly restrainedPersonId?: string;
    readonly protectedPersonIds?: readonly string[];
    readonly until?: string;
  }>;
  readonly amendments: ReadonlyArray<{ readonly kind: string; readonly decisionDate: string; readonly at: string }>;
}

export interface ReferralRow {
  id: string;
  district: string;
  division: string | null;
  status: string;
  mandantType: string;
  mandateReference: string;
  legalBasis: string;
  decisionDate: string;
  caseId: string | null;
  declineReason: string | null;
  outcome: string | null;
  childCount: number;
  adultCount: number;
  protectiveMeasureCount: number;
  earliestReportDue: string | null;
  registeredAt: Date;
  waitlistedAt: Date | null;
  acceptedAt: Date | null;
  endedAt: Date | null;
  detail: ReferralDetailJson;
  /** Revision of the referral stream's last event applied: the row's ETag, and the guard that makes replays harmless. */
  revision: string;
}

export const ReferralRowEntity = new EntitySchema<ReferralRow>({
  name: 'ReferralRow',
  tableName: 'referrals',
  columns: {
    id: { type: 'uuid', primary: true },
    district: { type: 'text' },
    division: { type: 'text', nullable: true },
    status: { type: 'text' },
    mandantType: { type: 'text', name: 'mandant_type' },
    mandateReference: { type: 'text', name: 'mandate_reference' },
    legalBasis: { type: 'text', name: 'legal_basis' },
    decisionDate: { type: 'date', name: 'decision_date' },
    caseId: { type: 'uuid', name: 'case_id', nullable: true },
    declineReason: { type: 'text', name: 'decline_reason', nullable: true },
    outcome: { type: 'text', nullable: true },
    childCount: { type: 'int', name: 'child_count' },
    adultCount: { type: 'int', name: 'adult_count' },
    protectiveMeasureCount: { type: 'int', name: 'protective_measure_count' },
    earliestReportDue: { type: 'date', name: 'earliest_report_due', nullable: true },
    registeredAt: { type: 'timestamptz', name: 'registered_at' },
    waitlistedAt: { type: 'timestamptz', name: 'waitlisted_at', nullable: true },
    acceptedAt: { type: 'timestamptz', name: 'accepted_at', nullable: true },
    endedAt: { type: 'timestamptz', name: 'ended_at', nullable: true },
    detail: { type: 'jsonb' },
    revision: { type: 'bigint' },
  },
});

export interface ProjectionCheckpointRow {
  name: string;
  checkpoint: string;
}

export const ProjectionCheckpointEntity = new EntitySchema<ProjectionCheckpointRow>({
  name: 'ProjectionCheckpoint',
  tableName: 'projection_checkpoints',
  columns: {
    name: { type: 'text', primary: true },
    checkpoint: { type: 'text' },
  },
});

export const REFERRAL_READ_MODEL_ENTITIES = [ReferralRowEntity, ProjectionCheckpointEntity];
