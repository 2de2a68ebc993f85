import { Decider } from '@lien/shared-kernel';
import { decideCoSignBondDecision, decideDraftBondDecision, decideWithdrawBondDecisionDraft } from '../bond-decision/decide-bond-decision';
import { decideGenerateReportVersion, decideMarkReportSent, decideRaiseDueReportTasks, decideSignOffReportVersion } from '../report/decide-report';
import { decideRecordRiskAssessment } from '../risk/decide-risk';
import { decideRecordWellbeingAssessment } from '../wellbeing/decide-wellbeing';
import { CaseFileCommand } from './case-file.commands';
import { CaseFileEvent } from './case-file.events';
import { CaseFileState, evolveCaseFile, initialCaseFileState } from './case-file.state';
import { decideNoteIncident, decideNoteMandateChange, decideNoteSessionOutcome, decideOpenAssessmentFile } from './decide-case-context';

export function decideCaseFile(command: CaseFileCommand, state: CaseFileState): CaseFileEvent[] {
  switch (command.type) {
    case 'OpenAssessmentFile':
      return decideOpenAssessmentFile(command, state);
    case 'NoteMandateChange':
      return decideNoteMandateChange(command, state);
    case 'NoteSessionOutcome':
      return decideNoteSessionOutcome(command, state);
    case 'NoteIncident':
      return decideNoteIncident(command, state);
    case 'RecordWellbeingAssessment':
      return decideRecordWellbeingAssessment(command, state);
    case 'RecordRiskAssessment':
      return decideRecordRiskAssessment(command, state);
    case 'DraftBondDecision':
      return decideDraftBondDecision(command, state);
    case 'CoSignBondDecision':
      return decideCoSignBondDecision(command, state);
    case 'WithdrawBondDecisionDraft':
      return decideWithdrawBondDecisionDraft(command, state);
    case 'GenerateReportVersion':
      return decideGenerateReportVersion(command, state);
    case 'SignOffReportVersion':
      return decideSignOffReportVersion(command, state);
    case 'MarkReportSent':
      return decideMarkReportSent(command, state);
    case 'RaiseDueReportTasks':
      return decideRaiseDueReportTasks(command, state);
  }
}

/**
 * One case's assessment file: wellbeing and risk assessments, bond-pertinence decisions and reports
 * to the mandant, with the facts noted from the other services. One boundary, because a decision
 * must rest on assessments that exist and a report on what the file held when it was assembled.
 */
export const caseFileDecider: Decider<CaseFileCommand, CaseFileEvent, CaseFileState> = {
  decide: decideCaseFile,
  evolve: evolveCaseFile,
  initialState: initialCaseFileState,
};

export function caseFileStream(caseId: string): string {
  return `assessmentfile-${caseId}`;
}
