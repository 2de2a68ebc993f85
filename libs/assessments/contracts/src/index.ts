export * from './lib/case-assessments.contracts';
export * from './lib/instrument-scores.encoding';
