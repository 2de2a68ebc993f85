import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { FACT_TABLES, openReportingDatabase, ReportingProjection } from '@lien/reporting-application';
import { REFERRAL_CATEGORY, translateReferralEvent } from '@lien/referrals-application';
import { createEmbeddedTransport } from '@lien/shared-messaging-embedded';
import { eventually } from '@lien/shared-messaging-testing';
import { Relay } from '@lien/shared-relay';
import { requiredEnv } from '@lien/shared-testing';
import { OpenedEventStore, openEventStore, VolatileCheckpointStore } from '@lien/shared-wiring';
import { ExitCode } from './exit-codes';
import { runCli } from './run-cli';
import { ReportingRebuild } from './rebuild/reporting-rebuild';
import { CHILD_FIRST_NAME, seedReferrals } from './testing/referral-history';

async function cli(argv: string[], signal?: AbortSignal, onErr?: (line: string) => void) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, (l) => out.push(l), (l) => (err.push(l), onErr?.(l)), signal);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('rebuilding the reporting read model and exporting a case, on the real PostgreSQL store', () => {
  const id = randomUUID().replace(/-/g, '').slice(0, 8);
  const prefix = `rb_${id}`;
  const liveSchema = `${prefix}_reporting_read`;
  const district = `rbx${id}`;
  const neighbour = `rby${id}`;
  let opened: OpenedEventStore;
  let dataSource: DataSource;
  let pool: Pool;
  let streams: string[] = [];
  const schemaArgs = ['--schema', liveSchema, '--service', 'referrals'];

  /** Every fact row of one district, in key order. */
  const rowsOf = async (d: string) => {
    const tables: Record<string, unknown[]> = {};
    for (const table of FACT_TABLES) tables[table] = (await pool.query(`SELECT * FROM ${liveSchema}.${table} WHERE district = $1 ORDER BY 2`, [d])).rows;
    return tables;
  };
  const corruptLive = async () => {
    await pool.query(`UPDATE ${liveSchema}.referrals SET mandant_type = 'FORGED' WHERE district = $1 AND referral_id = (SELECT min(referral_id) FROM ${liveSchema}.referrals WHERE district = $1)`, [district]);
    await pool.query(`DELETE FROM ${liveSchema}.cases WHERE district = $1 AND case_id = (SELECT min(case_id) FROM ${liveSchema}.cases WHERE district = $1)`, [district]);
  };

  beforeAll(async () => {
    const databaseUrl = requiredEnv('DATABASE_URL');
    process.env['DATABASE_URL'] = databaseUrl;
    process.env['LIEN_SCHEMA_PREFIX'] = prefix;
    pool = new Pool({ connectionString: databaseUrl, max: 2 });
    opened = await openEventStore({ mode: 'real', databaseUrl, schemaPrefix: prefix }, 'referrals');
    streams = await seedReferrals(opened.store, district, 24);
    await seedReferrals(opened.store, neighbour, 6);
    // The live projection, fed as in service: the referrals relay publishes, the reporting consumer applies.
    dataSource = await openReportingDatabase(databaseUrl, liveSchema);
    const transport = createEmbeddedTransport();
    const relay = new Relay({ name: 'referrals-relay', service: 'referrals', store: opened.raw, producer: transport.producer, checkpoints: new VolatileCheckpointStore(), translate: translateReferralEvent, admin: transport.admin, filter: { categories: [REFERRAL_CATEGORY] } });
    const projection = new ReportingProjection({ dataSource, schema: liveSchema, transport, districts: [district, neighbour], consumerGroup: `rebuild-test-${id}` });
    await projection.start();
    await relay.start();
    const caughtUp = async () => {
      const [here, there] = [await rowsOf(district), await rowsOf(neighbour)];
      // Every stream's last contract counts: a closure still in flight would make the live rows lag the rebuild.
      const set = (rows: unknown[] | undefined, column: string) => (rows ?? []).filter((r) => (r as Record<string, unknown>)[column] !== null).length;
      const complete = (rows: Record<string, unknown[]>, n: { referrals: number; accepted: number; declined: number; closed: number }) =>
        rows['referrals']?.length === n.referrals && set(rows['referrals'], 'accepted_at') === n.accepted && set(rows['referrals'], 'declined_at') === n.declined &&
        rows['cases']?.length === n.accepted && set(rows['cases'], 'closed_at') === n.closed;
      return complete(here, { referrals: 24, accepted: 16, declined: 8, closed: 8 }) && complete(there, { referrals: 6, accepted: 4, declined: 2, closed: 2 });
    };
    await eventually('the live projection to catch up', caughtUp, 30_000);
    await relay.stop();
    await projection.stop();
  });

  afterAll(async () => {
    delete process.env['LIEN_SCHEMA_PREFIX'];
    await opened?.close();
    await dataSource?.destroy();
    for (const schema of [liveSchema, `${liveSchema}_rb_${district}`, `${prefix}_referrals_events`, `${prefix}_referrals_keys`, `${prefix}_sessions_events`, `${prefix}_sessions_keys`, `${prefix}_assessments_events`, `${prefix}_assessments_keys`]) {
      await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    }
    await pool.end();
  });

  it('given the live projection caught up, when a rebuild is compared with it, then every table is identical, row by row', async () => {
    const result = await cli(['compare', '--district', district, ...schemaArgs]);
    expect(result.out).toContain(`district ${district}: the rebuild equals the live projection`);
    expect(result.out).toContain('referrals: 24 live, 24 rebuilt, identical');
    expect(result.code).toBe(ExitCode.ok);
    expect(result.err).toMatch(/rebuild .*: \[#+\] 100% .* events\/s, ETA/);
  });

  it('given a damaged live projection, when compared, then exit 9; when rebuilt, then it equals the rebuild again and the other district is untouched', async () => {
    await corruptLive();
    const neighbourBefore = await rowsOf(neighbour);
    const compared = await cli(['compare', '--district', district, ...schemaArgs]);
    expect(compared.code).toBe(ExitCode.rebuildDiffers);
    expect(compared.out).toMatch(/referrals: 24 live, 24 rebuilt, DIFFERENT from key/);
    expect(compared.out).toContain('cases: 15 live, 16 rebuilt, DIFFERENT');

    expect((await cli(['rebuild', '--district', district, ...schemaArgs])).code).toBe(ExitCode.ok);
    expect((await rowsOf(district))['referrals']?.map((r) => (r as { mandant_type: string }).mandant_type)).not.toContain('FORGED');
    expect((await cli(['compare', '--district', district, ...schemaArgs])).code).toBe(ExitCode.ok);
    expect(await rowsOf(neighbour)).toEqual(neighbourBefore);
  });

  it('given a rebuild interrupted after its first page, when run again, then nothing half-built was ever live and the second run resumes and completes', async () => {
    await corruptLive();
    const damaged = await rowsOf(district);
    const stop = new AbortController();
    const interrupted = await cli(['rebuild', '--district', district, '--page-size', '10', ...schemaArgs], stop.signal, () => stop.abort());
    expect(interrupted.code).toBe(ExitCode.interrupted);
    expect(interrupted.err).toContain('the live tables are untouched');
    expect(await rowsOf(district)).toEqual(damaged);
    const progress = await pool.query(`SELECT sum(events)::int AS n FROM ${liveSchema}_rb_${district}.rebuild_checkpoints`);
    expect(progress.rows[0].n).toBeGreaterThan(0);

    const resumed = await cli(['rebuild', '--district', district, '--page-size', '10', ...schemaArgs]);
    expect(resumed.code).toBe(ExitCode.ok);
    expect(resumed.err).toContain(`resuming in ${liveSchema}_rb_${district}`);
    expect((await cli(['compare', '--district', district, ...schemaArgs])).code).toBe(ExitCode.ok);
    const leftovers = await pool.query(`SELECT 1 FROM information_schema.schemata WHERE schema_name = $1`, [`${liveSchema}_rb_${district}`]);
    expect(leftovers.rowCount).toBe(0);
  });

  it('given --all, when rebuilt, then every district of the stores is rebuilt and switched over, each on its own', async () => {
    const before = { here: await rowsOf(district), there: await rowsOf(neighbour) };
    const result = await cli(['rebuild', '--all', ...schemaArgs]);
    expect(result.code).toBe(ExitCode.ok);
    expect(result.out.split('\n')).toEqual([district, neighbour].sort().map((d) => `reporting read model of ${d}: rebuilt from the event stores and switched over`));
    expect({ here: await rowsOf(district), there: await rowsOf(neighbour) }).toEqual(before);
  });

  it('given bad input, when rebuilding, then a clear message and a distinct exit code', async () => {
    expect(await cli(['rebuild', '--district', 'nowhere', ...schemaArgs])).toMatchObject({ code: ExitCode.unknownDistrict, err: 'lien-audit: no events for district nowhere' });
    expect(await cli(['compare', '--district', district, '--schema', 'no_such_schema', '--service', 'referrals'])).toMatchObject({ code: ExitCode.usage, err: 'lien-audit: no reporting read model in schema no_such_schema' });
  });

  it('given a rebuild of the district already running, when another is started, then it refuses and touches nothing', async () => {
    const running = new ReportingRebuild({ pool, liveSchema, district, stores: new Map() });
    await running.lock();
    try {
      const second = await cli(['rebuild', '--district', district, ...schemaArgs]);
      expect(second).toMatchObject({ code: ExitCode.failure, err: expect.stringContaining('another rebuild is working in') });
    } finally {
      await running.release();
    }
  });

  it('given an auditor, when a case is exported, then a verified header and every event, personal fields redacted, and the export is logged', async () => {
    const stream = streams[1] as string;
    const result = await cli(['export', '--district', district, '--stream', stream, '--user', 'auditor-7', '--role', 'auditor', '--service', 'referrals']);
    expect(result.code).toBe(ExitCode.ok);
    const [header, ...events] = result.out.split('\n').map((l) => JSON.parse(l));
    expect(header).toMatchObject({ export: 'lien.case-history.v1', stream, personalData: 'redacted', verification: { intact: true, eventsChecked: 4 } });
    expect(events.map((e) => e.type)).toEqual(['referrals.ReferralRegistered.v1', 'referrals.ReferralAccepted.v1', 'referrals.CaseOpened.v1', 'referrals.CaseClosed.v1']);
    expect(result.out).not.toContain(CHILD_FIRST_NAME);
    expect(result.out).toContain('"$redacted":"personal data"');
    const activity = await cli(['activity', '--district', district, '--stream', stream, '--service', 'referrals']);
    expect(activity.out).toMatch(/saw .* auditor:auditor-7 {2}export for audit/);
  });

  it('given a case whose child was erased, when shown as of now or exported, then the child’s fields show as erased and the others as redacted', async () => {
    const stream = streams[2] as string;
    const caseOpened = (await opened.raw.readStream(stream, { district })).find((e) => e.type === 'referrals.CaseOpened.v1');
    const [child] = (caseOpened?.data['childIds'] ?? []) as string[];
    await opened.keys.erase(child as string, district);
    const asOf = await cli(['as-of', '--district', district, '--stream', stream, '--at', new Date().toISOString(), '--service', 'referrals']);
    expect(asOf.code).toBe(ExitCode.ok);
    expect(asOf.out).toContain('"$erased":true');
    expect(asOf.out).toContain('"$redacted":"personal data"');
    expect(asOf.out).not.toContain('$sealed');
    const exported = await cli(['export', '--district', district, '--stream', stream, '--user', 'auditor-7', '--service', 'referrals']);
    expect(exported.out).toContain('"$erased":true');
    expect(exported.out).not.toContain(CHILD_FIRST_NAME);
  });

  it('given a coordinator, when a case is exported, then its personal fields are included; an unknown stream exits 7', async () => {
    const stream = streams[1] as string;
    const result = await cli(['export', '--district', district, '--stream', stream, '--user', 'coordinator-1', '--role', 'coordinator', '--service', 'referrals']);
    expect(result.code).toBe(ExitCode.ok);
    expect(JSON.parse(result.out.split('\n')[0] as string)).toMatchObject({ personalData: 'included' });
    expect(result.out).toContain(CHILD_FIRST_NAME);
    expect((await cli(['export', '--district', district, '--stream', 'referral-nope', '--user', 'u', '--service', 'referrals'])).code).toBe(ExitCode.unknownEvent);
  });
});
