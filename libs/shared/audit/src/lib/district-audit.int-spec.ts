import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { computeEventHash, EventStore, JsonObject } from '@lien/shared-event-store';
import { PostgresEventStore } from '@lien/shared-event-store-postgres';
import { requiredEnv } from '@lien/shared-testing';
import { DistrictSeals } from './district-seal';
import { verifyDistrict } from './district-verification';
import { inclusionProof, leafHash, verifyInclusion } from './merkle-tree';

const auditor = { userId: 'auditor-1', role: 'auditor' };

describe('auditing a district on the real PostgreSQL store', () => {
  const schema = `audit_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  let pool: Pool;
  let store: PostgresEventStore;
  const streams = [`referral-${randomUUID()}`, `session-${randomUUID()}`, `assessment-${randomUUID()}`];

  const metadata = (district: string) => ({ district, correlationId: randomUUID(), causationId: randomUUID(), actor: { userId: 'u-1', role: 'practitioner' }, occurredAt: '2026-04-01T10:00:00.000Z' });
  const append = (s: EventStore, stream: string, n: number, district = 'luxembourg') =>
    s.append(stream, Array.from({ length: n }, (_, i) => ({ type: 'audit.Observed.v1', data: { n: i }, metadata: metadata(district) })), { expectedRevision: 'any' });

  beforeAll(async () => {
    const url = requiredEnv('DATABASE_URL');
    pool = new Pool({ connectionString: url });
    store = await PostgresEventStore.connect({ connection: { connectionString: url }, schema });
    for (const stream of streams) await append(store, stream, 3);
    await append(store, `referral-${randomUUID()}`, 2, 'namur');
  });
  afterAll(async () => {
    await store.close();
    await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await pool.end();
  });

  it('given an untouched district, when verified, then every chain holds and only its own events count', async () => {
    const result = await verifyDistrict(store, 'luxembourg');
    expect(result).toMatchObject({ eventsChecked: 9, streamsChecked: 3, breaks: [] });
  });

  it('given a seal, when one event is later proven, then its inclusion proof verifies offline against the sealed root', async () => {
    const seal = await new DistrictSeals(store).seal('luxembourg', new Date('2026-04-02T00:00:00Z'), auditor);
    const events = (await store.readAll({ filter: { districts: ['luxembourg'] } })).events.filter((e) => !e.streamName.startsWith('seal-'));
    const leaves = events.map((e) => leafHash(Buffer.from(e.hash, 'hex')));
    const proof = inclusionProof(leaves, 4);
    expect(proof.reduce((bytes, h) => bytes + h.length, 0)).toBeLessThanOrEqual(1024);
    expect(verifyInclusion(leaves[4] as Buffer, 4, seal.eventCount, proof, Buffer.from(seal.root, 'hex'))).toBe(true);
    expect((await new DistrictSeals(store).check(seal)).matches).toBe(true);
  });

  it('given a stored row altered in the database, when the district is verified, then the break is reported with stream and revision', async () => {
    await pool.query(`UPDATE ${schema}.events SET data = '{"n": 42}' WHERE stream_name = $1 AND revision = 1`, [streams[1]]);
    const result = await verifyDistrict(store, 'luxembourg');
    expect(result.breaks).toEqual([{ streamName: streams[1], revision: 1n, reason: 'hash-mismatch' }]);
    // The same break when the hashes are checked in worker threads, pages of 2 (several pages in flight).
    expect(await verifyDistrict(store, 'luxembourg', { workers: 2, pageSize: 2 })).toMatchObject({ breaks: result.breaks, root: result.root });
  });

  it('given a forger who rewrites an event and recomputes its hash, when checked against the earlier seal, then the seal no longer matches', async () => {
    const seals = new DistrictSeals(store);
    const [seal] = await seals.list('luxembourg');
    const stream = streams[2] as string;
    const [previous, last] = (await store.readStream(stream, { district: 'luxembourg' })).slice(-2);
    if (!previous || !last) throw new Error('fixture missing');
    const forged: JsonObject = { n: 999 };
    const forgedHash = computeEventHash(previous.hash, { ...last, data: forged });
    await pool.query(`UPDATE ${schema}.events SET data = $2, hash = $3 WHERE stream_name = $1 AND revision = 2`, [stream, forged, forgedHash]);
    const chains = await verifyDistrict(store, 'luxembourg');
    expect(chains.breaks.map((b) => b.streamName)).not.toContain(stream);
    expect(await seals.check(seal as NonNullable<typeof seal>)).toMatchObject({ matches: false });
  });
});
