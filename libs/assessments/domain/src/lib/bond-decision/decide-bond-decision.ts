import { childOf, isBlank, requireOpenFile } from '../case-file/decide-case-context';
import { BondDecisionDrafted, CaseFileEvent } from '../case-file/case-file.events';
import { CoSignBondDecision, DraftBondDecision, WithdrawBondDecisionDraft } from '../case-file/case-file.commands';
import { CaseFileState, DecisionRecord, draftFingerprint } from '../case-file/case-file.state';
import {
  AdaptationWithoutModalities, CoSignatureByAuthor, DecisionAlreadyExists, DecisionNotADraft, DecisionNotFound, DecisionWithoutAssessments, DecisionWithoutChildWishes,
  DecisionWithoutRationale, DraftDecisionPending, ModalitiesWithoutAdaptation, UnknownAssessmentReference,
} from './bond-decision.errors';

/** A draft has no effect: it only states what the author proposes, on which assessments, and what the child wishes. */
export function decideDraftBondDecision(command: DraftBondDecision, state: CaseFileState): CaseFileEvent[] {
  requireOpenFile(state);
  const childId = childOf(command, state);
  if (isBlank(command.rationale)) throw new DecisionWithoutRationale();
  if (isBlank(command.childWishes)) throw new DecisionWithoutChildWishes();
  if (command.outcome === 'adapt' && isBlank(command.adaptedModalities)) throw new AdaptationWithoutModalities();
  if (command.outcome !== 'adapt' && command.adaptedModalities !== undefined) throw new ModalitiesWithoutAdaptation();
  if (command.assessmentIds.length === 0) throw new DecisionWithoutAssessments();
  command.assessmentIds.forEach((id, index) => {
    if (!state.assessments[id]) throw new UnknownAssessmentReference(`assessmentIds.${index}`);
  });
  const event: BondDecisionDrafted = {
    type: 'BondDecisionDrafted',
    caseId: command.caseId,
    decisionId: command.decisionId,
    childId,
    outcome: command.outcome,
    adaptedModalities: command.adaptedModalities ?? null,
    rationale: command.rationale,
    childWishes: command.childWishes,
    assessmentIds: [...new Set(command.assessmentIds)],
    draftedBy: command.by,
  };
  const existing = state.decisions[command.decisionId];
  if (existing) {
    if (existing.fingerprint === draftFingerprint(event)) return [];
    throw new DecisionAlreadyExists();
  }
  if (state.pendingDraftId) throw new DraftDecisionPending(state.pendingDraftId);
  return [event];
}

/** Four eyes: a second clinician, coordinator or peer, who did not write it. Signing gives it effect. */
export function decideCoSignBondDecision(command: CoSignBondDecision, state: CaseFileState): CaseFileEvent[] {
  const decision = decisionIn(state, command.decisionId);
  if (decision.status === 'signed' && decision.cosignedBy?.userId === command.by.userId) return [];
  if (decision.status !== 'draft') throw new DecisionNotADraft(decision.status);
  if (decision.draftedBy.userId === command.by.userId) throw new CoSignatureByAuthor();
  return [
    {
      type: 'BondDecisionSigned',
      caseId: command.caseId,
      decisionId: decision.decisionId,
      childId: decision.childId,
      outcome: decision.outcome,
      assessmentIds: decision.assessmentIds,
      draftedBy: decision.draftedBy,
      cosignedBy: command.by,
      supersedesDecisionId: state.effectiveDecisionId,
    },
  ];
}

export function decideWithdrawBondDecisionDraft(command: WithdrawBondDecisionDraft, state: CaseFileState): CaseFileEvent[] {
  const decision = decisionIn(state, command.decisionId);
  if (decision.status === 'withdrawn') return [];
  if (decision.status !== 'draft') throw new DecisionNotADraft(decision.status);
  return [{ type: 'BondDecisionDraftWithdrawn', caseId: command.caseId, decisionId: decision.decisionId, withdrawnBy: command.by }];
}

function decisionIn(state: CaseFileState, decisionId: string): DecisionRecord {
  requireOpenFile(state);
  const decision = state.decisions[decisionId];
  if (!decision) throw new DecisionNotFound();
  return decision;
}
