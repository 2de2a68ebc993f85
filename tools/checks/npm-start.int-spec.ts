import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PgliteEventStore } from '@lien/shared-event-store-pglite';
import { acknowledgedFollowUp, devToken, eventually, followUpStates, LienProcess, referralIds } from './lien-process';

// One file, run in order: the starts share dist/, which the first start builds.
const port = 3600 + Math.floor(Math.random() * 300);
const baseUrl = `http://127.0.0.1:${port}`;
const year = new Date().getUTCFullYear();

const REFERRAL = {
  mandate: {
    mandantType: 'FAMILY_COURT',
    reference: 'TEST/START/01',
    decisionDate: new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10),
    legalBasis: 'CONSTRAINED',
    modalities: [{ kind: 'SUPERVISED_MEETINGS', sessionsPerMonth: 2, durationMonths: 6 }],
    reportDeadlines: [{ kind: 'FINAL', dueOn: new Date(Date.now() + 160 * 86_400_000).toISOString().slice(0, 10) }],
  },
  children: [{ personId: '0000a000-0000-4000-8000-000000000001', firstName: 'Enfant Fictif', lastName: 'Test', birthDate: '2016-03-12' }],
  adults: [{ personId: '0000a000-0000-4000-8000-000000000002', role: 'MOTHER', firstName: 'Parent Démo', lastName: 'Test' }],
  protectiveMeasures: [],
};

async function ready(): Promise<void> {
  const response = await fetch(`${baseUrl}/health/ready`);
  if (response.status !== 200) throw new Error(`not ready: ${response.status} ${await response.text()}`);
}

async function indicatorTotals(token: string, district: string): Promise<Record<string, number>> {
  const response = await fetch(`${baseUrl}/api/v1/districts/${district}/indicators?from=${year}&to=${year}`, { headers: { authorization: `Bearer ${token}` } });
  if (response.status !== 200) throw new Error(`indicators answered ${response.status}`);
  const { report } = (await response.json()) as { report: { periods: Array<{ indicators: Record<string, { total: number }> }> } };
  return Object.fromEntries(Object.entries(report.periods[0]?.indicators ?? {}).map(([id, indicator]) => [id, indicator.total]));
}

async function referralsReceived(token: string): Promise<number> {
  return (await indicatorTotals(token, 'luxembourg'))['referrals-received'] ?? 0;
}

