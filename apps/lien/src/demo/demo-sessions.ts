import { DemoHttp } from './demo-http';

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

/** What the seed knows of an open demo case once its referral is accepted. */
export interface OpenDemoCase {
  readonly number: number;
  readonly district: string;
  readonly caseId: string;
  readonly childId: string;
  readonly parentId: string;
  readonly decisionDate: string;
  /** The mandate's interim report deadline, which the demo's report answers. */
  readonly interimDueOn: string | null;
  /** Its rank among its district's open cases. */
  readonly slot: number;
}

export interface SessionReporter {
  sessionAcknowledged(number: number, district: string, sessionId: string, what: string): void;
}

interface PlanView {
  readonly sessions: ReadonlyArray<{ readonly sessionId: string; readonly status: string; readonly startsAt: { readonly utc: string } }>;
}

/**
 * An open case's sessions, once sessions has opened its plan from the case-opened contract: two
 * interviews planned in the coming days; the first two open cases of each district also get a session
 * starting now, held (the first district's with the demo's one incident) or missed by the parent.
 */
export async function seedSessions(http: DemoHttp, reporter: SessionReporter, demo: OpenDemoCase, firstDistrict: string, today: number): Promise<void> {
  const casePath = `/api/v1/districts/${demo.district}/cases/${demo.caseId}`;
  const plan = () => http.get<PlanView>(`${casePath}/session-plan`);
  await http.eventually(plan);
  const sessions = plannedSessions(demo.district, demo.number, demo.slot, today);
  const outcome = demo.slot === 0 ? (demo.district === firstDistrict ? 'held-with-incident' : 'held') : 'no-show';
  if (demo.slot < 2) sessions.push(sessionStartingNow(demo.district, demo.number, demo.slot, outcome, Date.now()));
  for (const session of sessions) {
    const participant = session.sessionType === 'child-interview' ? demo.childId : demo.parentId;
    const key = `demo-${demo.number}-${session.sessionId}`;
    const path = `${casePath}/sessions/${session.sessionId}`;
    let current = await plan();
    if (!current.body.sessions.some((s) => s.sessionId === session.sessionId)) {
      await http.send('POST', `${casePath}/sessions`, `${key}-schedule`, scheduleBody(session, participant));
      reporter.sessionAcknowledged(demo.number, demo.district, session.sessionId, 'scheduled');
      current = await plan();
    }
    if (session.outcome === 'planned') continue;
    const seen = current.body.sessions.find((s) => s.sessionId === session.sessionId);
    // Outcomes are recorded once the session has started (SESSION_NOT_STARTED_YET before).
    const wait = Date.parse(seen?.startsAt.utc ?? session.startsAt) + 500 - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (session.outcome === 'held-with-incident') {
      // Reported as it happens, before the session is marked held; the incident id makes a replay a no-op.
      const incident = { incidentId: session.sessionId.replace('0000de5e', '0000de1c'), severity: 'minor', interruptedSession: false, informed: ['coordinator'] };
      await http.send('POST', `${path}/incidents`, `${key}-incident`, incident);
      reporter.sessionAcknowledged(demo.number, demo.district, session.sessionId, 'incident');
      current = await plan();
    }
    if (seen?.status !== 'scheduled') continue;
    if (session.outcome !== 'no-show') {
      // A session is marked held once everyone's attendance is recorded (ATTENDANCE_INCOMPLETE before).
      await http.send('PUT', `${path}/attendance/${participant}`, `${key}-attendance`, { status: 'present' }, { ifMatch: current.etag });
      current = await plan();
    }
    const recorded = session.outcome === 'no-show' ? 'no-show' : 'held';
    await http.send('POST', `${path}/${recorded}`, `${key}-${recorded}`, recorded === 'no-show' ? { attributedTo: 'parent', attributedParticipantId: participant } : {}, { ifMatch: current.etag });
    reporter.sessionAcknowledged(demo.number, demo.district, session.sessionId, recorded);
  }
}

function scheduleBody(session: DemoSession, participantId: string): unknown {
  const { sessionId, sessionType, roomId, practitionerId, startsAt, endsAt } = session;
  return { sessionId, sessionType, participantIds: [participantId], practitionerIds: [practitionerId], roomId, startsAt, endsAt };
}
