import { deciderSpecification } from '@lien/shared-decider-testing';
import { AssessmentFileNotFound, ChildNotInCase, ChildRequired, DateInFuture, InvalidAssessmentInput } from '../case-file/case-file.errors';
import { caseFileDecider } from '../case-file/case-file.decider';
import { CHILD_ID, opened, recordWellbeing, SIBLING_ID, wellbeingAssessed } from '../case-file/case-file.spec-fixtures';
import {
  AssessmentAlreadyRecorded, BlankObservations, DerivedScoreNotAccepted, InstrumentUsedTwice, MissingInstrumentScore, ScoreOutOfRange, UnknownInstrument,
  UnknownInstrumentScale, UnknownRespondent,
} from './wellbeing.errors';

const spec = deciderSpecification(caseFileDecider);
const sdq = (scores: Record<string, number>, respondent = 'parent') => [{ instrumentId: 'SDQ', respondent, scores }];
const fullSdq = { emotional: 6, conduct: 3, hyperactivity: 4, peer: 2, prosocial: 7 };
const namesField = (field: string) => (error: InvalidAssessmentInput) => expect(error.details['field']).toBe(field);

describe('recording a wellbeing assessment', () => {
  it('given an open file, when an assessment with SDQ scores is recorded, then it is recorded with the total difficulties computed from the four difficulty subscales', () => {
    spec.given([opened()]).when(recordWellbeing()).then([wellbeingAssessed()]);
  });

  it('given an open file, when an assessment without instrument is recorded, then it is recorded with the three dimensions only', () => {
    spec.given([opened()]).when(recordWellbeing({ instruments: [] })).then([wellbeingAssessed({ instruments: [] })]);
  });

  it('given the assessment recorded, when the same one arrives again, then nothing happens', () => {
    spec.given([opened(), wellbeingAssessed()]).when(recordWellbeing()).thenNothing();
  });

  it('given the assessment recorded, when a different one arrives under its id, then it is refused', () => {
    spec.given([opened(), wellbeingAssessed()]).when(recordWellbeing({ assessedOn: '2026-04-20' })).thenThrows(AssessmentAlreadyRecorded);
  });

  it('given no file opened for the case, when an assessment arrives, then the file is not found', () => {
    spec.given([]).when(recordWellbeing()).thenThrows(AssessmentFileNotFound);
  });

  it('given a case with two children, when the child is not named, then it is refused on childId', () => {
    spec.given([opened([CHILD_ID, SIBLING_ID])]).when(recordWellbeing()).thenThrows(ChildRequired, namesField('childId'));
  });

  it('given a case with two children, when the second is named, then the assessment is about that child', () => {
    spec.given([opened([CHILD_ID, SIBLING_ID])]).when(recordWellbeing({ childId: SIBLING_ID })).then([wellbeingAssessed({ childId: SIBLING_ID })]);
  });

  it('given an open file, when a child of another case is named, then it is refused on childId', () => {
    spec.given([opened()]).when(recordWellbeing({ childId: SIBLING_ID })).thenThrows(ChildNotInCase, namesField('childId'));
  });

  it('given an open file, when the assessment is dated tomorrow, then it is refused on assessedOn', () => {
    spec.given([opened()]).when(recordWellbeing({ assessedOn: '2026-05-05' })).thenThrows(DateInFuture, namesField('assessedOn'));
  });

  it('given an open file, when a dimension has blank observations, then it is refused on that dimension', () => {
    const command = recordWellbeing();
    const dimensions = { ...command.dimensions, physical: { level: 'good' as const, observations: '  ', childWords: null } };
    spec.given([opened()]).when({ ...command, dimensions }).thenThrows(BlankObservations, namesField('dimensions.physical.observations'));
  });
});

describe('scoring a standardised instrument', () => {
  it('given the SDQ ranges 0–10, when a subscale scores 11, then it is refused naming the subscale and the range', () => {
    spec
      .given([opened()])
      .when(recordWellbeing({ instruments: sdq({ ...fullSdq, emotional: 11 }) }))
      .thenThrows(ScoreOutOfRange, (e) => expect(e.details).toEqual({ field: 'instruments.0.scores.emotional', min: 0, max: 10 }));
  });

  it.each([[-1], [2.5], [Number.NaN]])('given the SDQ integer scores, when a subscale scores %p, then it is refused', (score) => {
    spec.given([opened()]).when(recordWellbeing({ instruments: sdq({ ...fullSdq, peer: score }) })).thenThrows(ScoreOutOfRange, namesField('instruments.0.scores.peer'));
  });

  it('given the registry, when an instrument it does not hold is used, then it is refused on instrumentId', () => {
    spec.given([opened()]).when(recordWellbeing({ instruments: [{ instrumentId: 'CBCL', scores: {} }] })).thenThrows(UnknownInstrument, namesField('instruments.0.instrumentId'));
  });

  it('given the SDQ, when a subscale it does not have is scored, then it is refused on that subscale', () => {
    spec.given([opened()]).when(recordWellbeing({ instruments: sdq({ ...fullSdq, impact: 2 }) })).thenThrows(UnknownInstrumentScale, namesField('instruments.0.scores.impact'));
  });

  it('given the SDQ, when the total difficulties is typed in, then it is refused because it is computed', () => {
    spec.given([opened()]).when(recordWellbeing({ instruments: sdq({ ...fullSdq, totalDifficulties: 15 }) })).thenThrows(DerivedScoreNotAccepted, namesField('instruments.0.scores.totalDifficulties'));
  });

  it('given the SDQ, when a subscale is missing, then it is refused on that subscale', () => {
    const { prosocial: _, ...withoutProsocial } = fullSdq;
    spec.given([opened()]).when(recordWellbeing({ instruments: sdq(withoutProsocial) })).thenThrows(MissingInstrumentScore, namesField('instruments.0.scores.prosocial'));
  });

  it('given the SDQ respondents, when an unknown respondent is named, then it is refused on respondent', () => {
    spec.given([opened()]).when(recordWellbeing({ instruments: sdq(fullSdq, 'neighbour') })).thenThrows(UnknownRespondent, namesField('instruments.0.respondent'));
  });

  it('given the SDQ answered by the parent, when the same respondent appears twice, then the second is refused', () => {
    spec.given([opened()]).when(recordWellbeing({ instruments: [...sdq(fullSdq), ...sdq(fullSdq)] })).thenThrows(InstrumentUsedTwice, namesField('instruments.1.instrumentId'));
  });

  it('given the SDQ answered by the parent and the teacher, when recorded, then both score sets are kept apart', () => {
    const both = [...sdq(fullSdq), ...sdq({ ...fullSdq, conduct: 1 }, 'teacher')];
    const scored = (respondent: string, conduct: number) => ({ instrumentId: 'SDQ', instrumentVersion: '1', respondent, scores: { ...fullSdq, conduct, totalDifficulties: 12 + conduct } });
    spec.given([opened()]).when(recordWellbeing({ instruments: both })).then([wellbeingAssessed({ instruments: [scored('parent', 3), scored('teacher', 1)] })]);
  });
});
