import { DEMO_DISTRICTS, DemoCase, demoCases, DemoStep } from './demo-cases';
import { DemoSession, plannedSessions, sessionStartingNow } from './demo-sessions';

/** Where the seed reports: one line per acknowledged command, and its progress. */
export interface SeedReporter {
  acknowledged(demoCase: DemoCase, referralId: string, status: string): void;
  /** A session command acknowledged (scheduled, held, no-show, incident). */
  sessionAcknowledged(demoCase: DemoCase, sessionId: string, what: string): void;
  progress(done: number, total: number): void;
}

export class DemoSeedError extends Error {}

interface Problem {
  readonly code?: string;
  readonly existingReferralId?: unknown;
}

/** A claimed Idempotency-Key is given up after 60 s (PostgresIdempotencyStore): a little more than that. */
const KEY_LAPSE_MS = 75_000;

/** The statuses a referral may show once a step has been applied (a withdrawn open case is closed). */
const AFTER: Record<DemoStep['kind'], readonly string[]> = {
  accept: ['ACCEPTED', 'CLOSED', 'WITHDRAWN'],
  waitlist: ['WAITLISTED'],
  decline: ['DECLINED'],
  close: ['CLOSED'],
  withdraw: ['WITHDRAWN', 'CLOSED'],
};

interface CommandAnswer {
  readonly id: string;
  readonly status: string;
  readonly etag: string;
}

/**
 * Seeds the demo districts through the public HTTP API, as a coordinator would: every command carries
 * a deterministic Idempotency-Key, so a seed cut short by a crash completes on the next start without
 * doubling anything.
 */
export class DemoSeed {
  private token = '';
  private today = Date.now();

  constructor(
    private readonly baseUrl: string,
    private readonly reporter: SeedReporter,
  ) {}

  async run(today: Date = new Date()): Promise<number> {
    this.token = await this.login();
    this.today = today.getTime();
    const cases = demoCases(today);
    for (const [index, demoCase] of cases.entries()) {
      await this.seedCase(demoCase);
      this.reporter.progress(index + 1, cases.length);
    }
    return cases.length;
  }

  private async seedCase(demoCase: DemoCase): Promise<void> {
    const path = `/api/v1/districts/${demoCase.district}/referrals`;
    let answer = await this.command(path, `demo-${demoCase.number}-register`, demoCase.registration, undefined, (problem) =>
      typeof problem.existingReferralId === 'string' ? this.read(path, problem.existingReferralId) : undefined,
    );
    this.reporter.acknowledged(demoCase, answer.id, answer.status);
    for (const [index, step] of demoCase.steps.entries()) {
      const id = answer.id;
      // A step whose answer was lost in a crash shows as a newer revision of the referral, which only this seed writes.
      answer = await this.command(`${path}/${id}/${step.kind}`, `demo-${demoCase.number}-${index}-${step.kind}`, bodyOf(step), answer.etag, async () => {
        const current = await this.read(path, id);
        return AFTER[step.kind].includes(current.status) ? current : undefined;
      });
      this.reporter.acknowledged(demoCase, answer.id, answer.status);
    }
    if (answer.status === 'ACCEPTED' && demoCase.openSlot !== undefined) await this.seedSessions(demoCase, answer.id, demoCase.openSlot);
  }

  /**
   * An open case's sessions, once sessions has opened its plan from the case-opened contract: two
   * interviews planned in the coming days; the first two open cases of each district also get a session
   * starting now, held (luxembourg's with the demo's one incident) or missed by the parent.
   */
  private async seedSessions(demoCase: DemoCase, referralId: string, slot: number): Promise<void> {
    const referral = await this.get<{ caseId: string; children: Array<{ personId: string }>; adults: Array<{ personId: string }> }>(`/api/v1/districts/${demoCase.district}/referrals/${referralId}`);
    const casePath = `/api/v1/districts/${demoCase.district}/cases/${referral.body.caseId}`;
    const plan = () => this.get<{ sessions: Array<{ sessionId: string; status: string; startsAt: { utc: string } }> }>(`${casePath}/session-plan`);
    await this.eventually(plan);
    const sessions = plannedSessions(demoCase.district, demoCase.number, slot, this.today);
    const outcome = slot === 0 ? (demoCase.district === DEMO_DISTRICTS[0] ? 'held-with-incident' : 'held') : 'no-show';
    if (slot < 2) sessions.push(sessionStartingNow(demoCase.district, demoCase.number, slot, outcome, Date.now()));
    for (const session of sessions) {
      const participant = session.sessionType === 'child-interview' ? referral.body.children[0]?.personId : referral.body.adults[0]?.personId;
      const key = `demo-${demoCase.number}-${session.sessionId}`;
      let current = await plan();
      if (!current.body.sessions.some((s) => s.sessionId === session.sessionId)) {
        await this.post(`${casePath}/sessions`, `${key}-schedule`, undefined, scheduleBody(session, participant ?? ''));
        this.reporter.sessionAcknowledged(demoCase, session.sessionId, 'scheduled');
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
        await this.post(`${casePath}/sessions/${session.sessionId}/incidents`, `${key}-incident`, undefined, incident);
        this.reporter.sessionAcknowledged(demoCase, session.sessionId, 'incident');
        current = await plan();
      }
      if (seen?.status !== 'scheduled') continue;
      if (session.outcome !== 'no-show') {
        // A session is marked held once everyone's attendance is recorded (ATTENDANCE_INCOMPLETE before).
        await this.send('PUT', `${casePath}/sessions/${session.sessionId}/attendance/${participant ?? ''}`, `${key}-attendance`, current.etag, { status: 'present' });
        current = await plan();
      }
      const recorded = session.outcome === 'no-show' ? 'no-show' : 'held';
      await this.post(`${casePath}/sessions/${session.sessionId}/${recorded}`, `${key}-${recorded}`, current.etag, recorded === 'no-show' ? { attributedTo: 'parent', attributedParticipantId: participant } : {});
      this.reporter.sessionAcknowledged(demoCase, session.sessionId, recorded);
    }
  }