describe('npm start: the whole platform in one process on a fresh data folder', () => {
  let dataDir: string;
  let lien: LienProcess;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'lien-start-'));
  });

  afterAll(async () => {
    await lien?.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('given no database, broker or account, when started, then one port answers ready for the four services and prints how to log in', async () => {
    lien = new LienProcess({ LIEN_DATA_DIR: dataDir, PORT: String(port), LIEN_SEED: 'none' });
    await lien.waitForLine(/lien: ready on/, 300_000);
    await eventually(ready, 30_000);
    const health = (await (await fetch(`${baseUrl}/health/ready`)).json()) as { info: Record<string, unknown> };
    expect(Object.keys(health.info).sort()).toEqual(['assessments', 'referrals', 'reporting', 'sessions']);
    expect(lien.output).toContain('starting embedded PostgreSQL (PGlite)');
    expect(lien.output).toContain(`curl -s -X POST ${baseUrl}/dev/login`);
  }, 330_000);

  it('given the platform up, when a coordinator registers a referral, then the reporting dashboard counts it (the contract crossed the in-process transport)', async () => {
    const token = await devToken(baseUrl, ['luxembourg']);
    const created = await fetch(`${baseUrl}/api/v1/districts/luxembourg/referrals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': 'npm-start-test-1' },
      body: JSON.stringify(REFERRAL),
    });
    expect(created.status).toBe(201);
    expect(await eventually(async () => {
      const n = await referralsReceived(token);
      if (n < 1) throw new Error('not counted yet');
      return n;
    }, 30_000)).toBe(1);
    const page = await fetch(`${baseUrl}/tableau-de-bord/districts/luxembourg?from=${year}&to=${year}`, { headers: { authorization: `Bearer ${token}` } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
  }, 60_000);

  it('given the platform up, when stopped, then the process exits cleanly and the port is free', async () => {
    expect((await lien.stop('SIGTERM')).code).toBe(0);
    await expect(ready()).rejects.toThrow();
  }, 60_000);

  it('given the data of the first start, when started again, then the referral is still there and the start takes under 15 seconds', async () => {
    lien = new LienProcess({ LIEN_DATA_DIR: dataDir, PORT: String(port), LIEN_SEED: 'none' });
    const started = Date.now();
    await lien.waitForLine(/lien: ready on/, 120_000);
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(`second start: ready after ${seconds.toFixed(1)} s; ${await lien.waitForLine(/started in/, 1000)}\n`);
    const token = await devToken(baseUrl, ['luxembourg']);
    expect(await referralIds(baseUrl, token, 'luxembourg')).toHaveLength(1);
    expect(await referralsReceived(token)).toBe(1);
    expect(seconds).toBeLessThan(15);
    await lien.stop('SIGTERM');
  }, 150_000);
});

describe('npm start: the demo seed survives a kill', () => {
  let dataDir: string;
  let lien: LienProcess;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'lien-seed-'));
  });

  afterAll(async () => {
    await lien?.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('given a seed killed midway, when started again, then every acknowledged command is there and the seed completes with 40 cases, no more', async () => {
    lien = new LienProcess({ LIEN_DATA_DIR: dataDir, PORT: String(port) });
    // Killed between a decision's draft and its co-signature: the resumed seed must sign it, not draft it twice.
    await lien.waitForLine(/seed acknowledged follow-up 6 luxembourg \S+ decision adapt drafted/, 300_000);
    await lien.stop('SIGKILL');
    const referralOf = new Map(lien.lines.flatMap((l) => {
      const match = /seed acknowledged case (\d+) \S+ ([0-9a-f-]{36})/.exec(l);
      return match ? [[Number(match[1]), match[2] as string] as const] : [];
    }));
    const followUps = lien.lines.flatMap((l) => acknowledgedFollowUp(l) ?? []);
    expect(referralOf.size).toBeGreaterThanOrEqual(6);
    expect(followUps.length).toBeGreaterThan(10);

    lien = new LienProcess({ LIEN_DATA_DIR: dataDir, PORT: String(port) });
    await lien.waitForLine(/seed complete: 40 demo cases/, 300_000);
    const token = await devToken(baseUrl, ['luxembourg', 'namur']);
    const stored = [...(await referralIds(baseUrl, token, 'luxembourg')), ...(await referralIds(baseUrl, token, 'namur'))];
    expect(stored).toHaveLength(40);
    for (const id of referralOf.values()) expect(stored).toContain(id);
    for (const caseNumber of new Set(followUps.map((f) => f.caseNumber))) {
      const ofCase = followUps.filter((x) => x.caseNumber === caseNumber);
      const states = await followUpStates(baseUrl, token, ofCase[0]?.district ?? '', referralOf.get(caseNumber) ?? '');
      for (const f of ofCase) expect(states).toContain(f.state);
    }
    expect(lien.output).toMatch(/seed progress 40\/40/);
    // Completed once, nothing doubled: what each district's dashboard counts this year.
    const totals = await eventually(async () => {
      const both = [await indicatorTotals(token, 'luxembourg'), await indicatorTotals(token, 'namur')];
      if (both.some((t) => t['reports-to-mandants'] !== 1)) throw new Error('reports not counted yet');
      return both;
    }, 30_000);
    for (const t of totals) {
      expect(t).toMatchObject({ 'referrals-received': 20, 'waiting-list': 4, 'bond-decisions': 4, 'wellbeing-trend': 8, 'sessions-held': 1, 'no-shows': 1, 'reports-to-mandants': 1 });
    }
    expect(totals.map((t) => t['incidents'])).toEqual([1, 0]);
  }, 620_000);
});

describe('npm start: a crash between a mandate reference\'s reservation and its referral', () => {
  let dataDir: string;
  let lien: LienProcess;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'lien-reservation-'));
  });

  afterAll(async () => {
    await lien?.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('given demo case 1\'s reference reserved 100 s ago for a referral never written, when the seed runs, then it waits for the reservation to lapse and completes', async () => {
    lien = new LienProcess({ LIEN_DATA_DIR: dataDir, PORT: String(port), LIEN_SEED: 'none' });
    await lien.waitForLine(/lien: ready on/, 120_000);
    await lien.stop('SIGTERM');
    // What a SIGKILL between the two appends of a registration leaves: the reservation of demo case 1
    // (luxembourg, SPJ, DEMO/LUX/01) naming a referral that was never stored.
    const digest = createHash('sha256').update('SPJ:DEMOLUX01').digest('hex').slice(0, 40);
    const events = await PgliteEventStore.open({ dataDir: join(dataDir, 'pglite-events'), schema: 'lien_referrals_events' });
    const metadata = { district: 'luxembourg', correlationId: randomUUID(), causationId: randomUUID(), actor: { userId: 'demo-seed', role: 'coordinator' }, occurredAt: new Date().toISOString() };
    const reservedAt = new Date(Date.now() - 100_000).toISOString();
    await events.append(`referralref-luxembourg.${digest}`, [{ type: 'referrals.MandateReferenceReserved.v1', data: { referralId: randomUUID(), reservedAt }, metadata }], { expectedRevision: 'no-stream' });
    await events.close();

    lien = new LienProcess({ LIEN_DATA_DIR: dataDir, PORT: String(port) });
    expect(await lien.waitForLine(/seed complete: 40 demo cases|demo seed interrupted/, 400_000)).toMatch(/seed complete/);
    const token = await devToken(baseUrl, ['luxembourg']);
    expect(await referralIds(baseUrl, token, 'luxembourg')).toHaveLength(20);
  }, 560_000);
});

describe('npm start: bad input gets one clear line and a non-zero exit', () => {
  const noStack = (output: string) => expect(output).not.toMatch(/^\s+at /m);

  it('given the port already in use, when started, then it names the port and exits with 2', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(port, '127.0.0.1', () => r()));
    try {
      const lien = new LienProcess({ PORT: String(port), LIEN_SEED: 'none' });
      expect((await lien.exit()).code).toBe(2);
      expect(lien.output).toContain(`lien: port ${port} on 127.0.0.1 is already in use`);
      noStack(lien.output);
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  }, 120_000);

  it('given a data folder that cannot be written, when started, then it says so and exits with 2', async () => {
    // Tests run as root, who may write anywhere: a folder below a plain file can be created by no one.
    const file = join(mkdtempSync(join(tmpdir(), 'lien-file-')), 'not-a-folder');
    writeFileSync(file, '');
    const lien = new LienProcess({ PORT: String(port), LIEN_DATA_DIR: join(file, 'data'), LIEN_SEED: 'none' });
    expect((await lien.exit()).code).toBe(2);
    expect(lien.output).toContain('is not writable; set LIEN_DATA_DIR');
    noStack(lien.output);
  }, 120_000);

  it('given KAFKA_BROKERS without DATABASE_URL, when started, then it refuses the half-configured real parts and exits with 2', async () => {
    const lien = new LienProcess({ PORT: String(port), KAFKA_BROKERS: '127.0.0.1:19092' });
    expect((await lien.exit()).code).toBe(2);
    expect(lien.output).toContain('lien: KAFKA_BROKERS given without DATABASE_URL');
    noStack(lien.output);
  }, 120_000);
});
