import { PGlite } from '@electric-sql/pglite';
import { Client, Pool } from 'pg';
import { PGliteSessionServer } from './pglite-session-server';

/** The embedded database as the services reach it: real PGlite in memory, real pg clients over loopback. */
describe('PGlite served one exchange or transaction at a time', () => {
  let db: PGlite;
  let server: PGliteSessionServer;
  let url: string;
  let pool: Pool;

  beforeAll(async () => {
    db = await PGlite.create();
    server = new PGliteSessionServer(db);
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

  // A transaction that keeps talking keeps the session (only one idle for 50 ms while others wait is split).
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

  it('given a consumer holding its inbox transaction while it appends through another connection, when it runs, then both commit instead of waiting forever', async () => {
    const inbox = await pool.connect();
    try {
      await inbox.query('BEGIN');
      await inbox.query(`INSERT INTO inbox (id) VALUES ('message-1')`);
      // The effect through another connection, awaited inside the inbox transaction: on one session this needs the split.
      await pool.query(`INSERT INTO events (body) VALUES ('effect-1')`);
      await inbox.query('COMMIT');
    } finally {
      inbox.release();
    }
    const reader = new Client({ connectionString: url });
    await reader.connect();
    try {
      expect((await reader.query(`SELECT count(*)::int AS n FROM inbox WHERE id = 'message-1'`)).rows[0]).toEqual({ n: 1 });
      expect((await reader.query(`SELECT count(*)::int AS n FROM events WHERE body = 'effect-1'`)).rows[0]).toEqual({ n: 1 });
    } finally {
      await reader.end();
    }
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
