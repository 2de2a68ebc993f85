import { deciderSpecification } from '@lien/shared-decider-testing';
import { sessionPlanDecider } from './session-plan.decider';
import { InvalidSessionPlan, PhaseTransitionNotAllowed } from './session-plan.errors';
import { CASE_ID, CHILD, FATHER, NO_CONTACT, PARTICIPANTS, planOpened, SAFETY, TEMPLATE } from './session-plan.spec-fixtures';

const spec = deciderSpecification(sessionPlanDecider);
const open = (overrides = {}) => ({ type: 'OpenSessionPlan' as const, caseId: CASE_ID, template: TEMPLATE, safety: SAFETY, participants: PARTICIPANTS, measures: [NO_CONTACT], openedFrom: 'event-1', ...overrides });
const advance = (to: string) => ({ type: 'AdvancePhase' as const, to, issuedAt: '2026-03-10T08:00:00.000Z' });

describe('opening a session plan and following the protocol', () => {
  it('given a new case, when its plan is opened, then it follows the district template from its first phase', () => {
    spec.given([]).when(open()).then([planOpened()]);
  });

  it('given an open plan, when the case-opened contract arrives again, then nothing changes', () => {
    spec.given([planOpened()]).when(open({ openedFrom: 'event-2' })).thenNothing();
  });

  it('given a case without a child, when opened, then it is refused', () => {
    spec.given([]).when(open({ participants: PARTICIPANTS.filter((p) => p.participantId !== CHILD), measures: [] })).thenThrows(InvalidSessionPlan);
  });

  it('given a measure about someone outside the case, when opened, then it is refused naming the measure', () => {
    spec.given([]).when(open({ measures: [{ ...NO_CONTACT, restrictedParticipantId: 'stranger' }] })).thenThrows(InvalidSessionPlan, (e) => expect(e.field).toBe('measures[0]'));
  });

  it('given a stagger of zero minutes, when opened, then the setting is refused', () => {
    spec.given([]).when(open({ safety: { ...SAFETY, staggerMinutes: 0 } })).thenThrows(InvalidSessionPlan);
  });

  it('given the evaluation phase, when the case moves to the bond-pertinence decision, then the phase advances', () => {
    spec.given([planOpened()]).when(advance('bond-pertinence-decision')).then([{ type: 'PhaseAdvanced', caseId: CASE_ID, from: 'evaluation', to: 'bond-pertinence-decision' }]);
  });

  it('given the evaluation phase, when the case jumps to supervised meetings, then it is refused', () => {
    spec.given([planOpened()]).when(advance('supervised-meetings')).thenThrows(PhaseTransitionNotAllowed);
  });

  it('given the bond judged not pertinent, when the case leaves the path for closure, then it goes straight there', () => {
    const decision = { type: 'PhaseAdvanced' as const, caseId: CASE_ID, from: 'evaluation', to: 'bond-pertinence-decision' };
    spec.given([planOpened(), decision]).when(advance('closure')).then([{ type: 'PhaseAdvanced', caseId: CASE_ID, from: 'bond-pertinence-decision', to: 'closure' }]);
  });

  it('given the current phase, when asked to advance to it, then nothing changes', () => {
    spec.given([planOpened()]).when(advance('evaluation')).thenNothing();
  });

  it('given the father is the restricted person, when the plan is opened, then he belongs to the other household', () => {
    expect(PARTICIPANTS.find((p) => p.participantId === FATHER)?.household).toBe('other');
  });
});
