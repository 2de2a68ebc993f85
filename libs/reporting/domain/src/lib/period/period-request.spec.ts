import { DomainError } from '@lien/shared-kernel';
import { brusselsDate, parsePeriodKey } from './calendar-period';
import { PeriodRequest, PeriodRules, resolvePeriods } from './period-request';

const district: PeriodRules = { allowed: ['year', 'quarter', 'month'], today: '2026-03-15', maxPeriods: 36 };
const ministry: PeriodRules = { allowed: ['year'], today: '2027-01-15', maxPeriods: 10, publicationDelayDays: 30 };

function refusal(request: PeriodRequest, rules: PeriodRules): { code: string; kind: string; details: unknown } {
  try {
    resolvePeriods(request, rules);
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, kind: error.kind, details: error.details };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('calendar periods of a request', () => {
  it('given no bounds, when a district asks, then it gets the current year', () => {
    expect(resolvePeriods({}, district).map((p) => [p.key, p.firstDay, p.lastDay])).toEqual([['2026', '2026-01-01', '2026-12-31']]);
  });

  it('given no bounds, when the ministry asks in January, then it gets the last year already published (the one before last until its delay has passed)', () => {
    expect(resolvePeriods({}, ministry).map((p) => p.key)).toEqual(['2025']);
    expect(resolvePeriods({}, { ...ministry, today: '2027-01-31' }).map((p) => p.key)).toEqual(['2026']);
  });

  it('given months across February of a leap year, when resolved, then each month is whole', () => {
    expect(resolvePeriods({ granularity: 'month', from: '2024-01', to: '2024-03' }, district).map((p) => [p.key, p.lastDay])).toEqual([
      ['2024-01', '2024-01-31'],
      ['2024-02', '2024-02-29'],
      ['2024-03', '2024-03-31'],
    ]);
  });

  it('given quarters over a year end, when resolved, then they follow each other', () => {
    expect(resolvePeriods({ granularity: 'quarter', from: '2024-Q4', to: '2025-Q1' }, district).map((p) => [p.key, p.firstDay, p.lastDay])).toEqual([
      ['2024-Q4', '2024-10-01', '2024-12-31'],
      ['2025-Q1', '2025-01-01', '2025-03-31'],
    ]);
  });

  it('given only a start, when resolved, then it is refused as open-ended', () => {
    expect(refusal({ from: '2024' }, district)).toMatchObject({ code: 'PERIOD_OPEN_ENDED', kind: 'invalid-input', details: { missing: 'to' } });
    expect(refusal({ to: '2024' }, district)).toMatchObject({ code: 'PERIOD_OPEN_ENDED', details: { missing: 'from' } });
  });

  it('given a start after the end, when resolved, then it is refused as inverted', () => {
    expect(refusal({ from: '2025', to: '2024' }, district)).toMatchObject({ code: 'PERIOD_INVERTED', details: { from: '2025', to: '2024' } });
  });

  it('given a date or a month where years are expected, when resolved, then it is refused as not aligned on whole periods', () => {
    expect(refusal({ from: '2024-03-15', to: '2024' }, district)).toMatchObject({ code: 'PERIOD_NOT_ALIGNED', details: { field: 'from', granularity: 'year', expected: 'AAAA' } });
    expect(refusal({ granularity: 'month', from: '2024-01', to: '2024-13' }, district)).toMatchObject({ code: 'PERIOD_NOT_ALIGNED', details: { field: 'to' } });
    expect(refusal({ granularity: 'quarter', from: '2024-Q5', to: '2024-Q4' }, district)).toMatchObject({ code: 'PERIOD_NOT_ALIGNED' });
  });

  it('given months asked by a role allowed years only, when resolved, then it is refused as forbidden', () => {
    expect(refusal({ granularity: 'month', from: '2024-01', to: '2024-02' }, ministry)).toMatchObject({ code: 'GRANULARITY_NOT_ALLOWED', kind: 'forbidden', details: { granularity: 'month', allowed: 'year' } });
    expect(refusal({ granularity: 'quarter' }, ministry)).toMatchObject({ code: 'GRANULARITY_NOT_ALLOWED' });
    expect(refusal({ granularity: 'week' }, district)).toMatchObject({ code: 'GRANULARITY_NOT_ALLOWED' });
  });

  it('given the year still running (or within its publication delay), when the ministry asks for it, then it is refused with the date it becomes available', () => {
    expect(refusal({ from: '2025', to: '2026' }, ministry)).toMatchObject({ code: 'PERIOD_NOT_YET_PUBLISHABLE', details: { period: '2026', publishableFrom: '2027-01-31' } });
  });

  it('given a range longer than allowed, when resolved, then it is refused', () => {
    expect(refusal({ granularity: 'month', from: '2020-01', to: '2024-12' }, district)).toMatchObject({ code: 'PERIOD_RANGE_TOO_LONG', details: { count: 60, max: 36 } });
  });

  it('given instants near midnight in Brussels, when dated, then they fall on the Belgian day, in winter and in summer', () => {
    expect(brusselsDate('2024-12-31T23:30:00.000Z')).toBe('2025-01-01');
    expect(brusselsDate('2025-06-30T21:59:00.000Z')).toBe('2025-06-30');
    expect(brusselsDate('2025-06-30T22:00:00.000Z')).toBe('2025-07-01');
  });

  it('given keys outside a sane calendar, when parsed, then nothing is returned', () => {
    expect(parsePeriodKey('year', '1999')).toBeUndefined();
    expect(parsePeriodKey('year', ' 2024')).toBeUndefined();
    expect(parsePeriodKey('month', '2024-00')).toBeUndefined();
  });
});
