import { InvalidTimestamp, TimeZoneMissing } from './time.errors';

/** Instants travel as epoch milliseconds inside the domain and as ISO-8601 UTC strings in events. */
export type EpochMs = number;

/** Every district of the FWB lives in this zone; people read times in it, storage stays UTC. */
export const DISTRICT_TIME_ZONE = 'Europe/Brussels';

const WITH_ZONE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;
const WITHOUT_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?$/;

/**
 * Reads a timestamp that must say which offset it was written in. A local time without zone is
 * ambiguous twice a year in Brussels (the autumn hour happens twice), so it is refused, never guessed.
 */
export function parseZonedInstant(value: unknown, field: string): EpochMs {
  if (typeof value !== 'string') throw new InvalidTimestamp(field);
  if (WITHOUT_ZONE.test(value)) throw new TimeZoneMissing(field);
  const match = WITH_ZONE.exec(value);
  if (!match) throw new InvalidTimestamp(field);
  const [, year, month, day, hour, minute, second = '0', fraction = '0', zone] = match;
  const wallClock = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), Number(fraction.padEnd(3, '0').slice(0, 3)));
  const check = new Date(wallClock);
  // Date rolls impossible dates over (February 30th becomes March 2nd): compare the fields back.
  if (check.getUTCFullYear() !== Number(year) || check.getUTCMonth() + 1 !== Number(month) || check.getUTCDate() !== Number(day) || Number(hour) > 23 || Number(second) > 59) {
    throw new InvalidTimestamp(field);
  }
  return wallClock - offsetMinutes(zone as string, field) * 60_000;
}

function offsetMinutes(zone: string, field: string): number {
  if (zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const [hours, minutes] = zone.slice(1).split(':').map(Number) as [number, number];
  if (hours > 14 || minutes > 59) throw new InvalidTimestamp(field);
  return sign * (hours * 60 + minutes);
}

/** Reads back an ISO-8601 UTC string the domain itself wrote into an event. */
export function fromUtcIso(value: string): EpochMs {
  return Date.parse(value);
}

export function toUtcIso(instant: EpochMs): string {
  return new Date(instant).toISOString();
}

export function addMinutes(instant: EpochMs, minutes: number): EpochMs {
  return instant + minutes * 60_000;
}

export function addHours(instant: EpochMs, hours: number): EpochMs {
  return instant + hours * 3_600_000;
}

interface LocalParts {
  readonly date: string;
  readonly time: string;
  readonly offset: string;
}

function localParts(instant: EpochMs, timeZone: string): LocalParts {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'longOffset',
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const zoneName = part('timeZoneName').replace('GMT', '');
  return { date: `${part('year')}-${part('month')}-${part('day')}`, time: `${part('hour')}:${part('minute')}:${part('second')}`, offset: zoneName === '' ? '+00:00' : zoneName };
}

/** The wall-clock time people see, with its offset, e.g. `2026-03-29T03:30:00+02:00`. */
export function toDistrictLocalIso(instant: EpochMs, timeZone = DISTRICT_TIME_ZONE): string {
  const { date, time, offset } = localParts(instant, timeZone);
  return `${date}T${time}${offset}`;
}

/** The local calendar day of an instant, e.g. `2026-03-29`: rooms and practitioners are booked per local day. */
export function districtLocalDay(instant: EpochMs, timeZone = DISTRICT_TIME_ZONE): string {
  return localParts(instant, timeZone).date;
}

/** Every local day an interval [from, to) touches, in order. */
export function districtLocalDaysOf(from: EpochMs, to: EpochMs, timeZone = DISTRICT_TIME_ZONE): string[] {
  const days: string[] = [];
  // Stepping by hours (not days) stays right across the 23- and 25-hour days of a DST change.
  for (let at = from; at < to; at = addHours(at, 1)) {
    const day = districtLocalDay(at, timeZone);
    if (days[days.length - 1] !== day) days.push(day);
  }
  const last = districtLocalDay(to - 1, timeZone);
  if (days[days.length - 1] !== last) days.push(last);
  return days;
}
