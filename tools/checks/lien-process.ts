import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../..');

/** `npm start` as a child process, its output kept, on a data folder and port of its own. */
export class LienProcess {
  readonly lines: string[] = [];
  readonly child: ChildProcess;
  private readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(env: NodeJS.ProcessEnv) {
    // The embedded default unless a test says otherwise: no real parts inherited from the environment.
    const { DATABASE_URL: _database, KAFKA_BROKERS: _brokers, KURRENTDB_URL: _kurrent, ...inherited } = process.env;
    this.child = spawn(process.execPath, [join(root, 'tools/start/start.mjs')], { cwd: root, env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let partial = '';
    const collect = (chunk: Buffer) => {
      const text = partial + String(chunk);
      const parts = text.split('\n');
      partial = parts.pop() ?? '';
      this.lines.push(...parts);
    };
    this.child.stdout?.on('data', collect);
    this.child.stderr?.on('data', collect);
    this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  get output(): string {
    return this.lines.join('\n');
  }

  exit(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    return this.exited;
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    return this.exited;
  }

  /** Waits for a line matching `pattern`, failing early if the process exits first. */
  async waitForLine(pattern: RegExp, timeoutMs: number): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const line = this.lines.find((l) => pattern.test(l));
      if (line) return line;
      if (this.child.exitCode !== null || this.child.signalCode !== null) throw new Error(`exited before ${pattern}: ${this.output.slice(-2000)}`);
      if (Date.now() > deadline) throw new Error(`no ${pattern} within ${timeoutMs} ms: ${this.output.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

export async function eventually<T>(probe: () => Promise<T>, timeoutMs: number, everyMs = 500): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await probe();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, everyMs));
    }
  }
}

export async function devToken(baseUrl: string, districts: string[]): Promise<string> {
  const login = await fetch(`${baseUrl}/dev/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: 'test-coordinatrice', roles: ['coordinator'], districts }),
  });
  if (login.status !== 201 && login.status !== 200) throw new Error(`login answered ${login.status}`);
  return ((await login.json()) as { access_token: string }).access_token;
}

/** Every referral id of a district, page after page. */
export async function referralIds(baseUrl: string, token: string, district: string): Promise<string[]> {
  const response = await fetch(`${baseUrl}/api/v1/districts/${district}/referrals?limit=100`, { headers: { authorization: `Bearer ${token}` } });
  if (response.status !== 200) throw new Error(`list answered ${response.status}`);
  const body = (await response.json()) as { items: Array<{ id: string }>; total: number };
  return body.items.map((i) => i.id);
}

interface FollowUpViews {
  readonly plan: { sessions: Array<{ sessionId: string; status: string }> };
  readonly file: {
    wellbeingAssessments: Array<{ assessmentId: string }>;
    riskAssessments: unknown[];
    decisions: Array<{ decisionId: string; status: string }>;
    reports: Array<{ reportId: string; versions: Array<{ signOffs: unknown[]; sentOn: string | null }> }>;
  };
}

/**
 * What sessions and assessments hold for a demo case, as the states the seed's follow-up lines name:
 * `<id> scheduled|held|no-show|incident`, `<id> wellbeing …`, `<caseId> risk`, `<id> decision <outcome> drafted|signed`,
 * `<id> report generated|signed off|sent`. Each entry is "<id> <state>".
 */
export async function followUpStates(baseUrl: string, token: string, district: string, referralId: string): Promise<Set<string>> {
  const get = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    return (await response.json()) as T;
  };
  const { caseId } = await get<{ caseId: string }>(`/api/v1/districts/${district}/referrals/${referralId}`);
  const casePath = `/api/v1/districts/${district}/cases/${caseId}`;
  const plan = await get<FollowUpViews['plan']>(`${casePath}/session-plan`);
  const file = await get<FollowUpViews['file']>(`${casePath}/assessment-file`);
  const states = new Set<string>();
  for (const s of plan.sessions) {
    states.add(`${s.sessionId} scheduled`);
    if (s.status !== 'scheduled') states.add(`${s.sessionId} ${s.status}`);
    const session = await get<{ incidents: unknown[] }>(`${casePath}/sessions/${s.sessionId}`);
    if (session.incidents.length > 0) states.add(`${s.sessionId} incident`);
  }
  for (const a of file.wellbeingAssessments) states.add(`${a.assessmentId} wellbeing`);
  if (file.riskAssessments.length > 0) states.add(`${caseId} risk`);
  for (const d of file.decisions) {
    states.add(`${d.decisionId} drafted`);
    if (d.status === 'signed') states.add(`${d.decisionId} signed`);
  }
  for (const r of file.reports) {
    const version = r.versions[0];
    states.add(`${r.reportId} generated`);
    if ((version?.signOffs.length ?? 0) >= 2) states.add(`${r.reportId} signed off`);
    if (version?.sentOn) states.add(`${r.reportId} sent`);
  }
  return states;
}

/** A seed line `seed acknowledged follow-up <n> <district> <id> <what>` as the state followUpStates reports. */
export function acknowledgedFollowUp(line: string): { caseNumber: number; district: string; state: string } | undefined {
  const match = /seed acknowledged follow-up (\d+) (\S+) ([0-9a-f-]{36}) (.+)$/.exec(line);
  if (!match) return undefined;
  const [, n, district, id, what] = match as unknown as [string, string, string, string, string];
  const state = what.startsWith('wellbeing') ? 'wellbeing' : what.startsWith('decision') ? (what.endsWith('signed') ? 'signed' : 'drafted') : what.replace(/^report /, '');
  return { caseNumber: Number(n), district, state: `${id} ${state}` };
}
