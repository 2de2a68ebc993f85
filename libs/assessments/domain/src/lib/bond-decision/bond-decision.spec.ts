import { deciderSpecification } from '@lien/shared-decider-testing';
import { AssessmentFileNotFound, InvalidAssessmentInput } from '../case-file/case-file.errors';
import { caseFileDecider } from '../case-file/case-file.decider';
import { CaseFileEvent } from '../case-file/case-file.events';
import { AUTHOR, CASE_ID, CHILD_ID, COORDINATOR, decisionDrafted, draftDecision, opened, PEER, riskAssessed, TODAY, wellbeingAssessed } from '../case-file/case-file.spec-fixtures';
import {
  AdaptationWithoutModalities, CoSignatureByAuthor, DecisionAlreadyExists, DecisionNotADraft, DecisionNotFound, DecisionWithoutAssessments, DecisionWithoutChildWishes,
  DecisionWithoutRationale, DraftDecisionPending, ModalitiesWithoutAdaptation, UnknownAssessmentReference,
} from './bond-decision.errors';
import { stopsSupervisedMeetings } from './bond-decision.types';

const spec = deciderSpecification(caseFileDecider);
const assessed = [opened(), wellbeingAssessed(), riskAssessed()];
const namesField = (field: string) => (error: InvalidAssessmentInput) => expect(error.details['field']).toBe(field);
const coSign = (by = COORDINATOR, decisionId = 'decision-1') => ({ type: 'CoSignBondDecision' as const, caseId: CASE_ID, decisionId, by, today: TODAY });
const signed = (overrides: Partial<Extract<CaseFileEvent, { type: 'BondDecisionSigned' }>> = {}): CaseFileEvent => ({
  type: 'BondDecisionSigned',
  caseId: CASE_ID,
  decisionId: 'decision-1',
  childId: CHILD_ID,
  outcome: 'suspend',
  assessmentIds: ['wellbeing-1', 'risk-1'],
  draftedBy: AUTHOR,
  cosignedBy: COORDINATOR,
  supersedesDecisionId: null,
  ...overrides,
});

describe('drafting a bond-pertinence decision', () => {
  it('given two assessments, when a suspension is drafted on them with a rationale and the child’s wishes, then a draft without effect is recorded', () => {
    spec.given(assessed).when(draftDecision()).then([decisionDrafted()]);
  });

  it('given two assessments, when an adaptation is drafted with its new modalities, then the modalities are part of the draft', () => {
    const modalities = 'Rencontres d’une heure, une fois par mois, en présence de deux intervenant·es.';
    spec
      .given(assessed)
      .when(draftDecision({ outcome: 'adapt', adaptedModalities: modalities }))
      .then([decisionDrafted({ outcome: 'adapt', adaptedModalities: modalities })]);
  });

  it.each([
    ['without rationale', { rationale: '  ' }, DecisionWithoutRationale, 'rationale'],
    ['without the child’s wishes', { childWishes: '' }, DecisionWithoutChildWishes, 'childWishes'],
    ['resting on no assessment', { assessmentIds: [] }, DecisionWithoutAssessments, 'assessmentIds'],
    ['resting on an unknown assessment', { assessmentIds: ['wellbeing-1', 'wellbeing-9'] }, UnknownAssessmentReference, 'assessmentIds.1'],
    ['adapting without modalities', { outcome: 'adapt' as const }, AdaptationWithoutModalities, 'adaptedModalities'],
    ['suspending with modalities', { adaptedModalities: 'Une fois par mois' }, ModalitiesWithoutAdaptation, 'adaptedModalities'],
  ])('given two assessments, when a decision %s is drafted, then it is refused naming the field', (_, overrides, error, field) => {
    spec.given(assessed).when(draftDecision(overrides)).thenThrows(error, namesField(field));
  });

  it('given the draft, when it is sent again, then nothing happens', () => {
    spec.given([...assessed, decisionDrafted()]).when(draftDecision()).thenNothing();
  });

  it('given the draft, when a different text arrives under its id, then it is refused: a decision is never edited', () => {
    spec.given([...assessed, decisionDrafted()]).when(draftDecision({ rationale: 'Autre motivation.' })).thenThrows(DecisionAlreadyExists);
  });

  it('given a draft awaiting co-signature, when another decision is drafted, then it is refused naming the pending draft', () => {
    spec
      .given([...assessed, decisionDrafted()])
      .when(draftDecision({ decisionId: 'decision-2', outcome: 'continue' }))
      .thenThrows(DraftDecisionPending, (e) => expect(e.details['pendingDecisionId']).toBe('decision-1'));
  });

  it('given no file, when a decision is drafted, then the file is not found', () => {
    spec.given([]).when(draftDecision()).thenThrows(AssessmentFileNotFound);
  });
});

