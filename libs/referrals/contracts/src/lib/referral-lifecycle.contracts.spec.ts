import caseClosedGolden from './golden/case-closed.v1.json';
import caseOpenedGolden from './golden/case-opened.v1.json';
import referralAcceptedGolden from './golden/referral-accepted.v1.json';
import referralDeclinedGolden from './golden/referral-declined.v1.json';
import referralReceivedGolden from './golden/referral-received.v1.json';
import referralWaitlistedGolden from './golden/referral-waitlisted.v1.json';
import referralWithdrawnGolden from './golden/referral-withdrawn.v1.json';
import mandateAmendedGolden from './golden/mandate-amended.v1.json';
import {
  CASE_CLOSED_V1, CASE_OPENED_V1, encodeProtectiveMeasures, encodeReportDeadlines, idsOf, MANDATE_AMENDED_V1, REFERRAL_ACCEPTED_V1, REFERRAL_CONTRACT_TYPES, REFERRAL_DECLINED_V1, REFERRAL_RECEIVED_V1, REFERRAL_WAITLISTED_V1,
  REFERRAL_WITHDRAWN_V1, ReferralContractType, ReferralContractTypes,
} from './referral-lifecycle.contracts';

const REFERRAL = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';
const CASE = '44444444-4444-4444-8444-444444444444';

/** Typed samples: renaming or retyping a field breaks the build; changing a value breaks the golden test. */
const samples: { [T in ReferralContractType]: { type: T; data: ReferralContractTypes[T]; golden: unknown } } = {
  [REFERRAL_RECEIVED_V1]: {
    type: REFERRAL_RECEIVED_V1,
    data: { referralId: REFERRAL, mandantType: 'FAMILY_COURT', legalBasis: 'CONSTRAINED', division: 'marche-en-famenne', decisionDate: '2026-02-20', childCount: 1, adultCount: 2, protectiveMeasureCount: 2, receivedAt: '2026-03-02T09:00:00.000Z' },
    golden: referralReceivedGolden,
  },
  [REFERRAL_ACCEPTED_V1]: {
    type: REFERRAL_ACCEPTED_V1,
    data: { referralId: REFERRAL, caseId: CASE, mode: 'FROM_WAITING_LIST', acceptedAt: '2026-03-09T14:30:00.000Z' },
    golden: referralAcceptedGolden,
  },
  [REFERRAL_DECLINED_V1]: {
    type: REFERRAL_DECLINED_V1,
    data: { referralId: REFERRAL, reason: 'OTHER_SERVICE_BETTER_PLACED', declinedAt: '2026-03-03T10:15:00.000Z' },
    golden: referralDeclinedGolden,
  },
  [REFERRAL_WAITLISTED_V1]: { type: REFERRAL_WAITLISTED_V1, data: { referralId: REFERRAL, waitlistedAt: '2026-03-02T11:00:00.000Z' }, golden: referralWaitlistedGolden },
  [REFERRAL_WITHDRAWN_V1]: { type: REFERRAL_WITHDRAWN_V1, data: { referralId: REFERRAL, withdrawnAt: '2026-04-01T08:00:00.000Z' }, golden: referralWithdrawnGolden },
  [CASE_OPENED_V1]: {
    type: CASE_OPENED_V1,
    data: {
      caseId: CASE,
      referralId: REFERRAL,
      mandantType: 'FAMILY_COURT',
      legalBasis: 'CONSTRAINED',
      division: 'marche-en-famenne',
      childIds: '11111111-1111-4111-8111-111111111111',
      adultIds: '22222222-2222-4222-8222-222222222222,33333333-3333-4333-8333-333333333333',
      adultRoles: 'MOTHER,FATHER',
      custodialAdultId: null,
      protectiveMeasures: 'NO_CONTACT_ORDER:33333333-3333-4333-8333-333333333333>22222222-2222-4222-8222-222222222222|11111111-1111-4111-8111-111111111111',
      supervisedContactAllowed: false,
      mandateDecisionDate: '2026-02-20',
      reportDeadlines: 'INTERIM:2026-06-01,FINAL:2026-09-30',
      openedAt: '2026-03-09T14:30:00.000Z',
    },
    golden: caseOpenedGolden,
  },
  [MANDATE_AMENDED_V1]: {
    type: MANDATE_AMENDED_V1,
    data: { caseId: CASE, referralId: REFERRAL, kind: 'RENEWAL', decisionDate: '2026-08-10', reportDeadlines: 'FINAL:2027-02-10', amendedAt: '2026-08-12T10:00:00.000Z' },
    golden: mandateAmendedGolden,
  },
  [CASE_CLOSED_V1]: { type: CASE_CLOSED_V1, data: { caseId: CASE, referralId: REFERRAL, outcome: 'BOND_RESUMED', closedAt: '2026-09-30T16:00:00.000Z' }, golden: caseClosedGolden },
};

describe('referral lifecycle contracts', () => {
  it.each(REFERRAL_CONTRACT_TYPES)('given the %s sample, when serialised, then it matches its golden file', (type) => {
    const { data, golden } = samples[type];
    expect(JSON.parse(JSON.stringify({ type, data }))).toEqual(golden);
  });

  it.each(REFERRAL_CONTRACT_TYPES)('given the %s sample, when inspected, then it holds primitives only', (type) => {
    for (const value of Object.values(samples[type].data)) expect(['string', 'number', 'boolean'].includes(typeof value) || value === null).toBe(true);
  });

  it('given every contract, when named, then the name is referrals.<EventName>.v<n>, the CloudEvents type the relay accepts', () => {
    for (const type of REFERRAL_CONTRACT_TYPES) expect(type).toMatch(/^referrals\.[A-Z][A-Za-z]+\.v[1-9][0-9]*$/);
  });

  it('given a comma-separated id list, when split, then the ids come back in order; an empty list gives none', () => {
    expect(idsOf(samples[CASE_OPENED_V1].data.adultIds)).toEqual(['22222222-2222-4222-8222-222222222222', '33333333-3333-4333-8333-333333333333']);
    expect(idsOf('')).toEqual([]);
  });

  it('given restraints, when encoded for case-opened, then each reads <KIND>:<restrained>><protected>|<protected>, `;`-separated; none gives an empty text', () => {
    const measures = [
      { kind: 'NO_CONTACT_ORDER', restrainedPersonId: 'f', protectedPersonIds: ['m', 'c'] },
      { kind: 'ADDRESS_BAN', restrainedPersonId: 'f', protectedPersonIds: ['m'] },
    ];
    expect(encodeProtectiveMeasures(measures)).toBe('NO_CONTACT_ORDER:f>m|c;ADDRESS_BAN:f>m');
    expect(encodeProtectiveMeasures([])).toBe('');
  });

  it('given report deadlines, when encoded for case-opened or mandate-amended, then each reads <KIND>:<YYYY-MM-DD>, comma-separated; none gives an empty text', () => {
    expect(encodeReportDeadlines([{ kind: 'INTERIM', dueOn: '2026-06-01' }, { kind: 'FINAL', dueOn: '2026-09-30' }])).toBe('INTERIM:2026-06-01,FINAL:2026-09-30');
    expect(encodeReportDeadlines([])).toBe('');
  });
});
