/** Calendar periods in Belgian local time: the only windows any indicator is computed over. */
export const GRANULARITIES = ['year', 'quarter', 'month'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

export function isGranularity(value: unknown): value is Granularity {
  return typeof value === 'string' && (GRANULARITIES as readonly string[]).includes(value);
}

/** Coarse to fine: a role allowed `month` is also allowed `quarter` and `year`. */
export function finerThan(a: Granularity, b: Granularity): boolean {
  return GRANULARITIES.indexOf(a) > GRANULARITIES.indexOf(b);
}

/** `2025`, `2025-Q2` or `2025-03`; days are inclusive local calendar dates `YYYY-MM-DD`. */
export interface CalendarPeriod {
  readonly granularity: Granularity;
  readonly key: string;
  readonly firstDay: string;
  readonly lastDay: string;
}

export const PERIOD_KEY_FORMAT: Readonly<Record<Granularity, string>> = { year: 'AAAA', quarter: 'AAAA-Qn', month: 'AAAA-MM' };

const KEY_PATTERN: Readonly<Record<Granularity, RegExp>> = {
  year: /^(\d{4})$/,
  quarter: /^(\d{4})-Q([1-4])$/,
  month: /^(\d{4})-(0[1-9]|1[0-2])$/,
};

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function lastDayOfMonth(year: number, month: number): string {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${pad(year, 4)}-${pad(month)}-${pad(days)}`;
}

function monthsPeriod(granularity: Granularity, key: string, year: number, firstMonth: number, months: number): CalendarPeriod {
  return { granularity, key, firstDay: `${pad(year, 4)}-${pad(firstMonth)}-01`, lastDay: lastDayOfMonth(year, firstMonth + months - 1) };
}

/** The period a key names, or undefined when the key is not a whole period of that granularity. */
export function parsePeriodKey(granularity: Granularity, key: string): CalendarPeriod | undefined {
  const match = KEY_PATTERN[granularity].exec(key);
  if (!match) return undefined;
  const year = Number(match[1]);
  if (year < 2000 || year > 2999) return undefined;
  if (granularity === 'year') return monthsPeriod('year', key, year, 1, 12);
  if (granularity === 'quarter') return monthsPeriod('quarter', key, year, (Number(match[2]) - 1) * 3 + 1, 3);
  return monthsPeriod('month', key, year, Number(match[2]), 1);
}

export function periodContaining(granularity: Granularity, day: string): CalendarPeriod {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  if (granularity === 'year') return monthsPeriod('year', `${pad(year, 4)}`, year, 1, 12);
  if (granularity === 'quarter') {
    const quarter = Math.floor((month - 1) / 3) + 1;
    return monthsPeriod('quarter', `${pad(year, 4)}-Q${quarter}`, year, (quarter - 1) * 3 + 1, 3);
  }
  return monthsPeriod('month', `${pad(year, 4)}-${pad(month)}`, year, month, 1);
}

export function nextPeriod(period: CalendarPeriod): CalendarPeriod {
  return periodContaining(period.granularity, addDays(period.lastDay, 1));
}

export function previousPeriod(period: CalendarPeriod): CalendarPeriod {
  return periodContaining(period.granularity, addDays(period.firstDay, -1));
}

/** Whole periods from `from` to `to`, both included. */
export function periodsBetween(from: CalendarPeriod, to: CalendarPeriod): CalendarPeriod[] {
  const periods: CalendarPeriod[] = [];
  for (let p = from; p.firstDay <= to.firstDay; p = nextPeriod(p)) periods.push(p);
  return periods;
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Whole days from one local date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00.000Z`) - Date.parse(`${from}T00:00:00.000Z`)) / 86_400_000);
}

const brussels = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The Belgian calendar date of an instant: a referral received on 31 December at 23:30 UTC counts in
 * January in Brussels, and a service's year is the one its staff live in.
 */
export function brusselsDate(instant: string | Date): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) throw new Error('not an instant');
  return brussels.format(date);
}
