import { deciderSpecification } from '@lien/shared-decider-testing';
import { aRegistration, CHILD_ID, FATHER_ID, MOTHER_ID, REFERRAL_ID, registered } from '../testing/referral-examples';
import { referralDecider } from './referral.decide';
import {
  AmendmentBeforeOriginalDecision, BirthDateInFuture, DecisionDateInFuture, DuplicatePersonId, EmptyAmendment, LegalBasisNotAllowedForMandant,
  MandateWithoutChild, MandateWithoutParent, ReportDeadlineBeforeDecision, UnknownPersonInProtectiveMeasure,
} from './referral.errors';

const spec = deciderSpecification(referralDecider);
const mandate = aRegistration().mandate;
const fieldIs = (field: string) => (error: { details: Record<string, unknown> }) => expect(error.details['field']).toBe(field);

describe('what a mandate must say before it is registered', () => {
  it('given nothing, when a mandate names no child, then it is refused and nothing is recorded', () => {
    spec.given([]).when(aRegistration({ children: [] })).thenThrows(MandateWithoutChild, fieldIs('children'));
  });

  it('given nothing, when a mandate names only a guardian, then it is refused for want of a parent', () => {
    const guardianOnly = aRegistration({ adults: [{ personId: MOTHER_ID, role: 'GUARDIAN', firstName: 'Anne', lastName: 'Tutrice' }], protectiveMeasures: [] });
    spec.given([]).when(guardianOnly).thenThrows(MandateWithoutParent, fieldIs('adults'));
  });

  it('given nothing, when an other parent figure is the only adult, then the mandate is registered', () => {
    const command = aRegistration({ adults: [{ personId: MOTHER_ID, role: 'OTHER_PARENT_FIGURE', firstName: 'Léa', lastName: 'Belle-mère' }], protectiveMeasures: [] });
    spec.given([]).when(command).then([registered(command)]);
  });

  it('given nothing, when a report deadline falls before the decision date, then it is refused naming that deadline', () => {
    const command = aRegistration({ mandate: { ...mandate, reportDeadlines: [{ kind: 'INTERIM', dueOn: '2026-05-01' }, { kind: 'FINAL', dueOn: '2026-02-19' }] } });
    spec.given([]).when(command).thenThrows(ReportDeadlineBeforeDecision, fieldIs('mandate.reportDeadlines.1.dueOn'));
  });

  it('given nothing, when a report deadline falls on the decision date, then the mandate is registered', () => {
    const command = aRegistration({ mandate: { ...mandate, reportDeadlines: [{ kind: 'INTERIM', dueOn: mandate.decisionDate }] } });
    spec.given([]).when(command).then([registered(command)]);
  });

  it('given nothing, when the decision is dated after today, then it is refused', () => {
    spec.given([]).when(aRegistration({ mandate: { ...mandate, decisionDate: '2026-03-03' } })).thenThrows(DecisionDateInFuture, fieldIs('mandate.decisionDate'));
  });

  it('given nothing, when a child is born after today, then it is refused naming the child', () => {
    const children = [{ personId: CHILD_ID, firstName: 'Zoé', lastName: 'Fictive', birthDate: '2027-01-01' }];
    spec.given([]).when(aRegistration({ children })).thenThrows(BirthDateInFuture, fieldIs('children.0.birthDate'));
  });

  it('given nothing, when an SAJ request is said to be constrained, then it is refused (SAJ aid rests on consent)', () => {
    spec.given([]).when(aRegistration({ mandate: { ...mandate, mandantType: 'SAJ', legalBasis: 'CONSTRAINED' } })).thenThrows(LegalBasisNotAllowedForMandant);
  });

  it('given nothing, when an SAJ request rests on consent, then it is registered', () => {
    const command = aRegistration({ mandate: { ...mandate, mandantType: 'SAJ', legalBasis: 'CONSENT_BASED', reference: 'SAJ/2026/77' } });
    spec.given([]).when(command).then([registered(command)]);
  });

  it('given nothing, when two people share an id, then it is refused naming the second', () => {
    const adults = [...aRegistration().adults, { personId: CHILD_ID, role: 'GUARDIAN' as const, firstName: 'X', lastName: 'Y' }];
    spec.given([]).when(aRegistration({ adults })).thenThrows(DuplicatePersonId, fieldIs('adults.2.personId'));
  });

  it('given nothing, when a no-contact order protects someone outside the mandate, then it is refused naming the field', () => {
    const protectiveMeasures = [{ kind: 'NO_CONTACT_ORDER' as const, restrainedPersonId: FATHER_ID, protectedPersonIds: ['99999999-9999-4999-8999-999999999999'] }];
    spec.given([]).when(aRegistration({ protectiveMeasures })).thenThrows(UnknownPersonInProtectiveMeasure, fieldIs('protectiveMeasures.0.protectedPersonIds.0'));
  });

  it('given nothing, when a mandate has no modalities and no deadlines yet, then it is still registered (acceptance waits for them)', () => {
    const command = aRegistration({ mandate: { ...mandate, modalities: [], reportDeadlines: [] } });
    spec.given([]).when(command).then([registered(command)]);
  });
});

describe('what an amendment must say', () => {
  const amend = { type: 'AmendMandate', kind: 'AMENDMENT', decisionDate: '2026-03-01', today: '2026-03-02' } as const;

  it('given a referral, when an amendment changes neither modalities nor deadlines, then it is refused', () => {
    spec.given([registered()]).when(amend).thenThrows(EmptyAmendment);
  });

  it('given a referral, when an amendment predates the original decision, then it is refused', () => {
    spec.given([registered()]).when({ ...amend, decisionDate: '2026-01-01', modalities: [] }).thenThrows(AmendmentBeforeOriginalDecision);
  });

  it('given a referral, when a new deadline falls before the amending decision, then it is refused', () => {
    spec
      .given([registered()])
      .when({ ...amend, reportDeadlines: [{ kind: 'FINAL', dueOn: '2026-02-25' }] })
      .thenThrows(ReportDeadlineBeforeDecision, fieldIs('reportDeadlines.0.dueOn'));
  });

  it('given a referral, when new modalities are ordered, then only the modalities are recorded as changed', () => {
    const modalities = [{ kind: 'SUPERVISED_MEETINGS' as const, sessionsPerMonth: 4, durationMonths: 3 }];
    spec.given([registered()]).when({ ...amend, modalities }).then([{ type: 'MandateAmended', referralId: REFERRAL_ID, kind: 'AMENDMENT', decisionDate: '2026-03-01', modalities }]);
  });
});
