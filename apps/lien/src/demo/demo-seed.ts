import { DEMO_DISTRICTS, DemoCase, demoCases, DemoStep } from './demo-cases';
import { seedAssessments } from './demo-assessments';
import { Answer, DemoHttp, DemoSeedError, SendOptions, TRY_AGAIN_LATER } from './demo-http';
import { seedSessions } from './demo-sessions';

export { DemoSeedError };

/** Where the seed reports: one line per acknowledged command, and its progress. */
export interface SeedReporter {
  acknowledged(demoCase: DemoCase, referralId: string, status: string): void;
  /** A command of sessions or assessments acknowledged: which case, which session, assessment, decision or report. */
  followUpAcknowledged(number: number, district: string, id: string, what: string): void;
  progress(done: number, total: number): void;
}

/** How long the referrals read model may take to catch up with its store after a restart. */
const READ_MODEL_CATCH_UP_MS = 30_000;
/** A little more than the referrals service's reservation grace (RESERVATION_GRACE_MS, 2 minutes). */
const RESERVATION_HAND_OVER_MS = 150_000;

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

/** What the seed reads of a referral: an answer to a command or a read carries the same fields. */
function commandAnswer({ body, etag }: Answer<unknown>): CommandAnswer {
  const { id, status, revision } = body as { id: string; status: string; revision?: string };
  return { id, status, etag: etag || (revision === undefined ? '' : `"${revision}"`) };
}

/**
 * Seeds the demo districts through the public HTTP API, as a coordinator would: every command carries
 * a deterministic Idempotency-Key, so a seed cut short by a crash completes on the next start without
 * doubling anything.
 */
export class DemoSeed {
  private http?: DemoHttp;
  private today = Date.now();

  constructor(
    private readonly baseUrl: string,
    private readonly reporter: SeedReporter,
  ) {}

  async run(today: Date = new Date()): Promise<number> {
    this.http = await DemoHttp.login(this.baseUrl, 'demo-seed', ['coordinator'], [...DEMO_DISTRICTS]);
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
    let answer = await this.command(path, `demo-${demoCase.number}-register`, demoCase.registration, {
      settle: async (problem) => {
        if (typeof problem['existingReferralId'] !== 'string') return undefined;
        // A crash between the reference's reservation and the referral itself leaves a holder that was
        // never written: the service hands the reference over once the reservation's grace has passed.
        return (await this.read(path, problem['existingReferralId'])) ?? TRY_AGAIN_LATER;
      },
      tryAgainForMs: RESERVATION_HAND_OVER_MS,
    });
    this.reporter.acknowledged(demoCase, answer.id, answer.status);
    for (const [index, step] of demoCase.steps.entries()) {
      const id = answer.id;
      // A step whose answer was lost in a crash shows as a newer revision of the referral, which only this seed writes.
      const applied = (current: Answer<unknown>) => AFTER[step.kind].includes(commandAnswer(current).status);
      answer = await this.command(`${path}/${id}/${step.kind}`, `demo-${demoCase.number}-${index}-${step.kind}`, bodyOf(step), {
        ifMatch: answer.etag,
        settle: async () => {
          const current = await this.read(path, id, applied);
          return current && applied(current) ? current : undefined;
        },
      });
      this.reporter.acknowledged(demoCase, answer.id, answer.status);
    }
    if (answer.status === 'ACCEPTED' && demoCase.openSlot !== undefined) await this.followUp(demoCase, answer.id, demoCase.openSlot);
  }

  /** An open case's sessions, assessments, decision and report, each service reached through its API. */
  private async followUp(demoCase: DemoCase, referralId: string, slot: number): Promise<void> {
    const coordinator = this.signedIn();
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

  private signedIn(): DemoHttp {
    if (!this.http) throw new DemoSeedError('the demo seed has not signed in');
    return this.http;
  }

  /**
   * The referral as its read model shows it, or undefined when it never shows. After a restart that
   * model may still be catching up with the store, so one not yet at the state `settled` looks for is
   * asked again for a while before the answer counts.
   */
  private async read(path: string, id: string, settled: (answer: Answer<unknown>) => boolean = () => true): Promise<Answer<unknown> | undefined> {
    const deadline = Date.now() + READ_MODEL_CATCH_UP_MS;
    for (;;) {
      const found = await this.signedIn().find<unknown>(`${path}/${id}`);
      if (!found || settled(found) || Date.now() > deadline) return found;
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  /** Sends one referral command through the seed's session; see `DemoHttp.send` for retries and `settle`. */
  private async command(path: string, key: string, body: unknown, options: SendOptions): Promise<CommandAnswer> {
    return commandAnswer(await this.signedIn().send('POST', path, key, body, options));
  }
}

function bodyOf(step: DemoStep): unknown {
  return 'body' in step ? step.body : {};
}
