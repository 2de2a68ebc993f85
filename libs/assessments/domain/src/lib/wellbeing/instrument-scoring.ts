import { InstrumentRegistry, InstrumentScores, InstrumentScoresInput } from './instrument.types';
import {
  DerivedScoreNotAccepted, InstrumentUsedTwice, MissingInstrumentScore, ScoreOutOfRange, UnknownInstrument, UnknownInstrumentScale, UnknownRespondent,
} from './wellbeing.errors';

/**
 * Checks typed-in scores against the registry and adds the derived scales (e.g. the SDQ total
 * difficulties, the sum of its four difficulty subscales). `field` is where the input sits, for errors.
 */
export function scoreInstrument(input: InstrumentScoresInput, registry: InstrumentRegistry, field: string): InstrumentScores {
  const definition = Object.prototype.hasOwnProperty.call(registry, input.instrumentId) ? registry[input.instrumentId] : undefined;
  if (!definition) throw new UnknownInstrument(`${field}.instrumentId`);
  if (input.respondent !== undefined && !definition.respondents.includes(input.respondent)) throw new UnknownRespondent(`${field}.respondent`);
  const scales = new Map(definition.scales.map((scale) => [scale.code, scale]));
  for (const code of Object.keys(input.scores)) {
    const scale = scales.get(code);
    if (!scale) throw new UnknownInstrumentScale(`${field}.scores.${code}`);
    if (scale.sumOf) throw new DerivedScoreNotAccepted(`${field}.scores.${code}`);
  }
  const scores: Record<string, number> = {};
  for (const scale of definition.scales.filter((s) => !s.sumOf)) {
    const score = input.scores[scale.code];
    if (score === undefined) throw new MissingInstrumentScore(`${field}.scores.${scale.code}`);
    if (!Number.isInteger(score) || score < scale.min || score > scale.max) throw new ScoreOutOfRange(`${field}.scores.${scale.code}`, scale.min, scale.max);
    scores[scale.code] = score;
  }
  for (const scale of definition.scales.filter((s) => s.sumOf)) {
    scores[scale.code] = (scale.sumOf ?? []).reduce((sum, code) => sum + (scores[code] ?? 0), 0);
  }
  return { instrumentId: definition.id, instrumentVersion: definition.version, respondent: input.respondent ?? null, scores };
}

export function scoreInstruments(inputs: readonly InstrumentScoresInput[], registry: InstrumentRegistry): InstrumentScores[] {
  const seen = new Set<string>();
  return inputs.map((input, index) => {
    const key = `${input.instrumentId}/${input.respondent ?? ''}`;
    if (seen.has(key)) throw new InstrumentUsedTwice(`instruments.${index}.instrumentId`);
    seen.add(key);
    return scoreInstrument(input, registry, `instruments.${index}`);
  });
}
