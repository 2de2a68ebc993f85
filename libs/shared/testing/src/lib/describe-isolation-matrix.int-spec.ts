import { Controller, Get, INestApplication, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AuthModule, RequirePermission } from '@lien/shared-auth';
import { configureHttp } from '@lien/shared-platform';
import { isolationFailures, operationsOf, undeclaredOperations } from './describe-isolation-matrix';

@Controller('api/v1/districts/:district/probe')
class ProbeController {
  @Get()
  @RequirePermission('case:read')
  read() {
    return { data: 'case content' };
  }

  @Get('forgotten')
  forgotten() {
    return { data: 'must never be reachable' };
  }
}

@Module({ imports: [AuthModule.forRoot({ mode: 'dev', rateLimitPerMinute: 100 })], controllers: [ProbeController] })
class ProbeModule {}

describe('the isolation matrix harness', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = (await Test.createTestingModule({ imports: [ProbeModule] }).compile()).createNestApplication({ bodyParser: false });
    configureHttp(app, { name: 'lien' });
    await app.init();
  });
  afterAll(async () => app?.close());

  it('given a service, when its operations are listed, then the protected route comes with its permission', async () => {
    expect(await operationsOf(app)).toContainEqual({ method: 'get', path: '/api/v1/districts/{district}/probe', permission: 'case:read' });
  });

  it('given a route that declares no permission, when listed, then the matrix reports exactly that route', async () => {
    expect(await undeclaredOperations(app)).toEqual(['GET /api/v1/districts/{district}/probe/forgotten']);
  });

  it('given a protected route, when called with every wrong token, then every answer is a refusal without data', async () => {
    expect(await isolationFailures(app)).toEqual([]);
  });
});
