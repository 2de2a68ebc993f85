import { childOf, isBlank, refuseFutureDate, requireOpenFile } from '../case-file/decide-case-context';
import { CaseFileEvent, WellbeingAssessed } from '../case-file/case-file.events';
import { RecordWellbeingAssessment } from '../case-file/case-file.commands';
import { CaseFileState, wellbeingFingerprint } from '../case-file/case-file.state';
import { isErasedValue } from '../case-file/case-file.types';
import { scoreInstruments } from './instrument-scoring';
import { AssessmentAlreadyRecorded, BlankObservations } from './wellbeing.errors';
import { WELLBEING_DIMENSIONS } from './wellbeing.types';

export function decideRecordWellbeingAssessment(command: RecordWellbeingAssessment, state: CaseFileState): CaseFileEvent[] {
  requireOpenFile(state);
  const childId = childOf(command, state);
  refuseFutureDate(command.assessedOn, command.today, 'assessedOn');
  for (const dimension of WELLBEING_DIMENSIONS) {
    const observations = command.dimensions[dimension].observations;
    if (!isErasedValue(observations) && isBlank(observations)) throw new BlankObservations(`dimensions.${dimension}.observations`);
  }
  const event: WellbeingAssessed = {
    type: 'WellbeingAssessed',
    caseId: command.caseId,
    assessmentId: command.assessmentId,
    childId,
    assessedOn: command.assessedOn,
    assessedBy: command.by,
    dimensions: command.dimensions,
    instruments: scoreInstruments(command.instruments, command.registry),
  };
  const existing = state.assessments[command.assessmentId];
  if (existing) {
    if (existing.kind === 'wellbeing' && existing.fingerprint === wellbeingFingerprint(event)) return [];
    throw new AssessmentAlreadyRecorded();
  }
  return [event];
}
