import { JsonObject } from '@lien/shared-event-store';
import { EventCodec, StoredEventMapping } from '@lien/shared-event-sourcing';
import { BondDecisionDrafted, CaseFileEvent, Clinician, InstrumentScores, RiskAssessed, RiskLevel, WELLBEING_DIMENSIONS, WellbeingAssessed, WellbeingDimensions } from '@lien/assessments-domain';
import { arrayAt, asObject, objectAt, optionalTextAt, textAt, textsAt, valueAt } from './json-reader';
import { openedOptionalText, openedText, sealedOptionalText, sealedText } from './personal-fields';

type Of<T extends CaseFileEvent['type']> = Extract<CaseFileEvent, { type: T }>;

/** Events without personal data are stored as they are; reading checks the fields the folds rely on. */
function plain<T extends CaseFileEvent['type']>(type: T, required: readonly string[]): StoredEventMapping<Of<T>> {
  return {
    storedType: `assessments.${type}.v1`,
    encode: (event) => {
      const { type: _, ...data } = event as Of<T> & { type: string };
      return data as unknown as JsonObject;
    },
    decode: (data) => {
      for (const key of required) valueAt(data, key);
      return { ...data, type } as unknown as Of<T>;
    },
  };
}

const clinicianOf = (data: JsonObject, key: string): Clinician => {
  const value = objectAt(data, key);
  return { userId: textAt(value, 'userId'), role: textAt(value, 'role') };
};

const wellbeingAssessed: StoredEventMapping<WellbeingAssessed> = {
  storedType: 'assessments.WellbeingAssessed.v1',
  encode: (event) => ({
    caseId: event.caseId,
    assessmentId: event.assessmentId,
    childId: event.childId,
    assessedOn: event.assessedOn,
    assessedBy: { ...event.assessedBy },
    dimensions: Object.fromEntries(
      WELLBEING_DIMENSIONS.map((d) => {
        const { level, observations, childWords } = event.dimensions[d];
        return [d, { level, observations: sealedText(event.childId, observations), childWords: sealedOptionalText(event.childId, childWords) }];
      }),
    ),
    instruments: event.instruments.map((i) => ({ ...i, scores: { ...i.scores } })),
  }),
  decode: (data) => {
    const dimensions = objectAt(data, 'dimensions');
    return {
      type: 'WellbeingAssessed',
      caseId: textAt(data, 'caseId'),
      assessmentId: textAt(data, 'assessmentId'),
      childId: textAt(data, 'childId'),
      assessedOn: textAt(data, 'assessedOn'),
      assessedBy: clinicianOf(data, 'assessedBy'),
      dimensions: Object.fromEntries(
        WELLBEING_DIMENSIONS.map((d) => {
          const dimension = objectAt(dimensions, d);
          return [d, { level: textAt(dimension, 'level'), observations: openedText(dimension['observations']), childWords: openedOptionalText(dimension['childWords']) }];
        }),
      ) as unknown as WellbeingDimensions,
      instruments: arrayAt(data, 'instruments').map((item) => {
        const instrument = asObject(item);
        objectAt(instrument, 'scores');
        return { instrumentId: textAt(instrument, 'instrumentId'), instrumentVersion: textAt(instrument, 'instrumentVersion'), respondent: optionalTextAt(instrument, 'respondent'), scores: instrument['scores'] } as InstrumentScores;
      }),
    };
  },
};

