import { JsonObject, RecordedEvent } from '@lien/shared-event-store';
import { IntegrationContract, Translator } from '@lien/shared-relay';
import { ASSESSMENT_CONTRACT_TYPES, AssessmentContractType, AssessmentContractTypes, CASE_ASSESSMENTS_FAMILY, CASE_ASSESSMENTS_VERSION, encodeInstrumentScores } from '@lien/assessments-contracts';
import { BondOutcome, stopsSupervisedMeetings } from '@lien/assessments-domain';
import { arrayAt, asObject, numberAt, objectAt, optionalTextAt, textAt, textsAt } from '../case-file-store/json-reader';

function contract<T extends AssessmentContractType>(type: T, data: AssessmentContractTypes[T]): IntegrationContract {
  return { family: CASE_ASSESSMENTS_FAMILY, familyVersion: CASE_ASSESSMENTS_VERSION, type, data: data as unknown as IntegrationContract['data'] };
}

const levelOf = (dimensions: JsonObject, dimension: string) => textAt(objectAt(dimensions, dimension), 'level');

/**
 * Domain event → integration contract, or nothing for what stays inside the service (observations,
 * the child's words, rationales, drafts, noted facts). It reads only non-personal fields, so it gives
 * the same answer on sealed (raw) and opened events.
 */
export const translateCaseFileEvent: Translator = (event: RecordedEvent) => {
  const data = event.data;
  const caseId = () => textAt(data, 'caseId');
  switch (event.type) {
    case 'assessments.WellbeingAssessed.v1': {
      const dimensions = objectAt(data, 'dimensions');
      const instruments = arrayAt(data, 'instruments').map((item) => {
        const instrument = asObject(item);
        const scores = objectAt(instrument, 'scores');
        return {
          instrumentId: textAt(instrument, 'instrumentId'),
          instrumentVersion: textAt(instrument, 'instrumentVersion'),
          respondent: optionalTextAt(instrument, 'respondent'),
          scores: Object.fromEntries(Object.keys(scores).map((scale) => [scale, numberAt(scores, scale)])),
        };
      });
      return contract(ASSESSMENT_CONTRACT_TYPES.assessmentRecorded, {
        caseId: caseId(),
        assessmentId: textAt(data, 'assessmentId'),
        childId: textAt(data, 'childId'),
        assessedOn: textAt(data, 'assessedOn'),
        psychologicalLevel: levelOf(dimensions, 'psychological'),
        physicalLevel: levelOf(dimensions, 'physical'),
        emotionalLevel: levelOf(dimensions, 'emotional'),
        instrumentScores: encodeInstrumentScores(instruments),
      });
    }
    case 'assessments.RiskAssessed.v1': {
      const level = textAt(data, 'level');
      const previousLevel = optionalTextAt(data, 'previousLevel');
      if (level === previousLevel) return undefined;
      return contract(ASSESSMENT_CONTRACT_TYPES.riskLevelChanged, {
        caseId: caseId(),
        assessmentId: textAt(data, 'assessmentId'),
        previousLevel,
        level,
        overridden: data['override'] !== null && data['override'] !== undefined,
        assessedOn: textAt(data, 'assessedOn'),
      });
    }
    case 'assessments.BondDecisionSigned.v1': {
      const outcome = textAt(data, 'outcome');
      return contract(ASSESSMENT_CONTRACT_TYPES.bondDecisionSigned, {
        caseId: caseId(),
        decisionId: textAt(data, 'decisionId'),
        childId: textAt(data, 'childId'),
        outcome,
        stopsSupervisedMeetings: stopsSupervisedMeetings(outcome as BondOutcome),
        supersedesDecisionId: optionalTextAt(data, 'supersedesDecisionId'),
        assessmentCount: textsAt(data, 'assessmentIds').length,
        signedAt: event.metadata.occurredAt,
      });
    }
    case 'assessments.ReportVersionSent.v1':
      return contract(ASSESSMENT_CONTRACT_TYPES.reportSent, {
        caseId: caseId(),
        reportId: textAt(data, 'reportId'),
        version: numberAt(data, 'version'),
        kind: textAt(data, 'kind'),
        deadlineDueOn: optionalTextAt(data, 'deadlineDueOn'),
        sentOn: textAt(data, 'sentOn'),
      });
    default:
      return undefined;
  }
};
