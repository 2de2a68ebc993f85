import { ReferralEvent } from '@lien/referrals-domain';

export const SAMPLE_REFERRAL = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';
export const SAMPLE_CASE = '44444444-4444-4444-8444-444444444444';
const CHILD = '11111111-1111-4111-8111-111111111111';
const MOTHER = '22222222-2222-4222-8222-222222222222';
const FATHER = '33333333-3333-4333-8333-333333333333';

/** One of each stored referral event, with fictitious people: the golden samples of the stored shapes. */
export const SAMPLE_REFERRAL_EVENTS: readonly ReferralEvent[] = [
  {
    type: 'ReferralRegistered',
    referralId: SAMPLE_REFERRAL,
    division: 'marche-en-famenne',
    mandate: {
      mandantType: 'FAMILY_COURT',
      reference: '25/1234/A',
      decisionDate: '2026-02-20',
      legalBasis: 'CONSTRAINED',
      modalities: [{ kind: 'SUPERVISED_MEETINGS', sessionsPerMonth: 2, durationMonths: 6, note: 'Le mercredi' }],
      reportDeadlines: [{ kind: 'INTERIM', dueOn: '2026-05-20' }],
    },
    children: [{ personId: CHILD, firstName: 'Zoé', lastName: 'Fictive', birthDate: '2017-05-04' }],
    adults: [
      { personId: MOTHER, role: 'MOTHER', firstName: 'Marie', lastName: 'Fictive', address: 'Rue des Tilleuls 4, 6900 Marche' },
      { personId: FATHER, role: 'FATHER', firstName: 'Marc', lastName: 'Inventé', birthDate: '1985-01-31' },
    ],
    protectiveMeasures: [
      { kind: 'NO_CONTACT_ORDER', restrainedPersonId: FATHER, protectedPersonIds: [MOTHER], until: '2026-12-31' },
      { kind: 'ADDRESS_BAN', restrainedPersonId: FATHER, protectedPersonId: MOTHER, address: 'Rue des Tilleuls 4, 6900 Marche' },
      { kind: 'VICTIM_ADDRESS_CONFIDENTIAL', protectedPersonId: MOTHER },
    ],
  },
  { type: 'ReferralWaitlisted', referralId: SAMPLE_REFERRAL },
  { type: 'ReferralAccepted', referralId: SAMPLE_REFERRAL, caseId: SAMPLE_CASE, mode: 'FROM_WAITING_LIST' },
  {
    type: 'CaseOpened',
    referralId: SAMPLE_REFERRAL,
    caseId: SAMPLE_CASE,
    mandantType: 'FAMILY_COURT',
    legalBasis: 'CONSTRAINED',
    division: 'marche-en-famenne',
    childIds: [CHILD],
    adultIds: [MOTHER, FATHER],
    adultRoles: ['MOTHER', 'FATHER'],
    protectiveMeasures: [
      { kind: 'NO_CONTACT_ORDER', restrainedPersonId: FATHER, protectedPersonIds: [MOTHER] },
      { kind: 'ADDRESS_BAN', restrainedPersonId: FATHER, protectedPersonIds: [MOTHER] },
    ],
    supervisedContactAllowed: true,
    mandateDecisionDate: '2026-02-20',
    reportDeadlines: [{ kind: 'INTERIM', dueOn: '2026-05-20' }],
  },
  { type: 'MandateAmended', referralId: SAMPLE_REFERRAL, caseId: SAMPLE_CASE, kind: 'RENEWAL', decisionDate: '2026-08-10', reportDeadlines: [{ kind: 'FINAL', dueOn: '2027-02-10' }] },
  { type: 'CaseClosed', referralId: SAMPLE_REFERRAL, caseId: SAMPLE_CASE, outcome: 'BOND_RESUMED', note: 'Rapport final transmis' },
  { type: 'ReferralDeclined', referralId: SAMPLE_REFERRAL, reason: 'OTHER_SERVICE_BETTER_PLACED', note: 'Espace-Rencontre mieux placé' },
  { type: 'ReferralWithdrawn', referralId: SAMPLE_REFERRAL, note: 'Retrait par le SAJ' },
];

export const SAMPLE_METADATA = {
  district: 'luxembourg',
  correlationId: 'c-1',
  causationId: 'c-1',
  actor: { userId: 'coordinator-1', role: 'coordinator' },
  occurredAt: '2026-03-02T09:00:00.000Z',
};
