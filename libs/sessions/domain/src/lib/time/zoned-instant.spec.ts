import { districtLocalDay, districtLocalDaysOf, parseZonedInstant, toDistrictLocalIso, toUtcIso } from './zoned-instant';
import { InvalidTimestamp, TimeZoneMissing } from './time.errors';

describe('zoned instants', () => {
  it('given a timestamp with an offset, when parsed, then it is stored as the same instant in UTC', () => {
    expect(toUtcIso(parseZonedInstant('2026-03-02T10:00:00+01:00', 'startsAt'))).toBe('2026-03-02T09:00:00.000Z');
    expect(toUtcIso(parseZonedInstant('2026-03-02T09:00Z', 'startsAt'))).toBe('2026-03-02T09:00:00.000Z');
  });

  it('given a timestamp without zone, when parsed, then it is refused naming the field', () => {
    expect(() => parseZonedInstant('2026-03-02T10:00:00', 'endsAt')).toThrow(TimeZoneMissing);
    try {
      parseZonedInstant('2026-03-02T10:00', 'endsAt');
    } catch (error) {
      expect(error).toMatchObject({ code: 'TIME_ZONE_MISSING', details: { field: 'endsAt' } });
    }
  });

  it.each(['2026-02-30T10:00:00Z', '2026-03-02 10:00:00Z', 'tomorrow', '2026-03-02T24:00:00Z', '2026-03-02T10:00:00+15:00'])('given %s, when parsed, then it is refused as invalid', (value) => {
    expect(() => parseZonedInstant(value, 'startsAt')).toThrow(InvalidTimestamp);
  });

  it('given the spring DST change in Brussels, when instants around it are displayed, then the offset moves from +01:00 to +02:00', () => {
    expect(toDistrictLocalIso(parseZonedInstant('2026-03-29T00:30:00Z', 'x'))).toBe('2026-03-29T01:30:00+01:00');
    expect(toDistrictLocalIso(parseZonedInstant('2026-03-29T01:30:00Z', 'x'))).toBe('2026-03-29T03:30:00+02:00');
  });

  it('given the autumn DST change, when the two 02:30 are written with their offsets, then they are two instants an hour apart', () => {
    const first = parseZonedInstant('2026-10-25T02:30:00+02:00', 'x');
    const second = parseZonedInstant('2026-10-25T02:30:00+01:00', 'x');
    expect(second - first).toBe(3_600_000);
    expect(toDistrictLocalIso(first)).toBe('2026-10-25T02:30:00+02:00');
    expect(toDistrictLocalIso(second)).toBe('2026-10-25T02:30:00+01:00');
  });

  it('given an instant late in the UTC evening, when its local day is asked, then it is the Brussels day', () => {
    expect(districtLocalDay(parseZonedInstant('2026-07-01T22:30:00Z', 'x'))).toBe('2026-07-02');
  });

  it('given an interval across local midnight, when its days are listed, then both days appear once each', () => {
    expect(districtLocalDaysOf(parseZonedInstant('2026-03-28T23:00:00+01:00', 'x'), parseZonedInstant('2026-03-29T01:00:00+01:00', 'x'))).toEqual(['2026-03-28', '2026-03-29']);
    expect(districtLocalDaysOf(parseZonedInstant('2026-03-02T10:00:00+01:00', 'x'), parseZonedInstant('2026-03-02T11:00:00+01:00', 'x'))).toEqual(['2026-03-02']);
  });
});
