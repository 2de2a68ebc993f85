import { deciderSpecification } from '@lien/shared-decider-testing';
import { caseFileDecider } from './case-file.decider';
import { CaseFileEvent } from './case-file.events';
import { CASE_ID, opened } from './case-file.spec-fixtures';

const spec = deciderSpecification(caseFileDecider);
const open = { type: 'OpenAssessmentFile' as const, caseId: CASE_ID, referralId: '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b', childIds: ['11111111-1111-4111-8111-111111111111'], mandate: (opened() as Extract<CaseFileEvent, { type: 'AssessmentFileOpened' }>).mandate, sourceEventId: 'contract-case-opened' };
const noShow = { type: 'NoteSessionOutcome' as const, caseId: CASE_ID, sessionId: 'session-2', sessionType: 'supervised-meeting', outcome: 'no-show' as const, attributedTo: 'parent', reason: null, interrupted: false, at: '2026-04-10T14:00:00.000Z', sourceEventId: 'contract-no-show' };

describe('the case as the other services describe it', () => {
  it('given nothing, when referrals says the case opened, then the assessment file opens with the mandate facts', () => {
    spec.given([]).when(open).then([opened()]);
  });

  it('given the file open, when the case-opened contract is delivered again, then nothing happens', () => {
    spec.given([opened()]).when({ ...open, sourceEventId: 'another-delivery' }).thenNothing();
  });

  it('given the file open, when sessions reports a no-show attributed to a parent, then it is noted with its attribution', () => {
    spec.given([opened()]).when(noShow).then([{ type: 'SessionOutcomeNoted', caseId: CASE_ID, sessionId: 'session-2', sessionType: 'supervised-meeting', outcome: 'no-show', attributedTo: 'parent', reason: null, interrupted: false, occurredAt: noShow.at, sourceEventId: 'contract-no-show' }]);
  });

  it('given a session fact arriving before the case-opened contract, when noted, then it is kept for when the file opens', () => {
    spec.given([]).when(noShow).then([{ type: 'SessionOutcomeNoted', caseId: CASE_ID, sessionId: 'session-2', sessionType: 'supervised-meeting', outcome: 'no-show', attributedTo: 'parent', reason: null, interrupted: false, occurredAt: noShow.at, sourceEventId: 'contract-no-show' }]);
  });

  it('given the no-show noted, when its contract is delivered again, then nothing happens', () => {
    const noted: CaseFileEvent = { type: 'SessionOutcomeNoted', caseId: CASE_ID, sessionId: 'session-2', sessionType: 'supervised-meeting', outcome: 'no-show', attributedTo: 'parent', reason: null, interrupted: false, occurredAt: noShow.at, sourceEventId: 'contract-no-show' };
    spec.given([opened(), noted]).when(noShow).thenNothing();
  });
});
