import { DEMO_DISTRICTS, DemoCase, demoCases, DemoStep } from './demo-cases';

/** Where the seed reports: one line per acknowledged command, and its progress. */
export interface SeedReporter {
  acknowledged(demoCase: DemoCase, referralId: string, status: string): void;
  progress(done: number, total: number): void;
}

export class DemoSeedError extends Error {}

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

  constructor(
    private readonly baseUrl: string,
    private readonly reporter: SeedReporter,
  ) {}

  async run(today: Date = new Date()): Promise<number> {
    this.token = await this.login();
    const cases = demoCases(today);
    for (const [index, demoCase] of cases.entries()) {
      await this.seedCase(demoCase);
      this.reporter.progress(index + 1, cases.length);
    }
    return cases.length;
  }

  private async seedCase(demoCase: DemoCase): Promise<void> {
    const path = `/api/v1/districts/${demoCase.district}/referrals`;
    let answer = await this.command(path, `demo-${demoCase.number}-register`, demoCase.registration);
    this.reporter.acknowledged(demoCase, answer.id, answer.status);
    for (const [index, step] of demoCase.steps.entries()) {
      answer = await this.command(`${path}/${answer.id}/${step.kind}`, `demo-${demoCase.number}-${index}-${step.kind}`, bodyOf(step), answer.etag);
      this.reporter.acknowledged(demoCase, answer.id, answer.status);
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

  private async command(path: string, key: string, body: unknown, ifMatch?: string): Promise<CommandAnswer> {
    const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${this.token}`, 'idempotency-key': key };
    if (ifMatch) headers['if-match'] = ifMatch;
    const response = await fetch(`${this.baseUrl}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    if (!response.ok) {
      // The problem's type and title only: its detail could quote the request.
      const problem = (await response.json().catch(() => ({}))) as { title?: string; code?: string };
      throw new DemoSeedError(`${path.replace(/[0-9a-f-]{36}/, '{id}')} answered ${response.status} ${problem.code ?? problem.title ?? ''}`.trim());
    }
    const json = (await response.json()) as { id: string; status: string };
    return { id: json.id, status: json.status, etag: response.headers.get('etag') ?? '' };
  }
}

function bodyOf(step: DemoStep): unknown {
  return 'body' in step ? step.body : {};
}