describe('co-signing a bond-pertinence decision', () => {
  it('given a draft, when a coordinator who did not write it co-signs, then it is signed and takes effect', () => {
    spec.given([...assessed, decisionDrafted()]).when(coSign()).then([signed()]);
  });

  it('given a draft, when a peer practitioner co-signs, then it is signed', () => {
    spec.given([...assessed, decisionDrafted()]).when(coSign(PEER)).then([signed({ cosignedBy: PEER })]);
  });

  it('given a draft, when its author co-signs it, then it is refused', () => {
    spec.given([...assessed, decisionDrafted()]).when(coSign(AUTHOR)).thenThrows(CoSignatureByAuthor);
  });

  it('given a signed decision, when the same co-signer signs again, then nothing happens', () => {
    spec.given([...assessed, decisionDrafted(), signed()]).when(coSign()).thenNothing();
  });

  it('given a signed decision, when someone else signs it again, then it is refused: it is no draft any more', () => {
    spec.given([...assessed, decisionDrafted(), signed()]).when(coSign(PEER)).thenThrows(DecisionNotADraft, (e) => expect(e.details['status']).toBe('signed'));
  });

  it('given no such decision, when co-signed, then it is not found', () => {
    spec.given(assessed).when(coSign()).thenThrows(DecisionNotFound);
  });

  it('given a signed suspension, when a later decision to continue is drafted and co-signed, then it supersedes the suspension, which stays as it was', () => {
    const later = draftDecision({ decisionId: 'decision-2', outcome: 'continue', rationale: 'Apaisement constaté sur trois mois.', childWishes: 'Revoir son père.' });
    const laterDrafted = decisionDrafted({ decisionId: 'decision-2', outcome: 'continue', rationale: later.rationale, childWishes: later.childWishes, draftedBy: AUTHOR });
    spec.given([...assessed, decisionDrafted(), signed()]).when(later).then([laterDrafted]);
    spec
      .given([...assessed, decisionDrafted(), signed(), laterDrafted])
      .when(coSign(PEER, 'decision-2'))
      .then([signed({ decisionId: 'decision-2', outcome: 'continue', cosignedBy: PEER, supersedesDecisionId: 'decision-1' })]);
  });
});

describe('withdrawing a draft', () => {
  const withdraw = { type: 'WithdrawBondDecisionDraft' as const, caseId: CASE_ID, decisionId: 'decision-1', by: AUTHOR, today: TODAY };
  const withdrawn: CaseFileEvent = { type: 'BondDecisionDraftWithdrawn', caseId: CASE_ID, decisionId: 'decision-1', withdrawnBy: AUTHOR };

  it('given a draft, when withdrawn, then it is withdrawn and another decision may be drafted', () => {
    spec.given([...assessed, decisionDrafted()]).when(withdraw).then([withdrawn]);
    spec.given([...assessed, decisionDrafted(), withdrawn]).when(draftDecision({ decisionId: 'decision-2' })).then([decisionDrafted({ decisionId: 'decision-2' })]);
  });

  it('given a withdrawn draft, when withdrawn again, then nothing happens; when co-signed, then it is refused', () => {
    spec.given([...assessed, decisionDrafted(), withdrawn]).when(withdraw).thenNothing();
    spec.given([...assessed, decisionDrafted(), withdrawn]).when(coSign()).thenThrows(DecisionNotADraft);
  });

  it('given a signed decision, when withdrawn, then it is refused: only a later decision replaces it', () => {
    spec.given([...assessed, decisionDrafted(), signed()]).when(withdraw).thenThrows(DecisionNotADraft);
  });
});

describe('which outcomes stop supervised meetings', () => {
  it.each([
    ['continue', false],
    ['adapt', false],
    ['suspend', true],
    ['end', true],
  ] as const)('given a signed %s, then supervised meetings stop: %p', (outcome, stops) => {
    expect(stopsSupervisedMeetings(outcome)).toBe(stops);
  });
});
