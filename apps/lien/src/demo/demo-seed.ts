import { DEMO_DISTRICTS, DemoCase, demoCases, DemoStep } from './demo-cases';
import { seedAssessments } from './demo-assessments';
import { DemoHttp, DemoSeedError } from './demo-http';
import { seedSessions } from './demo-sessions';

export { DemoSeedError };

/** Where the seed reports: one line per acknowledged command, and its progress. */
export interface SeedReporter {
  acknowledged(demoCase: DemoCase, referralId: string, status: string): void;
  /** A command of sessions or assessments acknowledged: which case, which session, assessment, decision or report. */
  followUpAcknowledged(number: number, district: string, id: string, what: string): void;
  progress(done: number, total: number): void;
}

interface Problem {
  readonly code?: string;
  readonly existingReferralId?: unknown;
}

/** A claimed Idempotency-Key is given up after 60 s (PostgresIdempotencyStore): a little more than that. */
const KEY_LAPSE_MS = 75_000;
/** How long the referrals read model may take to catch up with its store after a restart. */
const READ_MODEL_CATCH_UP_MS = 30_000;
/** A little more than the referrals service's reservation grace (RESERVATION_GRACE_MS, 2 minutes). */
const RESERVATION_HAND_OVER_MS = 150_000;
/** A conflict that settles itself: send the command again in a while. */
const TRY_AGAIN_LATER = Symbol('try again later');

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
    let answer = await this.command(path, `demo-${demoCase.number}-register`, demoCase.registration, undefined, async (problem) => {
      if (typeof problem.existingReferralId !== 'string') return undefined;
      // A crash between the reference's reservation and the referral itself leaves a holder that was
      // never written: the service hands the reference over once the reservation's grace has passed.
      return (await this.read(path, problem.existingReferralId, () => true, { missingIsAnswer: true })) ?? TRY_AGAIN_LATER;
    });
    this.reporter.acknowledged(demoCase, answer.id, answer.status);
    for (const [index, step] of demoCase.steps.entries()) {
      const id = answer.id;
      // A step whose answer was lost in a crash shows as a newer revision of the referral, which only this seed writes.
      answer = await this.command(`${path}/${id}/${step.kind}`, `demo-${demoCase.number}-${index}-${step.kind}`, bodyOf(step), answer.etag, async () => {
        const current = await this.read(path, id, (answer) => AFTER[step.kind].includes(answer.status));
        return AFTER[step.kind].includes(current.status) ? current : undefined;
      });
      this.reporter.acknowledged(demoCase, answer.id, answer.status);
    }
    if (answer.status === 'ACCEPTED' && demoCase.openSlot !== undefined) await this.followUp(demoCase, answer.id, demoCase.openSlot);
  }

  /** An open case's sessions, assessments, decision and report, each service reached through its API. */
  private async followUp(demoCase: DemoCase, referralId: string, slot: number): Promise<void> {
    const coordinator = new DemoHttp(this.baseUrl, this.token);
    const practitioner = await DemoHttp.login(this.baseUrl, 'demo-praticienne-1', ['practitioner'], DEMO_DISTRICTS);
    type Detail = { caseId: string; mandate: { decisionDate: string; reportDeadlines: Array<{ kind: string; dueOn: string }> }; children: Array<{ personId: string }>; adults: Array<{ personId: string }> };
    const { body } = await coordinator.get<Detail>(`/api/v1/districts/${demoCase.district}/referrals/${referralId}`);
    const open = {
      number: demoCase.number,
      district: demoCase.district,
      caseId: body.caseId,
      childId: body.children[0]?.personId ?? '',
      parentId: body.adults[0]?.personId ?? '',
      decisionDate: body.mandate.decisionDate,
      interimDueOn: body.mandate.reportDeadlines.find((d) => d.kind === 'INTERIM')?.dueOn ?? null,
      slot,
    };
    const reporter = { sessionAcknowledged: this.reporter.followUpAcknowledged, assessmentAcknowledged: this.reporter.followUpAcknowledged };
    await seedSessions(coordinator, reporter, open, DEMO_DISTRICTS[0], this.today);
    await seedAssessments(practitioner, coordinator, reporter, open, this.today);
  }

  /**
   * The referral as its read model shows it. After a restart that model may still be catching up with
   * the store, so a referral not found yet, or one not yet at the state `settled` looks for, is asked
   * again for a while before the answer counts.
   */
  private async read(path: string, id: string, settled?: (answer: CommandAnswer) => boolean): Promise<CommandAnswer>;
  private async read(path: string, id: string, settled: (answer: CommandAnswer) => boolean, options: { missingIsAnswer: true }): Promise<CommandAnswer | undefined>;
  private async read(path: string, id: string, settled: (answer: CommandAnswer) => boolean = () => true, options: { missingIsAnswer?: boolean } = {}): Promise<CommandAnswer | undefined> {
    const deadline = Date.now() + READ_MODEL_CATCH_UP_MS;
    for (;;) {
      const response = await fetch(`${this.baseUrl}${path}/${id}`, { headers: { authorization: `Bearer ${this.token}` } });
      if (response.ok) {
        const json = (await response.json()) as { id: string; status: string; revision: string };
        const answer = { id: json.id, status: json.status, etag: response.headers.get('etag') ?? `"${json.revision}"` };
        if (settled(answer) || Date.now() > deadline) return answer;
      } else if (response.status === 404 && options.missingIsAnswer && Date.now() > deadline) {
        return undefined;
      } else if (response.status !== 404 || Date.now() > deadline) {
        throw new DemoSeedError(`reading a demo referral answered ${response.status}`);
      }
      await new Promise((r) => setTimeout(r, 500));
    }
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
  private async command(path: string, key: string, body: unknown, ifMatch: string | undefined, settle: (problem: Problem) => Promise<CommandAnswer | typeof TRY_AGAIN_LATER | undefined>): Promise<CommandAnswer> {
    const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${this.token}`, 'idempotency-key': key };
    if (ifMatch) headers['if-match'] = ifMatch;
    const deadline = Date.now() + KEY_LAPSE_MS;
    const handOverDeadline = Date.now() + RESERVATION_HAND_OVER_MS;
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
      if (settled === TRY_AGAIN_LATER && Date.now() < handOverDeadline) {
        await new Promise((r) => setTimeout(r, 5000));
        continue;
      }
      if (settled && settled !== TRY_AGAIN_LATER) return settled;
      // The problem's code only: its detail could quote the request.
      throw new DemoSeedError(`${path.replace(/[0-9a-f-]{36}/, '{id}')} answered ${response.status} ${problem.code ?? ''}`.trim());
    }
  }
}

function bodyOf(step: DemoStep): unknown {
  return 'body' in step ? step.body : {};
}
