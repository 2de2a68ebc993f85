import { InstrumentRegistry } from '@lien/assessments-domain';
import { WellbeingAssessmentView } from '../get-case-file/case-file.view';
import { wellbeingTrendOf } from './wellbeing-trend';

const CHILD = 'child-1';
const registry: InstrumentRegistry = {
  SDQ: {
    id: 'SDQ', version: '1', name: 'SDQ', respondents: ['parent', 'teacher'],
    scales: [
      { code: 'emotional', label: 'Symptômes émotionnels', min: 0, max: 10, higherIsBetter: false },
      { code: 'prosocial', label: 'Comportement prosocial', min: 0, max: 10, higherIsBetter: true },
    ],
  },
};
const assessment = (assessmentId: string, assessedOn: string, psychological: 'critical' | 'fragile' | 'stable' | 'good', emotional: number, prosocial: number, respondent = 'parent', childId = CHILD): WellbeingAssessmentView => ({
  assessmentId, childId, assessedOn, assessedBy: { userId: 'p', role: 'practitioner' },
  dimensions: { psychological: { level: psychological, observations: 'o', childWords: null }, physical: { level: 'good', observations: 'o', childWords: null }, emotional: { level: 'fragile', observations: 'o', childWords: null } },
  instruments: [{ instrumentId: 'SDQ', instrumentVersion: '1', respondent, scores: { emotional, prosocial } }],
});

describe('the wellbeing trend of a child', () => {
  it('given two assessments recorded out of date order, when the trend is read, then points follow the assessment dates and the direction compares first and last', () => {
    const trend = wellbeingTrendOf([assessment('b', '2026-05-01', 'stable', 3, 8), assessment('a', '2026-03-01', 'fragile', 7, 5)], CHILD, registry);
    expect(trend.dimensions.psychological).toEqual({ points: [{ assessedOn: '2026-03-01', assessmentId: 'a', level: 'fragile' }, { assessedOn: '2026-05-01', assessmentId: 'b', level: 'stable' }], direction: 'improving' });
    expect(trend.dimensions.physical.direction).toBe('stable');
    const [sdq] = trend.instruments;
    expect(sdq?.scales.map((s) => [s.code, s.points.map((p) => p.score), s.direction])).toEqual([
      ['emotional', [7, 3], 'improving'],
      ['prosocial', [5, 8], 'improving'],
    ]);
  });

  it('given a difficulty score that rises, when the trend is read, then it is worsening, because a higher difficulty is worse', () => {
    const trend = wellbeingTrendOf([assessment('a', '2026-03-01', 'good', 2, 8), assessment('b', '2026-05-01', 'critical', 9, 8)], CHILD, registry);
    expect(trend.instruments[0]?.scales[0]?.direction).toBe('worsening');
    expect(trend.dimensions.psychological.direction).toBe('worsening');
  });

  it('given the parent and the teacher answered, when the trend is read, then each respondent has its own series', () => {
    const trend = wellbeingTrendOf([assessment('a', '2026-03-01', 'good', 2, 8), assessment('b', '2026-03-02', 'good', 4, 8, 'teacher')], CHILD, registry);
    expect(trend.instruments.map((i) => [i.respondent, i.scales[0]?.direction])).toEqual([
      ['parent', 'single'],
      ['teacher', 'single'],
    ]);
  });

  it('given a sibling’s assessment, when the child’s trend is read, then it is left out; without any assessment every direction is none', () => {
    const trend = wellbeingTrendOf([assessment('a', '2026-03-01', 'good', 2, 8, 'parent', 'child-2')], CHILD, registry);
    expect(trend.dimensions.emotional).toEqual({ points: [], direction: 'none' });
    expect(trend.instruments).toEqual([]);
  });
});
