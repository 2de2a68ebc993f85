import { deciderSpecification } from '@lien/shared-decider-testing';
import { aRegistration, CASE_ID, CHILD_ID, FATHER_ID, MOTHER_ID, REFERRAL_ID, registered } from '../testing/referral-examples';
import { referralDecider } from './referral.decide';
import {
  CaseNotOpen, MandateIncomplete, MandateNotAmendable, ReferralAlreadyRegistered, ReferralNotAcceptable, ReferralNotDeclinable, ReferralNotFound,
  ReferralNotWaitlistable, ReferralNotWithdrawable,
} from './referral.errors';
import { ReferralEvent } from './referral.events';

const spec = deciderSpecification(referralDecider);
const accepted: ReferralEvent[] = [
  { type: 'ReferralAccepted', referralId: REFERRAL_ID, caseId: CASE_ID, mode: 'BY_COORDINATOR' },
  {
    type: 'CaseOpened',
    referralId: REFERRAL_ID,
    caseId: CASE_ID,
    mandantType: 'FAMILY_COURT',
    legalBasis: 'CONSTRAINED',
    division: 'marche-en-famenne',
    childIds: [CHILD_ID],
    adultIds: [MOTHER_ID, FATHER_ID],
    adultRoles: ['MOTHER', 'FATHER'],
    protectiveMeasures: [{ kind: 'NO_CONTACT_ORDER', restrainedPersonId: FATHER_ID, protectedPersonIds: [MOTHER_ID] }],
    supervisedContactAllowed: true,
    mandateDecisionDate: '2026-02-20',
    reportDeadlines: [{ kind: 'INTERIM', dueOn: '2026-05-20' }],
  },
];
const caseOpened = accepted[1] as Extract<ReferralEvent, { type: 'CaseOpened' }>;
const waitlisted: ReferralEvent = { type: 'ReferralWaitlisted', referralId: REFERRAL_ID };
const declined: ReferralEvent = { type: 'ReferralDeclined', referralId: REFERRAL_ID, reason: 'OUT_OF_SCOPE', note: 'Hors champ' };
const withdrawn: ReferralEvent = { type: 'ReferralWithdrawn', referralId: REFERRAL_ID };
const closed: ReferralEvent = { type: 'CaseClosed', referralId: REFERRAL_ID, caseId: CASE_ID, outcome: 'BOND_RESUMED' };
const accept = { type: 'AcceptReferral', caseId: CASE_ID, mode: 'BY_COORDINATOR' } as const;

describe('registering a referral', () => {
  it('given nothing, when a complete mandate is registered, then the referral is registered', () => {
    spec.given([]).when(aRegistration()).then([registered()]);
  });

  it('given the same referral registered, when the same registration arrives again, then nothing happens', () => {
    spec.given([registered()]).when(aRegistration()).thenNothing();
  });

  it('given a referral registered, when another registration arrives under its id, then it is refused', () => {
    spec.given([registered()]).when(aRegistration({ division: 'arlon' })).thenThrows(ReferralAlreadyRegistered);
  });
});

describe('waitlisting a referral', () => {
  it('given a received referral, when waitlisted, then it joins the waiting list', () => {
    spec.given([registered()]).when({ type: 'WaitlistReferral' }).then([waitlisted]);
  });

  it('given a waitlisted referral, when waitlisted again, then nothing happens (it keeps its place)', () => {
    spec.given([registered(), waitlisted]).when({ type: 'WaitlistReferral' }).thenNothing();
  });

  it('given an accepted referral, when waitlisted, then it is refused', () => {
    spec.given([registered(), ...accepted]).when({ type: 'WaitlistReferral' }).thenThrows(ReferralNotWaitlistable, (e) => expect(e.details['referralStatus']).toBe('ACCEPTED'));
  });

  it('given no referral, when waitlisted, then it is not found', () => {
    spec.given([]).when({ type: 'WaitlistReferral' }).thenThrows(ReferralNotFound);
  });
});

