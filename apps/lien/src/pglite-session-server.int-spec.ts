import { PGlite } from '@electric-sql/pglite';
import { Client, Pool } from 'pg';
import { PGliteSessionServer } from './pglite-session-server';

const HOLD_TIMEOUT_MS = 1_000;

async function countOf(url: string, body: string): Promise<number> {
  const reader = new Client({ connectionString: url });
  await reader.connect();
  try {
    return (await reader.query<{ n: number }>('SELECT count(*)::int AS n FROM events WHERE body = $1', [body])).rows[0]?.n ?? -1;
  } finally {
    await reader.end();
  }
}

/** The embedded database as the services reach it: real PGlite in memory, real pg clients over loopback. */
describe('PGlite served one exchange or transaction at a time', () => {
  let db: PGlite;
  let server: PGliteSessionServer;
  let url: string;
  let pool: Pool;

  beforeAll(async () => {
    db = await PGlite.create();
    // A short hold timeout, so that a connection waiting on a stuck transaction fails within the test.
    server = new PGliteSessionServer(db, { holdTimeoutMs: HOLD_TIMEOUT_MS });
    url = `postgres://postgres@${await server.start()}/postgres`;
    pool = new Pool({ connectionString: url, max: 8 });
    await pool.query('CREATE TABLE inbox (id text PRIMARY KEY); CREATE TABLE events (id serial PRIMARY KEY, body text NOT NULL)');
  }, 60_000);

  afterAll(async () => {
    await pool?.end();
    await server?.stop();
    await db?.close();
  });

  it('given eight clients sending parameterised queries at once, when they all run, then every one gets its own answer', async () => {
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => pool.query<{ n: number }>('SELECT $1::int * 2 AS n', [i])));
    expect(answers.map((a) => a.rows[0]?.n)).toEqual(Array.from({ length: 40 }, (_, i) => i * 2));
  });

  it('given a transaction on one connection, when another connection writes meanwhile, then neither sees a half of the other', async () => {
    const a = await pool.connect();
    try {
      await a.query('BEGIN');
      await a.query(`INSERT INTO events (body) VALUES ('a-1')`);
      const other = pool.query(`INSERT INTO events (body) VALUES ('b-1')`);
      await a.query(`INSERT INTO events (body) VALUES ('a-2')`);
      await a.query('ROLLBACK');
      await other;
    } finally {
      a.release();
    }
    const bodies = (await pool.query<{ body: string }>('SELECT body FROM events ORDER BY id')).rows.map((r) => r.body);
    expect(bodies).toEqual(['b-1']);
  });

  it('given a transaction paused while another connection waits, when it goes on and rolls back, then nothing of it was committed and the other ran after it', async () => {
    const held = await pool.connect();
    let otherDone = false;
    try {
      await held.query('BEGIN');
      await held.query(`INSERT INTO events (body) VALUES ('held-1')`);
      const other = pool.query(`INSERT INTO events (body) VALUES ('after-held')`).then(() => (otherDone = true));
      // Longer than any early-commit window: the session stays with the holder, the other waits.
      await new Promise((resolve) => setTimeout(resolve, HOLD_TIMEOUT_MS / 2));
      expect(otherDone).toBe(false);
      await held.query(`INSERT INTO events (body) VALUES ('held-2')`);
      await held.query('ROLLBACK');
      await other;
    } finally {
      held.release();
    }
    expect([await countOf(url, 'held-1'), await countOf(url, 'held-2'), await countOf(url, 'after-held')]).toEqual([0, 0, 1]);
  }, 30_000);

  it('given a transaction that waits for another connection of the same database, when the hold times out, then the waiting connection fails with a clear error and the holder commits exactly its own writes', async () => {
    const holder = await pool.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(`INSERT INTO inbox (id) VALUES ('message-1')`);
      // The pattern the host avoids by keeping the event stores apart: on one session it can never go on.
      await expect(pool.query(`INSERT INTO events (body) VALUES ('effect-1')`)).rejects.toThrow(/open transaction, which itself waits; failed instead of committing it/);
      await holder.query(`INSERT INTO inbox (id) VALUES ('message-2')`);
      await holder.query('COMMIT');
    } finally {
      holder.release();
    }
    const { rows } = await pool.query<{ id: string }>('SELECT id FROM inbox ORDER BY id');
    expect(rows.map((r) => r.id)).toEqual(['message-1', 'message-2']);
    expect(await countOf(url, 'effect-1')).toBe(0);
  }, 30_000);

  it('given a client that disconnects inside its transaction, when the others go on, then its writes are rolled back', async () => {
    const leaving = new Client({ connectionString: url });
    await leaving.connect();
    await leaving.query('BEGIN');
    await leaving.query(`INSERT INTO events (body) VALUES ('abandoned')`);
    await leaving.end();
    const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM events WHERE body = 'abandoned'`);
    expect(rows[0]?.n).toBe(0);
  });
});
