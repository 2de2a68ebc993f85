import { Body, Controller, INestApplication, Module, Param, Post, Res } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { ExpectedRevision } from '@lien/shared-event-store';
import { InMemoryEventStore } from '@lien/shared-event-store-memory';
import { configureHttp } from '@lien/shared-platform';
import { requiredEnv } from '@lien/shared-testing';
import { IsInt, Max, Min } from 'class-validator';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import request from 'supertest';
import { IfMatchRevision, RequireIfMatch } from './etag/require-if-match';
import { setRevisionEtag } from './etag/revision-etag';
import { IdempotencyInterceptor, Idempotent } from './idempotency/idempotency.interceptor';
import { IdempotencyStore } from './idempotency/idempotency-store.port';
import { PostgresIdempotencyStore } from './idempotency/postgres-idempotency-store';

const metadata = { district: 'namur', correlationId: 'c', causationId: 'c', actor: { userId: 'u', role: 'coordinator' }, occurredAt: '2026-03-02T09:00:00.000Z' };
const store = new InMemoryEventStore();
let creations = 0;

/** A counter stream: appends `Added` with the expected revision, as a command handler would. */
async function add(stream: string, by: number, expectedRevision: ExpectedRevision): Promise<{ total: number; revision: bigint }> {
  const appended = await store.append(stream, [{ type: 'tests.Added.v1', data: { by }, metadata }], { expectedRevision });
  const events = await store.readStream(stream, { district: 'namur' });
  return { total: events.reduce((sum, e) => sum + Number(e.data['by']), 0), revision: appended.nextExpectedRevision };
}

class AddRequest {
  @IsInt() @Min(0) @Max(100) by!: number;
}

@Controller('api/v1/districts/:district/counters')
class CountersController {
  @Post()
  @Idempotent()
  async create(@Body() body: AddRequest, @Res({ passthrough: true }) response: Response) {
    creations += 1;
    if (body.by === 13) throw new Error('unlucky');
    const id = randomUUID();
    const added = await add(`counter-${id}`, body.by, 'no-stream');
    setRevisionEtag(response, added.revision);
    response.setHeader('Location', `/api/v1/districts/namur/counters/${id}`);
    return { id, total: added.total };
  }

  @Post(':id/add')
  @RequireIfMatch()
  async add(@Param('id') id: string, @Body() body: AddRequest, @IfMatchRevision() expected: ExpectedRevision, @Res({ passthrough: true }) response: Response) {
    const added = await add(`counter-${id}`, body.by, expected);
    setRevisionEtag(response, added.revision);
    return { id, total: added.total };
  }
}

