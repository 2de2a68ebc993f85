import { Checkpoint } from '@lien/shared-event-store';
import { requiredEnv } from '@lien/shared-testing';
import { Pool } from 'pg';
import { PostgresCheckpointStore } from './postgres-checkpoint-store.adapter';
import { PostgresInbox } from './postgres-inbox.adapter';
import { PostgresLeaseProvider } from './postgres-lease.adapter';

describe('PostgreSQL checkpoints and inbox', () => {
  const schema = `messaging_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  let pool: Pool;
  let inbox: PostgresInbox;
  let checkpoints: PostgresCheckpointStore;

  beforeAll(async () => {
    pool = new Pool({ connectionString: requiredEnv('DATABASE_URL'), max: 4 });
    inbox = new PostgresInbox(pool, { schema });
    checkpoints = new PostgresCheckpointStore(pool, { schema });
    await inbox.migrate();
    await checkpoints.migrate();
    await pool.query(`create table ${schema}.effects (message_id text not null)`);
  });

  afterAll(async () => {
    await pool.query(`drop schema ${schema} cascade`);
    await pool.end();
  });

  const effectCount = async (id: string) => Number((await pool.query(`select count(*) from ${schema}.effects where message_id = $1`, [id])).rows[0].count);
  const recordEffect = (id: string) => async (tx: import('pg').PoolClient) => void (await tx.query(`insert into ${schema}.effects values ($1)`, [id]));

  it('given a message already handled by a group, when it is delivered again, then the effect is not applied twice', async () => {
    expect(await inbox.handleOnce('g', 'm-1', recordEffect('m-1'))).toBe('handled');
    expect(await inbox.handleOnce('g', 'm-1', recordEffect('m-1'))).toBe('duplicate');

    expect(await effectCount('m-1')).toBe(1);
  });

  it('given two deliveries of one message at the same time, when both are handled, then exactly one applies the effect', async () => {
    const outcomes = await Promise.all([inbox.handleOnce('g', 'm-2', recordEffect('m-2')), inbox.handleOnce('g', 'm-2', recordEffect('m-2'))]);

    expect(outcomes.sort()).toEqual(['duplicate', 'handled']);
    expect(await effectCount('m-2')).toBe(1);
  });

  it('given an effect that fails, when handled, then neither the effect nor the processed mark is kept, and a retry applies it', async () => {
    const failing = async (tx: import('pg').PoolClient) => {
      await recordEffect('m-3')(tx);
      throw new Error('read model rejected it');
    };
    await expect(inbox.handleOnce('g', 'm-3', failing)).rejects.toThrow('read model rejected it');
    expect(await inbox.wasHandled('g', 'm-3')).toBe(false);

    expect(await inbox.handleOnce('g', 'm-3', recordEffect('m-3'))).toBe('handled');
    expect(await effectCount('m-3')).toBe(1);
  });

  it('given a message handled by one group, when another group handles it, then each group applies its own effect', async () => {
    await inbox.handleOnce('g-a', 'm-4', recordEffect('m-4'));
    await inbox.handleOnce('g-b', 'm-4', recordEffect('m-4'));

    expect(await effectCount('m-4')).toBe(2);
  });

  it('given a relay that never saved, when it saves twice, then load returns nothing first and the last checkpoint after', async () => {
    expect(await checkpoints.load('referrals-relay')).toBeUndefined();

    await checkpoints.save('referrals-relay', '10' as Checkpoint);
    await checkpoints.save('referrals-relay', '42' as Checkpoint);

    expect(await checkpoints.load('referrals-relay')).toBe('42');
  });

  it('given a relay lease held by one instance, when another asks, then it is refused until the holder releases it', async () => {
    const leases = new PostgresLeaseProvider(pool);
    const name = `${schema}-relay`;
    const held = await leases.tryAcquire(name);

    expect(held).toBeDefined();
    expect(await leases.tryAcquire(name)).toBeUndefined();

    await held?.release();
    const taken = await leases.tryAcquire(name);
    expect(taken).toBeDefined();
    await taken?.release();
  });
});