describe('accepting a referral', () => {
  it('given a received referral with a complete mandate, when accepted, then it is accepted and a case opens', () => {
    spec.given([registered()]).when(accept).then(accepted);
  });

  it('given a waitlisted referral, when accepted from the waiting list, then the case opens with that mode', () => {
    spec
      .given([registered(), waitlisted])
      .when({ ...accept, mode: 'FROM_WAITING_LIST' })
      .then([{ ...accepted[0], mode: 'FROM_WAITING_LIST' } as ReferralEvent, accepted[1]]);
  });

  it('given an accepted referral, when accepted again, then nothing happens', () => {
    spec.given([registered(), ...accepted]).when({ ...accept, caseId: '55555555-5555-4555-8555-555555555555' }).thenNothing();
  });

  it.each([
    ['declined', [declined]],
    ['withdrawn', [withdrawn]],
    ['closed', [...accepted, closed]],
  ])('given a %s referral, when accepted, then it is refused', (_, history) => {
    spec.given([registered(), ...history]).when(accept).thenThrows(ReferralNotAcceptable);
  });

  it('given a mandate without modalities or deadlines, when accepted, then it is refused as incomplete, naming what is missing', () => {
    const incomplete = registered(aRegistration({ mandate: { ...aRegistration().mandate, modalities: [], reportDeadlines: [] } }));
    spec.given([incomplete]).when(accept).thenThrows(MandateIncomplete, (e) => expect(e.missing).toEqual(['modalities', 'reportDeadlines']));
  });

  it('given an incomplete mandate completed by an amendment, when accepted, then the case opens with the amended decision date and deadlines', () => {
    const incomplete = registered(aRegistration({ mandate: { ...aRegistration().mandate, reportDeadlines: [] } }));
    const amended: ReferralEvent = { type: 'MandateAmended', referralId: REFERRAL_ID, kind: 'AMENDMENT', decisionDate: '2026-02-25', reportDeadlines: [{ kind: 'FINAL', dueOn: '2026-08-20' }] };
    spec.given([incomplete, amended]).when(accept).then([accepted[0] as ReferralEvent, { ...caseOpened, mandateDecisionDate: '2026-02-25', reportDeadlines: [{ kind: 'FINAL', dueOn: '2026-08-20' }] }]);
  });

  it('given interviews only, an address ban and a no-contact order, when accepted, then the case opens without supervised contact, with both restraints and no address', () => {
    const measures = [
      { kind: 'ADDRESS_BAN' as const, restrainedPersonId: FATHER_ID, protectedPersonId: MOTHER_ID, address: 'Rue Fictive 1' },
      { kind: 'NO_CONTACT_ORDER' as const, restrainedPersonId: FATHER_ID, protectedPersonIds: [MOTHER_ID, CHILD_ID] },
    ];
    const interviewsOnly = registered(aRegistration({ mandate: { ...aRegistration().mandate, modalities: [{ kind: 'CHILD_INTERVIEWS' }] }, protectiveMeasures: measures }));
    spec.given([interviewsOnly]).when(accept).then([
      accepted[0] as ReferralEvent,
      {
        ...caseOpened,
        protectiveMeasures: [
          { kind: 'ADDRESS_BAN', restrainedPersonId: FATHER_ID, protectedPersonIds: [MOTHER_ID] },
          { kind: 'NO_CONTACT_ORDER', restrainedPersonId: FATHER_ID, protectedPersonIds: [MOTHER_ID, CHILD_ID] },
        ],
        supervisedContactAllowed: false,
      },
    ]);
  });
});