describe('HTTP conventions: ETag / If-Match and Idempotency-Key', () => {
  const schema = `idem_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  let pool: Pool;
  let app: INestApplication;
  const http = () => request(app.getHttpServer());
  const base = '/api/v1/districts/namur/counters';

  async function startApp(): Promise<INestApplication> {
    const idempotency = new PostgresIdempotencyStore({ query: async (text, params) => (await pool.query(text, params as unknown[])).rows }, { schema });
    await idempotency.migrate();
    @Module({ controllers: [CountersController], providers: [{ provide: IdempotencyStore, useValue: idempotency }, IdempotencyInterceptor] })
    class CountersModule {}
    const started = (await Test.createTestingModule({ imports: [CountersModule] }).compile()).createNestApplication({ bodyParser: false });
    configureHttp(started, { name: 'lien' });
    await started.init();
    return started;
  }

  beforeAll(async () => {
    pool = new Pool({ connectionString: requiredEnv('DATABASE_URL'), max: 4 });
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
    await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await pool.end();
  });

  async function created(): Promise<{ id: string; etag: string }> {
    const response = await http().post(base).send({ by: 1 }).expect(201);
    return { id: response.body.id, etag: response.headers['etag'] };
  }

  it('given a new resource, when created, then its ETag carries the stream revision', async () => {
    expect((await created()).etag).toBe('"0"');
  });

  it('given a command without If-Match, when sent, then 428 problem details', async () => {
    const { id } = await created();
    const response = await http().post(`${base}/${id}/add`).send({ by: 2 }).expect(428);
    expect(response.body).toMatchObject({ status: 428, code: 'PRECONDITION_REQUIRED' });
  });

  it('given the current ETag, when a command is sent with it, then it passes and returns the next ETag', async () => {
    const { id, etag } = await created();
    const response = await http().post(`${base}/${id}/add`).set('If-Match', etag).send({ by: 2 }).expect(201);
    expect(response.headers['etag']).toBe('"1"');
    expect(response.body.total).toBe(3);
  });

  it('given a stale ETag, when a command is sent with it, then 412 with the current ETag and nothing is stored', async () => {
    const { id, etag } = await created();
    await http().post(`${base}/${id}/add`).set('If-Match', etag).send({ by: 2 }).expect(201);
    const response = await http().post(`${base}/${id}/add`).set('If-Match', etag).send({ by: 5 }).expect(412);
    expect(response.body).toMatchObject({ status: 412, code: 'PRECONDITION_FAILED' });
    expect(response.headers['etag']).toBe('"1"');
    expect(await store.readStream(`counter-${id}`, { district: 'namur' })).toHaveLength(2);
  });

  it('given a weak or foreign entity tag, when used, then 412; given garbage, then 400 naming the header', async () => {
    const { id } = await created();
    await http().post(`${base}/${id}/add`).set('If-Match', 'W/"0"').send({ by: 1 }).expect(412);
    const response = await http().post(`${base}/${id}/add`).set('If-Match', 'zero').send({ by: 1 }).expect(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'if-match' })]);
  });

  it('given a request sent twice with one Idempotency-Key and the same body, when retried, then the first answer comes back and nothing runs twice', async () => {
    const key = randomUUID();
    const before = creations;
    const first = await http().post(base).set('Idempotency-Key', key).send({ by: 4 }).expect(201);
    const second = await http().post(base).set('Idempotency-Key', key).send({ by: 4 }).expect(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers['etag']).toBe(first.headers['etag']);
    expect(second.headers['location']).toBe(first.headers['location']);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(creations - before).toBe(1);
  });

  it('given a key used with one body, when reused with another body, then 422 naming the header', async () => {
    const key = randomUUID();
    await http().post(base).set('Idempotency-Key', key).send({ by: 4 }).expect(201);
    const response = await http().post(base).set('Idempotency-Key', key).send({ by: 5 }).expect(422);
    expect(response.body).toMatchObject({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED', field: 'idempotency-key' });
  });

  it('given two concurrent first attempts with one key, when both arrive, then exactly one runs', async () => {
    const key = randomUUID();
    const before = creations;
    const answers = await Promise.all([1, 2, 3].map(() => http().post(base).set('Idempotency-Key', key).send({ by: 7 })));
    expect(creations - before).toBe(1);
    expect(answers.every((a) => a.status === 201 || (a.status === 409 && a.body.code === 'IDEMPOTENCY_KEY_IN_PROGRESS'))).toBe(true);
  });

  it('given an attempt that failed, when retried with the same key, then it runs again', async () => {
    const key = randomUUID();
    const before = creations;
    await http().post(base).set('Idempotency-Key', key).send({ by: 13 }).expect(500);
    await http().post(base).set('Idempotency-Key', key).send({ by: 13 }).expect(500);
    expect(creations - before).toBe(2);
  });

  it('given an answer stored, when the service restarts, then a retry still gets it (kept in PostgreSQL)', async () => {
    const key = randomUUID();
    const first = await http().post(base).set('Idempotency-Key', key).send({ by: 9 }).expect(201);
    await app.close();
    app = await startApp();
    const second = await http().post(base).set('Idempotency-Key', key).send({ by: 9 }).expect(201);
    expect(second.body).toEqual(first.body);
  });

  it('given a malformed key, when sent, then 400 naming the header', async () => {
    const response = await http().post(base).set('Idempotency-Key', 'clé avec espaces').send({ by: 1 }).expect(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'idempotency-key' })]);
  });
});
