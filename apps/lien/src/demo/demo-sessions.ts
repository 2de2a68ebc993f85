/**
 * The demo's sessions. The sessions API takes no event time: a session is scheduled only in the future
 * (SESSION_IN_THE_PAST) and marked held, missed or disturbed only once it has started. So the planned
 * sessions are spread over the coming working days, and the few that need an outcome (held, no-shows,
 * the one incident) start a few seconds after the seed schedules them.
 */
const DAY_MS = 86_400_000;

export type SessionOutcome = 'planned' | 'held' | 'no-show' | 'held-with-incident';

export interface DemoSession {
  readonly sessionId: string;
  readonly sessionType: 'child-interview' | 'parent-interview';
  readonly roomId: string;
  readonly practitionerId: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly outcome: SessionOutcome;
}

const ROOMS: Record<string, readonly string[]> = { luxembourg: ['salle-bleue', 'salle-verte', 'salle-jaune'], namur: ['salle-1', 'salle-2'] };

/** A version-4-shaped UUID from the case number and the session's rank: the same at every run. */
function sessionId(caseNumber: number, rank: number): string {
  return `0000de5e-0000-4000-8000-${String(caseNumber * 10 + rank).padStart(12, '0')}`;
}

/** The offset the sessions API requires, without milliseconds. */
function withOffset(time: number): string {
  return `${new Date(time).toISOString().slice(0, 19)}+00:00`;
}

/** The n-th working day after `from` (Monday to Friday), at midnight UTC. */
function workingDay(from: number, n: number): number {
  let day = Date.UTC(new Date(from).getUTCFullYear(), new Date(from).getUTCMonth(), new Date(from).getUTCDate());
  for (let left = n; left > 0; ) {
    day += DAY_MS;
    const weekday = new Date(day).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return day;
}

/**
 * The planned interviews of an open case: its child, then a parent, on the `slot`-th working day from
 * today (08:00 and 09:30 UTC), in two rooms with two practitioners, so that no two cases collide.
 */
export function plannedSessions(district: string, caseNumber: number, slot: number, today: number): DemoSession[] {
  const rooms = ROOMS[district] ?? ['salle-1', 'salle-2'];
  const day = workingDay(today, slot + 1);
  const at = (hours: number) => withOffset(day + hours * 3_600_000);
  return [
    { sessionId: sessionId(caseNumber, 1), sessionType: 'child-interview', roomId: rooms[0] ?? 'salle-1', practitionerId: 'demo-praticienne-1', startsAt: at(8), endsAt: at(9), outcome: 'planned' },
    { sessionId: sessionId(caseNumber, 2), sessionType: 'parent-interview', roomId: rooms[1] ?? 'salle-2', practitionerId: 'demo-praticienne-2', startsAt: at(9.5), endsAt: at(10.5), outcome: 'planned' },
  ];
}

/**
 * A session starting a few seconds from `now`, for an outcome: the `slot`-th such session of its
 * district has a room and a practitioner of its own, so those running at once never collide.
 */
export function sessionStartingNow(district: string, caseNumber: number, slot: number, outcome: Exclude<SessionOutcome, 'planned'>, now: number): DemoSession {
  const rooms = ROOMS[district] ?? ['salle-1', 'salle-2'];
  const start = Math.ceil((now + 3000) / 1000) * 1000;
  return {
    sessionId: sessionId(caseNumber, 3),
    sessionType: outcome === 'no-show' ? 'parent-interview' : 'child-interview',
    roomId: rooms[rooms.length - 1 - slot] ?? 'salle-1',
    practitionerId: `demo-praticien-${slot + 3}`,
    startsAt: withOffset(start),
    endsAt: withOffset(start + 45 * 60_000),
    outcome,
  };
}
