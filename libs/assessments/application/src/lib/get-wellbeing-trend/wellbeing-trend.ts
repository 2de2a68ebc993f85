import { InstrumentRegistry, WELLBEING_DIMENSIONS, WellbeingDimension, WellbeingLevel, wellbeingRank } from '@lien/assessments-domain';
import { WellbeingAssessmentView } from '../get-case-file/case-file.view';

/** From the first point to the last: `none` without points, `single` with one. */
export type TrendDirection = 'improving' | 'stable' | 'worsening' | 'single' | 'none';

export interface DimensionTrend {
  readonly points: ReadonlyArray<{ readonly assessedOn: string; readonly assessmentId: string; readonly level: WellbeingLevel }>;
  readonly direction: TrendDirection;
}

export interface ScaleTrend {
  readonly code: string;
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly higherIsBetter: boolean;
  readonly points: ReadonlyArray<{ readonly assessedOn: string; readonly assessmentId: string; readonly score: number }>;
  readonly direction: TrendDirection;
}

export interface InstrumentTrend {
  readonly instrumentId: string;
  readonly name: string;
  /** Scores of different respondents (parent, teacher, the child) are never mixed in one series. */
  readonly respondent: string | null;
  readonly scales: readonly ScaleTrend[];
}

export interface WellbeingTrend {
  readonly childId: string;
  readonly dimensions: Readonly<Record<WellbeingDimension, DimensionTrend>>;
  readonly instruments: readonly InstrumentTrend[];
}

/** The trend of one child, per dimension and per instrument scale, in assessment-date order. */
export function wellbeingTrendOf(assessments: readonly WellbeingAssessmentView[], childId: string, registry: InstrumentRegistry): WellbeingTrend {
  const ordered = assessments.filter((a) => a.childId === childId).sort((a, b) => (a.assessedOn < b.assessedOn ? -1 : a.assessedOn > b.assessedOn ? 1 : 0));
  const dimensions = Object.fromEntries(
    WELLBEING_DIMENSIONS.map((dimension) => {
      const points = ordered.map((a) => ({ assessedOn: a.assessedOn, assessmentId: a.assessmentId, level: a.dimensions[dimension].level }));
      return [dimension, { points, direction: directionOf(points.map((p) => wellbeingRank(p.level)), true) }];
    }),
  ) as unknown as Record<WellbeingDimension, DimensionTrend>;
  return { childId, dimensions, instruments: instrumentTrends(ordered, registry) };
}

function instrumentTrends(ordered: readonly WellbeingAssessmentView[], registry: InstrumentRegistry): InstrumentTrend[] {
  const series = new Map<string, { instrumentId: string; respondent: string | null }>();
  for (const a of ordered) for (const i of a.instruments) series.set(`${i.instrumentId}/${i.respondent ?? ''}`, { instrumentId: i.instrumentId, respondent: i.respondent });
  return [...series.values()].map(({ instrumentId, respondent }) => {
    const definition = registry[instrumentId];
    const uses = ordered.flatMap((a) => a.instruments.filter((i) => i.instrumentId === instrumentId && i.respondent === respondent).map((i) => ({ a, i })));
    const codes = definition?.scales.map((s) => s.code) ?? [...new Set(uses.flatMap(({ i }) => Object.keys(i.scores)))];
    const scales = codes.map((code) => {
      const scale = definition?.scales.find((s) => s.code === code);
      const points = uses.filter(({ i }) => i.scores[code] !== undefined).map(({ a, i }) => ({ assessedOn: a.assessedOn, assessmentId: a.assessmentId, score: i.scores[code] as number }));
      const higherIsBetter = scale?.higherIsBetter ?? false;
      return { code, label: scale?.label ?? code, min: scale?.min ?? 0, max: scale?.max ?? 0, higherIsBetter, points, direction: directionOf(points.map((p) => p.score), higherIsBetter) };
    });
    return { instrumentId, name: definition?.name ?? instrumentId, respondent, scales };
  });
}

function directionOf(values: readonly number[], higherIsBetter: boolean): TrendDirection {
  if (values.length === 0) return 'none';
  if (values.length === 1) return 'single';
  const change = (values[values.length - 1] as number) - (values[0] as number);
  if (change === 0) return 'stable';
  return change > 0 === higherIsBetter ? 'improving' : 'worsening';
}