  private async get<T>(path: string): Promise<{ body: T; etag: string }> {
    const response = await fetch(`${this.baseUrl}${path}`, { headers: { authorization: `Bearer ${this.token}` } });
    if (!response.ok) throw new DemoSeedError(`${path.replace(/[0-9a-f-]{36}/g, '{id}')} answered ${response.status}`);
    return { body: (await response.json()) as T, etag: response.headers.get('etag') ?? '' };
  }

  /** A POST whose replay is harmless (Idempotency-Key, or an id chosen here): any failure stops the seed. */
  private post(path: string, key: string, ifMatch: string | undefined, body: unknown): Promise<void> {
    return this.send('POST', path, key, ifMatch, body);
  }

  private async send(method: 'POST' | 'PUT', path: string, key: string, ifMatch: string | undefined, body: unknown): Promise<void> {
    const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${this.token}`, 'idempotency-key': key };
    if (ifMatch) headers['if-match'] = ifMatch;
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: JSON.stringify(body) });
    if (response.ok) return;
    const problem = (await response.json().catch(() => ({}))) as Problem;
    throw new DemoSeedError(`${path.replace(/[0-9a-f-]{36}/g, '{id}')} answered ${response.status} ${problem.code ?? ''}`.trim());
  }

  /** Contracts cross the in-process transport in the background: wait a little for their effect. */
  private async eventually<T>(probe: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        return await probe();
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((r) => setTimeout(r, 300));
      }
    }
  }

  private async read(path: string, id: string): Promise<CommandAnswer> {
    const response = await fetch(`${this.baseUrl}${path}/${id}`, { headers: { authorization: `Bearer ${this.token}` } });
    if (!response.ok) throw new DemoSeedError(`reading a demo referral answered ${response.status}`);
    const json = (await response.json()) as { id: string; status: string; revision: string };
    return { id: json.id, status: json.status, etag: response.headers.get('etag') ?? `"${json.revision}"` };
  }

  private async login(): Promise<string> {
    const response = await fetch(`${this.baseUrl}/dev/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: 'demo-seed', roles: ['coordinator'], districts: [...DEMO_DISTRICTS] }),
    });
    if (!response.ok) throw new DemoSeedError(`demo login refused (${response.status})`);
    return ((await response.json()) as { access_token: string }).access_token;
  }

  /**
   * Sends one command. A key still claimed by a request the crash interrupted lapses after a minute: wait.
   * Any other conflict goes to `settle`, which says whether the command had in fact been applied.
   */
  private async command(path: string, key: string, body: unknown, ifMatch: string | undefined, settle: (problem: Problem) => Promise<CommandAnswer | undefined> | undefined): Promise<CommandAnswer> {
    const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${this.token}`, 'idempotency-key': key };
    if (ifMatch) headers['if-match'] = ifMatch;
    const deadline = Date.now() + KEY_LAPSE_MS;
    for (;;) {
      const response = await fetch(`${this.baseUrl}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
      if (response.ok) {
        const json = (await response.json()) as { id: string; status: string };
        return { id: json.id, status: json.status, etag: response.headers.get('etag') ?? '' };
      }
      const problem = (await response.json().catch(() => ({}))) as Problem;
      if (problem.code === 'IDEMPOTENCY_KEY_IN_PROGRESS' && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 2000));
        continue;
      }
      const settled = response.status === 409 || response.status === 412 ? await settle(problem) : undefined;
      if (settled) return settled;
      // The problem's code only: its detail could quote the request.
      throw new DemoSeedError(`${path.replace(/[0-9a-f-]{36}/, '{id}')} answered ${response.status} ${problem.code ?? ''}`.trim());
    }
  }
}

function scheduleBody(session: DemoSession, participantId: string): unknown {
  const { sessionId, sessionType, roomId, practitionerId, startsAt, endsAt } = session;
  return { sessionId, sessionType, participantIds: [participantId], practitionerIds: [practitionerId], roomId, startsAt, endsAt };
}

function bodyOf(step: DemoStep): unknown {
  return 'body' in step ? step.body : {};
}
