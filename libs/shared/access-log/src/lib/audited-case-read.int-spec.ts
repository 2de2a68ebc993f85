import { Controller, Get, INestApplication, Module, Param } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AuthModule, DevIssuer, RequirePermission } from '@lien/shared-auth';
import { InMemoryEventStore } from '@lien/shared-event-store-memory';
import { configureHttp } from '@lien/shared-platform';
import request from 'supertest';
import { AccessLog, CASE_ACCESSED } from './access-log';
import { AuditedCaseRead, AuditedCaseReadInterceptor } from './audited-case-read.interceptor';

const store = new InMemoryEventStore();

@Controller('api/v1/districts/:district/cases')
class CaseController {
  @Get(':caseStream')
  @RequirePermission('case:read')
  @AuditedCaseRead('caseStream')
  read(@Param('caseStream') caseStream: string) {
    return { caseStream };
  }
}

@Module({
  imports: [AuthModule.forRoot({ mode: 'dev', rateLimitPerMinute: 100 })],
  controllers: [CaseController],
  providers: [{ provide: AccessLog, useValue: new AccessLog(store) }, AuditedCaseReadInterceptor],
})
class CaseModule {}

describe('every read of case data is logged', () => {
  let app: INestApplication;
  let token: string;
  const today = () => new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    app = (await Test.createTestingModule({ imports: [CaseModule] }).compile()).createNestApplication({ bodyParser: false });
    configureHttp(app, { name: 'lien' });
    await app.init();
    token = await app.get(DevIssuer).mint({ userId: 'practitioner-7', roles: ['practitioner'], districts: ['namur'] });
  });
  afterAll(async () => app?.close());

  it('given a practitioner, when reading a case with a purpose, then who, which case, when and why are stored as a district event', async () => {
    await request(app.getHttpServer()).get('/api/v1/districts/namur/cases/case-123').set('X-Lien-Purpose', 'report').auth(token, { type: 'bearer' }).expect(200);
    const events = await new AccessLog(store).readDay('namur', today());
    const access = events.find((e) => e.data['caseStream'] === 'case-123');
    expect(access).toMatchObject({ type: CASE_ACCESSED, data: { kind: 'read', purpose: 'report' }, metadata: { district: 'namur', actor: { userId: 'practitioner-7', role: 'practitioner' } } });
  });

  it('given an unknown purpose, when reading, then 400 names the header and no access is logged', async () => {
    const response = await request(app.getHttpServer()).get('/api/v1/districts/namur/cases/case-456').set('X-Lien-Purpose', 'curiosity').auth(token, { type: 'bearer' }).expect(400);
    expect(response.body.errors[0].field).toBe('x-lien-purpose');
    const events = await new AccessLog(store).readDay('namur', today());
    expect(events.some((e) => e.data['caseStream'] === 'case-456')).toBe(false);
  });

  it('given a refused read (another district), when called, then nothing is returned and nothing is logged as read', async () => {
    await request(app.getHttpServer()).get('/api/v1/districts/liege/cases/case-789').auth(token, { type: 'bearer' }).expect(404);
    expect(await new AccessLog(store).readDay('liege', today())).toEqual([]);
  });

  it('given a case with a history, when it is read twice, then its own stream and hash chain are unchanged', async () => {
    const metadata = { district: 'namur', correlationId: 'c', causationId: 'c', actor: { userId: 'u', role: 'practitioner' }, occurredAt: '2026-01-05T10:00:00.000Z' };
    await store.append('case-abc', [{ type: 'referrals.CaseOpened.v1', data: { caseId: 'abc' }, metadata }], { expectedRevision: 'no-stream' });
    for (let i = 0; i < 2; i += 1) await request(app.getHttpServer()).get('/api/v1/districts/namur/cases/case-abc').auth(token, { type: 'bearer' }).expect(200);
    expect((await store.readStream('case-abc', { district: 'namur' })).length).toBe(1);
    expect(await store.verifyStream('case-abc', { district: 'namur' })).toMatchObject({ eventsChecked: 1 });
    expect((await store.verifyStream('case-abc', { district: 'namur' })).firstBreak).toBeUndefined();
    const reads = (await new AccessLog(store).readDay('namur', today())).filter((e) => e.data['caseStream'] === 'case-abc');
    expect(reads).toHaveLength(2);
  });
});
