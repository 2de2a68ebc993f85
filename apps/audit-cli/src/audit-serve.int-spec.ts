import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { DevIssuer } from '@lien/shared-auth';
import { eventually } from '@lien/shared-messaging-testing';
import { requiredEnv } from '@lien/shared-testing';
import { openEventStore } from '@lien/shared-wiring';
import { ExitCode } from './exit-codes';
import { runCli } from './run-cli';
import { seedReferrals } from './testing/referral-history';

describe('audit-cli serve: the auditor API as its own process part, on DATABASE_URL alone', () => {
  const id = randomUUID().replace(/-/g, '').slice(0, 8);
  const prefix = `ausrv_${id}`;
  const district = `asv${id}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'audit-serve-'));

  beforeAll(async () => {
    process.env['DATABASE_URL'] = requiredEnv('DATABASE_URL');
    process.env['LIEN_SCHEMA_PREFIX'] = prefix;
    process.env['LIEN_DATA_DIR'] = dataDir;
    const opened = await openEventStore({ mode: 'real', databaseUrl: requiredEnv('DATABASE_URL'), schemaPrefix: prefix }, 'referrals');
    await seedReferrals(opened.store, district, 2);
    await opened.close();
  });

  afterAll(async () => {
    delete process.env['LIEN_SCHEMA_PREFIX'];
    delete process.env['LIEN_DATA_DIR'];
    const pool = new Pool({ connectionString: requiredEnv('DATABASE_URL'), max: 1 });
    await pool.query(`DROP SCHEMA IF EXISTS ${prefix}_referrals_events CASCADE; DROP SCHEMA IF EXISTS ${prefix}_referrals_keys CASCADE`);
    await pool.end();
  });

  it('given serve on any free port, when an auditor of the district calls verify with a token of the development issuer, then 200; stopped, it exits 0', async () => {
    const stop = new AbortController();
    const out: string[] = [];
    const running = runCli(['serve', '--port', '0', '--service', 'referrals'], (l) => out.push(l), () => undefined, stop.signal);
    await eventually('the API to listen', async () => out.some((l) => l.includes('auditor API on http://')), 30_000);
    const url = /http:\/\/[^/]+/.exec(out.join('\n'))?.[0] as string;
    // The key the API verifies with: the development issuer's, in LIEN_DATA_DIR, as the services use it.
    const issuer = await DevIssuer.open(join(dataDir, 'dev-issuer', 'signing-key.json'));
    const auditor = await issuer.mint({ userId: 'auditor-s', roles: ['auditor'], districts: [district] });
    const response = await fetch(`${url}/api/v1/audit/districts/${district}/verify`, { headers: { authorization: `Bearer ${auditor}` } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ district, intact: true, eventsChecked: 6 });
    const analyst = await issuer.mint({ userId: 'analyst-s', roles: ['ministry-analyst'], districts: [district] });
    expect((await fetch(`${url}/api/v1/audit/districts/${district}/verify`, { headers: { authorization: `Bearer ${analyst}` } })).status).toBe(403);
    stop.abort();
    expect(await running).toBe(ExitCode.ok);
  });

  it('given a port that is not a number, when serve is asked, then exit 2', async () => {
    expect(await runCli(['serve', '--port', 'http'], () => undefined, () => undefined)).toBe(ExitCode.usage);
  });
});
