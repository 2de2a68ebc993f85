import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { InMemoryEventStore } from '@lien/shared-event-store-memory';
import { requiredEnv } from '@lien/shared-testing';
import { PersonalDataProtector } from './personal-data-protector';
import { ERASED_VALUE, personal, readPersonal } from './personal-field';
import { PostgresKeyStore } from './postgres-key-store';
import { ProtectedEventStore } from './protected-event-store';

const district = 'luxembourg';
const metadata = { district, correlationId: 'c-1', causationId: 'c-1', actor: { userId: 'u-1', role: 'practitioner' }, occurredAt: '2026-03-02T09:00:00.000Z' };

describe('crypto-shredding of personal data in events', () => {
  const schema = `keys_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  let pool: Pool;
  let keys: PostgresKeyStore;
  let raw: InMemoryEventStore;
  let store: ProtectedEventStore;

  beforeAll(async () => {
    pool = new Pool({ connectionString: requiredEnv('DATABASE_URL'), max: 4 });
    keys = new PostgresKeyStore({ query: async (text, params) => (await pool.query(text, params as unknown[])).rows }, schema);
    await keys.migrate();
  });
  beforeEach(() => {
    raw = new InMemoryEventStore();
    store = new ProtectedEventStore(raw, new PersonalDataProtector(keys));
  });
  afterAll(async () => {
    await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await pool.end();
  });

  async function recordChild(stream: string, child: string, name: string) {
    await store.append(stream, [{ type: 'referrals.ChildAdded.v1', data: { childId: child, name: personal(child, name), birthDate: personal(child, '2017-05-04') }, metadata }], { expectedRevision: 'any' });
  }

  it('given a name recorded as personal, when stored, then the raw store holds only ciphertext and readers get the name back', async () => {
    const child = randomUUID();
    await recordChild(`referral-${randomUUID()}`, child, 'Zoé Fictive');
    const stored = JSON.stringify((await raw.readAll()).events.map((e) => e.data));
    expect(stored).not.toContain('Zoé Fictive');
    expect(stored).not.toContain('2017-05-04');
    const [event] = (await store.readAll()).events;
    expect(readPersonal(event?.data['name'])).toBe('Zoé Fictive');
  });

  it('given a person erased, when their events are read, then the fields read as erased and the hash chain still verifies', async () => {
    const child = randomUUID();
    const other = randomUUID();
    const stream = `referral-${randomUUID()}`;
    await recordChild(stream, child, 'Léa Imaginaire');
    await recordChild(stream, other, 'Tom Inventé');
    await keys.erase(child, district);

    const [first, second] = await store.readStream(stream, { district });
    expect(readPersonal(first?.data['name'])).toBe(ERASED_VALUE);
    expect(readPersonal(first?.data['birthDate'])).toBe(ERASED_VALUE);
    expect(readPersonal(second?.data['name'])).toBe('Tom Inventé');
    expect((await store.verifyStream(stream, { district })).firstBreak).toBeUndefined();
  });

  it('given a person erased, when new personal data is recorded for them, then it is refused and nothing is stored', async () => {
    const child = randomUUID();
    await keys.erase(child, district);
    const stream = `referral-${randomUUID()}`;
    await expect(recordChild(stream, child, 'Noé Fictif')).rejects.toMatchObject({ code: 'PERSON_ERASED' });
    expect(await raw.readStream(stream, { district })).toEqual([]);
  });

  it('given two writers creating the same person key at once, when both seal, then both use one key', async () => {
    const child = randomUUID();
    const [a, b] = await Promise.all([keys.keyFor(child, district), keys.keyFor(child, district)]);
    expect(a.equals(b)).toBe(true);
  });

  it('given an erasure, when the key table is scanned, then no key bytes remain for that person', async () => {
    const child = randomUUID();
    await keys.keyFor(child, district);
    await keys.erase(child, district);
    await keys.erase(child, district);
    const { rows } = await pool.query(`SELECT data_key, erased_at FROM ${schema}.person_keys WHERE subject = $1`, [child]);
    expect(rows).toEqual([{ data_key: null, erased_at: expect.any(Date) }]);
    expect(await keys.isErased(child)).toBe(true);
  });
});