describe('declining a referral', () => {
  const decline = { type: 'DeclineReferral', reason: 'OUT_OF_SCOPE', note: 'Hors champ' } as const;

  it('given a received referral, when declined with a coded reason, then it is declined', () => {
    spec.given([registered()]).when(decline).then([declined]);
  });

  it('given a waitlisted referral, when declined, then it is declined', () => {
    spec.given([registered(), waitlisted]).when(decline).then([declined]);
  });

  it('given a referral declined for that reason, when declined again, then nothing happens', () => {
    spec.given([registered(), declined]).when(decline).thenNothing();
  });

  it('given an accepted referral, when declined, then it is refused', () => {
    spec.given([registered(), ...accepted]).when(decline).thenThrows(ReferralNotDeclinable);
  });
});

describe('withdrawal by the mandant', () => {
  it('given a received referral, when withdrawn, then it is withdrawn', () => {
    spec.given([registered()]).when({ type: 'WithdrawReferral' }).then([withdrawn]);
  });

  it('given an open case, when the mandate is withdrawn, then the case closes for that reason and the referral is withdrawn', () => {
    spec
      .given([registered(), ...accepted])
      .when({ type: 'WithdrawReferral', note: 'Le tribunal met fin à la mesure' })
      .then([
        { type: 'CaseClosed', referralId: REFERRAL_ID, caseId: CASE_ID, outcome: 'MANDATE_WITHDRAWN' },
        { type: 'ReferralWithdrawn', referralId: REFERRAL_ID, note: 'Le tribunal met fin à la mesure' },
      ]);
  });

  it('given a withdrawn referral, when withdrawn again, then nothing happens', () => {
    spec.given([registered(), withdrawn]).when({ type: 'WithdrawReferral' }).thenNothing();
  });

  it('given a declined referral, when withdrawn, then it is refused', () => {
    spec.given([registered(), declined]).when({ type: 'WithdrawReferral' }).thenThrows(ReferralNotWithdrawable);
  });
});

describe('closing a case', () => {
  const close = { type: 'CloseCase', outcome: 'BOND_RESUMED' } as const;

  it('given an open case, when closed with an outcome, then the case is closed', () => {
    spec.given([registered(), ...accepted]).when(close).then([closed]);
  });

  it('given a case closed with that outcome, when closed again, then nothing happens', () => {
    spec.given([registered(), ...accepted, closed]).when(close).thenNothing();
  });

  it('given a referral not accepted, when its case is closed, then it is refused', () => {
    spec.given([registered(), waitlisted]).when(close).thenThrows(CaseNotOpen);
  });
});

describe('renewing or amending the mandate', () => {
  const renewal = { type: 'AmendMandate', kind: 'RENEWAL', decisionDate: '2026-03-01', today: '2026-03-02', reportDeadlines: [{ kind: 'FINAL', dueOn: '2026-09-01' }] } as const;

  it('given an open case, when the mandate is renewed with a new deadline, then the amendment is recorded for the case, so the services working on it are told', () => {
    spec.given([registered(), ...accepted]).when(renewal).then([{ type: 'MandateAmended', referralId: REFERRAL_ID, caseId: CASE_ID, kind: 'RENEWAL', decisionDate: '2026-03-01', reportDeadlines: renewal.reportDeadlines }]);
  });

  it('given a referral not accepted yet, when its mandate is renewed, then the amendment names no case (case-opened will carry the amended mandate)', () => {
    spec.given([registered(), waitlisted]).when(renewal).then([{ type: 'MandateAmended', referralId: REFERRAL_ID, kind: 'RENEWAL', decisionDate: '2026-03-01', reportDeadlines: renewal.reportDeadlines }]);
  });

  it('given the same renewal recorded, when it arrives again, then nothing happens', () => {
    spec.given([registered(), { type: 'MandateAmended', referralId: REFERRAL_ID, kind: 'RENEWAL', decisionDate: '2026-03-01', reportDeadlines: renewal.reportDeadlines }]).when(renewal).thenNothing();
  });

  it('given a closed case, when its mandate is amended, then it is refused', () => {
    spec.given([registered(), ...accepted, closed]).when(renewal).thenThrows(MandateNotAmendable);
  });
});
