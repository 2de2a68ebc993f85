import { CaseFileEvent } from './case-file.events';
import { NoteIncident, NoteMandateChange, NoteSessionOutcome, OpenAssessmentFile } from './case-file.commands';
import { AssessmentFileNotFound, ChildNotInCase, ChildRequired, DateInFuture } from './case-file.errors';
import { CaseFileState } from './case-file.state';
import { CalendarDate } from './case-file.types';

/** Facts from the other services are noted once per contract id: a redelivery decides nothing. */
export function decideOpenAssessmentFile(command: OpenAssessmentFile, state: CaseFileState): CaseFileEvent[] {
  if (state.opened) return [];
  const { caseId, referralId, childIds, mandate, sourceEventId } = command;
  return [{ type: 'AssessmentFileOpened', caseId, referralId, childIds, mandate, sourceEventId }];
}

/** A changed mandate may change the risk picture (new modalities, a new court order): the risk is looked at again. */
export function decideNoteMandateChange(command: NoteMandateChange, state: CaseFileState): CaseFileEvent[] {
  if (state.notedSources.has(command.sourceEventId)) return [];
  const { caseId, kind, decisionDate, reportDeadlines, sourceEventId } = command;
  return [
    { type: 'MandateChangeNoted', caseId, kind, decisionDate, reportDeadlines, sourceEventId },
    { type: 'RiskReassessmentBecameDue', caseId, trigger: 'mandate-change', triggerId: sourceEventId, dueSince: command.at },
  ];
}

export function decideNoteSessionOutcome(command: NoteSessionOutcome, state: CaseFileState): CaseFileEvent[] {
  if (state.notedSources.has(command.sourceEventId)) return [];
  const { caseId, sessionId, sessionType, outcome, attributedTo, reason, interrupted, sourceEventId } = command;
  return [{ type: 'SessionOutcomeNoted', caseId, sessionId, sessionType, outcome, attributedTo, reason, interrupted, occurredAt: command.at, sourceEventId }];
}

/** Any reported incident, whatever its severity, calls for a fresh risk assessment. */
export function decideNoteIncident(command: NoteIncident, state: CaseFileState): CaseFileEvent[] {
  if (state.notedSources.has(command.sourceEventId)) return [];
  const { caseId, incidentId, sessionId, sessionType, severity, interruptedSession, sourceEventId } = command;
  return [
    { type: 'IncidentNoted', caseId, incidentId, sessionId, sessionType, severity, interruptedSession, occurredAt: command.at, sourceEventId },
    { type: 'RiskReassessmentBecameDue', caseId, trigger: 'incident', triggerId: incidentId, dueSince: command.at },
  ];
}

export function requireOpenFile(state: CaseFileState): void {
  if (!state.opened) throw new AssessmentFileNotFound();
}

/** The child the command is about: the one named, or the case's only child. */
export function childOf(command: { readonly childId?: string }, state: CaseFileState): string {
  if (command.childId === undefined) {
    if (state.childIds.length !== 1) throw new ChildRequired();
    return state.childIds[0] as string;
  }
  if (!state.childIds.includes(command.childId)) throw new ChildNotInCase();
  return command.childId;
}

export function refuseFutureDate(date: CalendarDate, today: CalendarDate, field: string): void {
  if (date > today) throw new DateInFuture(field);
}

export function isBlank(text: string | undefined | null): boolean {
  return text === undefined || text === null || text.trim() === '';
}
