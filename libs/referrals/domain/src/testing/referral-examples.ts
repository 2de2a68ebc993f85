import { RegisterReferral } from '../lib/referral.commands';
import { ReferralRegistered } from '../lib/referral.events';

/** Fictitious people and decisions for the decider specs; not exported by the library. */
export const REFERRAL_ID = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';
export const CHILD_ID = '11111111-1111-4111-8111-111111111111';
export const MOTHER_ID = '22222222-2222-4222-8222-222222222222';
export const FATHER_ID = '33333333-3333-4333-8333-333333333333';
export const CASE_ID = '44444444-4444-4444-8444-444444444444';
export const TODAY = '2026-03-02';

export function aRegistration(overrides: Partial<RegisterReferral> = {}): RegisterReferral {
  return {
    type: 'RegisterReferral',
    referralId: REFERRAL_ID,
    today: TODAY,
    division: 'marche-en-famenne',
    mandate: {
      mandantType: 'FAMILY_COURT',
      reference: '25/1234/A',
      decisionDate: '2026-02-20',
      legalBasis: 'CONSTRAINED',
      modalities: [{ kind: 'SUPERVISED_MEETINGS', sessionsPerMonth: 2, durationMonths: 6 }],
      reportDeadlines: [{ kind: 'INTERIM', dueOn: '2026-05-20' }],
    },
    children: [{ personId: CHILD_ID, firstName: 'Zoé', lastName: 'Fictive', birthDate: '2017-05-04' }],
    adults: [
      { personId: MOTHER_ID, role: 'MOTHER', firstName: 'Marie', lastName: 'Fictive' },
      { personId: FATHER_ID, role: 'FATHER', firstName: 'Marc', lastName: 'Inventé' },
    ],
    protectiveMeasures: [
      { kind: 'NO_CONTACT_ORDER', restrainedPersonId: FATHER_ID, protectedPersonIds: [MOTHER_ID] },
      { kind: 'VICTIM_ADDRESS_CONFIDENTIAL', protectedPersonId: MOTHER_ID },
    ],
    ...overrides,
  };
}

export function registered(command: RegisterReferral = aRegistration()): ReferralRegistered {
  const { type: _type, today: _today, ...rest } = command;
  return { type: 'ReferralRegistered', ...rest };
}
