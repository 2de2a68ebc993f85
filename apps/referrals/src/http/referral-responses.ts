import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REFERRAL_STATUSES } from '@lien/referrals-domain';
import { ReferralCommandResult } from '@lien/referrals-application';

/** What every command answers: never personal data, so that stored idempotent answers hold none either. */
export class ReferralCommandResponse {
  @ApiProperty({ format: 'uuid', example: '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b' })
  id!: string;

  @ApiProperty({ enum: REFERRAL_STATUSES, example: 'RECEIVED' })
  status!: string;

  @ApiProperty({ example: '0', description: 'Révision du flux de la demande ; aussi dans l’en-tête ETag.' })
  revision!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Le dossier ouvert, une fois la demande acceptée.' })
  caseId?: string;
}

export function commandResponse(result: ReferralCommandResult): ReferralCommandResponse {
  return { id: result.referralId, status: result.status, revision: result.revision.toString(), ...(result.caseId ? { caseId: result.caseId } : {}) };
}

export const REFERRAL_DETAIL_EXAMPLE = {
  id: '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b',
  district: 'luxembourg',
  division: 'marche-en-famenne',
  status: 'WAITLISTED',
  revision: '1',
  mandate: {
    mandantType: 'FAMILY_COURT',
    reference: '25/1234/A',
    decisionDate: '2026-02-20',
    legalBasis: 'CONSTRAINED',
    modalities: [{ kind: 'SUPERVISED_MEETINGS', sessionsPerMonth: 2, durationMonths: 6, note: null }],
    reportDeadlines: [{ kind: 'INTERIM', dueOn: '2026-05-20' }],
  },
  children: [{ personId: '11111111-1111-4111-8111-111111111111', firstName: 'Zoé', lastName: 'Fictive', birthDate: '2017-05-04', erased: false }],
  adults: [{ personId: '22222222-2222-4222-8222-222222222222', role: 'MOTHER', firstName: 'Marie', lastName: 'Fictive', birthDate: null, address: null, addressConfidential: true, erased: false }],
  protectiveMeasures: [{ kind: 'NO_CONTACT_ORDER', restrainedPersonId: '33333333-3333-4333-8333-333333333333', protectedPersonIds: ['22222222-2222-4222-8222-222222222222'], until: null }],
  amendments: [],
  caseId: null,
  declineReason: null,
  declineNote: null,
  withdrawalNote: null,
  outcome: null,
  closureNote: null,
  registeredAt: '2026-03-02T09:00:00.000Z',
  waitlistedAt: '2026-03-02T11:00:00.000Z',
  waitlistPosition: 3,
  acceptedAt: null,
  endedAt: null,
};
