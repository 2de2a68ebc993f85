import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { requiredEnv } from '@lien/shared-testing';
import { openEventStore } from '@lien/shared-wiring';
import { ExitCode } from './exit-codes';
import { HELP, runCli } from './run-cli';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, (l) => out.push(l), (l) => err.push(l));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('the auditor command line on the real PostgreSQL store', () => {
  const district = `audit${randomUUID().replace(/-/g, '').slice(0, 8)}`;
  // Own schemas (LIEN_SCHEMA_PREFIX), so the tampering below never touches a real service's store.
  const prefix = `audit_${randomUUID().replace(/-/g, '').slice(0, 8)}`;
  const stream = `referral-${randomUUID()}`;
  let firstEventId = '';

  beforeAll(async () => {
    process.env['DATABASE_URL'] = requiredEnv('DATABASE_URL');
    process.env['LIEN_SCHEMA_PREFIX'] = prefix;
    const opened = await openEventStore({ mode: 'real', databaseUrl: requiredEnv('DATABASE_URL'), schemaPrefix: prefix }, 'referrals');
    const metadata = { district, correlationId: 'c', causationId: 'c', actor: { userId: 'u', role: 'coordinator' }, occurredAt: '2026-05-01T09:00:00.000Z' };
    const appended = await opened.raw.append(stream, [0, 1, 2].map((n) => ({ type: 'referrals.Observed.v1', data: { n }, metadata })), { expectedRevision: 'no-stream' });
    expect(appended.nextExpectedRevision).toBe(2n);
    firstEventId = (await opened.raw.readStream(stream, { district }))[0]?.id ?? '';
    await opened.close();
  });

  afterAll(async () => {
    delete process.env['LIEN_SCHEMA_PREFIX'];
    const pool = new Pool({ connectionString: requiredEnv('DATABASE_URL') });
    for (const service of ['referrals', 'sessions', 'assessments']) {
      await pool.query(`DROP SCHEMA IF EXISTS ${prefix}_${service}_events CASCADE; DROP SCHEMA IF EXISTS ${prefix}_${service}_keys CASCADE`);
    }
    await pool.end();
  });

  it('given --help, when run, then it documents every command and exit code', async () => {
    const { code, out } = await cli('--help');
    expect(code).toBe(ExitCode.ok);
    expect(out).toMatch(/verify-proof/);
    expect(out).toMatch(/3 chain broken/);
    expect(out).toMatch(/10 interrupted/);
  });

  it('given the README, when its auditor section is read, then it shows the --help output verbatim', () => {
    const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
    expect(readme).toContain(`\`\`\`\n${HELP}\n\`\`\``);
  });

  it('given an unknown command or a bad district code, when run, then a one-line usage error and exit 2', async () => {
    expect((await cli('frobnicate')).code).toBe(ExitCode.usage);
    const bad = await cli('verify', '--district', 'Luxembourg!');
    expect(bad).toMatchObject({ code: ExitCode.usage, err: 'lien-audit: not a district code: Luxembourg!' });
  });

  it('given a district with no events, when verified, then exit 4', async () => {
    expect((await cli('verify', '--district', 'nowhere', '--service', 'referrals')).code).toBe(ExitCode.unknownDistrict);
  });

  it('given an intact district, when verified, sealed and proven, then the proof verifies offline', async () => {
    expect((await cli('verify', '--district', district, '--service', 'referrals')).code).toBe(ExitCode.ok);
    expect((await cli('seal', '--district', district, '--service', 'referrals')).code).toBe(ExitCode.ok);
    const proof = await cli('prove', '--district', district, '--event', firstEventId, '--service', 'referrals');
    expect(proof.code).toBe(ExitCode.ok);
    const file = join(mkdtempSync(join(tmpdir(), 'proof-')), 'proof.json');
    writeFileSync(file, proof.out);
    expect((await cli('verify-proof', '--file', file)).code).toBe(ExitCode.ok);
    const forged = JSON.parse(proof.out);
    forged.index = (forged.index + 1) % forged.size;
    writeFileSync(file, JSON.stringify(forged));
    expect((await cli('verify-proof', '--file', file)).code).toBe(ExitCode.proofInvalid);
  });

  it('given --every, when sealing, then it seals periodically until stopped', async () => {
    const stop = new AbortController();
    const sealed: string[] = [];
    const code = await runCli(['seal', '--district', district, '--service', 'referrals', '--every', '0.002'], (l) => sealed.push(l) >= 3 && stop.abort(), () => undefined, stop.signal);
    expect(code).toBe(ExitCode.ok);
    expect(sealed).toHaveLength(3);
    expect(sealed.every((l) => l.startsWith('referrals: sealed 3 events'))).toBe(true);
    expect((await cli('seal', '--district', district, '--every', 'often')).code).toBe(ExitCode.usage);
  });

  it('given a row altered in the database after the seal, when verified, then exit 3 names the stream and revision', async () => {
    const pool = new Pool({ connectionString: requiredEnv('DATABASE_URL') });
    await pool.query(`UPDATE ${prefix}_referrals_events.events SET data = '{"n": 7}' WHERE district = $1 AND stream_name = $2 AND revision = 1`, [district, stream]);
    await pool.end();
    const result = await cli('verify', '--district', district, '--service', 'referrals');
    expect(result.code).toBe(ExitCode.chainBroken);
    expect(result.out).toContain(`BREAK in ${stream} at revision 1 (hash-mismatch)`);
  });

  it('given a case stream, when asked as of now, then its events are listed; before it existed, exit 8', async () => {
    const now = await cli('as-of', '--district', district, '--stream', stream, '--at', new Date().toISOString(), '--service', 'referrals');
    expect(now.code).toBe(ExitCode.ok);
    expect(now.out).toContain('3 of 3 events, revision 2');
    const before = await cli('as-of', '--district', district, '--stream', stream, '--at', '2001-01-01T00:00:00Z', '--service', 'referrals');
    expect(before.code).toBe(ExitCode.beforeExistence);
  });

  it('given a case stream, when its activity is listed, then every actor and command shows', async () => {
    const activity = await cli('activity', '--district', district, '--stream', stream, '--service', 'referrals');
    expect(activity.code).toBe(ExitCode.ok);
    expect(activity.out.split('\n').filter((l) => l.startsWith('did   '))).toHaveLength(3);
    expect(activity.out).toContain('coordinator:u  referrals.Observed.v1');
  });
});