const riskAssessed: StoredEventMapping<RiskAssessed> = {
  storedType: 'assessments.RiskAssessed.v1',
  encode: (event) => ({
    caseId: event.caseId,
    assessmentId: event.assessmentId,
    childId: event.childId,
    assessedOn: event.assessedOn,
    assessedBy: { ...event.assessedBy },
    factors: [...event.factors],
    scoredLevel: event.scoredLevel,
    override: event.override && { level: event.override.level, reason: sealedText(event.childId, event.override.reason) },
    level: event.level,
    previousLevel: event.previousLevel,
    resolvesTriggers: [...event.resolvesTriggers],
  }),
  decode: (data) => {
    const override = data['override'] ? asObject(valueAt(data, 'override')) : null;
    return {
      type: 'RiskAssessed',
      caseId: textAt(data, 'caseId'),
      assessmentId: textAt(data, 'assessmentId'),
      childId: textAt(data, 'childId'),
      assessedOn: textAt(data, 'assessedOn'),
      assessedBy: clinicianOf(data, 'assessedBy'),
      factors: textsAt(data, 'factors') as RiskAssessed['factors'],
      scoredLevel: textAt(data, 'scoredLevel') as RiskLevel,
      override: override && { level: textAt(override, 'level') as RiskLevel, reason: openedText(override['reason']) },
      level: textAt(data, 'level') as RiskLevel,
      previousLevel: optionalTextAt(data, 'previousLevel') as RiskLevel | null,
      resolvesTriggers: textsAt(data, 'resolvesTriggers'),
    };
  },
};

const bondDecisionDrafted: StoredEventMapping<BondDecisionDrafted> = {
  storedType: 'assessments.BondDecisionDrafted.v1',
  encode: (event) => ({
    caseId: event.caseId,
    decisionId: event.decisionId,
    childId: event.childId,
    outcome: event.outcome,
    adaptedModalities: sealedOptionalText(event.childId, event.adaptedModalities),
    rationale: sealedText(event.childId, event.rationale),
    childWishes: sealedText(event.childId, event.childWishes),
    assessmentIds: [...event.assessmentIds],
    draftedBy: { ...event.draftedBy },
  }),
  decode: (data) => ({
    type: 'BondDecisionDrafted',
    caseId: textAt(data, 'caseId'),
    decisionId: textAt(data, 'decisionId'),
    childId: textAt(data, 'childId'),
    outcome: textAt(data, 'outcome') as BondDecisionDrafted['outcome'],
    adaptedModalities: openedOptionalText(data['adaptedModalities']),
    rationale: openedText(data['rationale']),
    childWishes: openedText(data['childWishes']),
    assessmentIds: textsAt(data, 'assessmentIds'),
    draftedBy: clinicianOf(data, 'draftedBy'),
  }),
};

/** Stored names are public API: `assessments.<Event>.v1`, independent of the domain's type names. */
export const caseFileCodec = new EventCodec<CaseFileEvent>({
  AssessmentFileOpened: plain('AssessmentFileOpened', ['caseId', 'referralId', 'childIds', 'mandate', 'sourceEventId']),
  MandateChangeNoted: plain('MandateChangeNoted', ['caseId', 'kind', 'decisionDate', 'reportDeadlines', 'sourceEventId']),
  SessionOutcomeNoted: plain('SessionOutcomeNoted', ['caseId', 'sessionId', 'sessionType', 'outcome', 'occurredAt', 'sourceEventId']),
  IncidentNoted: plain('IncidentNoted', ['caseId', 'incidentId', 'sessionId', 'severity', 'occurredAt', 'sourceEventId']),
  RiskReassessmentBecameDue: plain('RiskReassessmentBecameDue', ['caseId', 'trigger', 'triggerId', 'dueSince']),
  WellbeingAssessed: wellbeingAssessed,
  RiskAssessed: riskAssessed,
  BondDecisionDrafted: bondDecisionDrafted,
  BondDecisionDraftWithdrawn: plain('BondDecisionDraftWithdrawn', ['caseId', 'decisionId', 'withdrawnBy']),
  BondDecisionSigned: plain('BondDecisionSigned', ['caseId', 'decisionId', 'childId', 'outcome', 'assessmentIds', 'draftedBy', 'cosignedBy', 'supersedesDecisionId']),
  ReportVersionGenerated: plain('ReportVersionGenerated', ['caseId', 'reportId', 'version', 'kind', 'deadlineDueOn', 'basedOnRevision', 'generatedBy']),
  ReportVersionSignedOff: plain('ReportVersionSignedOff', ['caseId', 'reportId', 'version', 'signedBy']),
  ReportVersionSent: plain('ReportVersionSent', ['caseId', 'reportId', 'version', 'kind', 'sentOn', 'sentBy']),
  ReportTaskRaised: plain('ReportTaskRaised', ['caseId', 'deadline', 'raisedOn']),
});
