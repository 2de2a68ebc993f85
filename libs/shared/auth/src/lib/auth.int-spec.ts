import { Controller, Get, INestApplication, Module, Param } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { configureHttp, HealthModule } from '@lien/shared-platform';
import { SignJWT, generateKeyPair } from 'jose';
import request from 'supertest';
import { CurrentPrincipal, RequirePermission } from './auth.decorators';
import { AuthModule } from './auth.module';
import { DEV_AUDIENCE, DEV_ISSUER, DevIssuer } from './dev-issuer';
import type { Principal } from './principal';

@Controller('api/v1/districts/:district/probe')
class ProbeController {
  @Get()
  @RequirePermission('case:read')
  read(@Param('district') district: string, @CurrentPrincipal() principal: Principal) {
    return { district, userId: principal.userId };
  }

  @Get('undeclared')
  undeclared() {
    return { leaked: true };
  }
}

@Module({ imports: [AuthModule.forRoot({ mode: 'dev', rateLimitPerMinute: 20 }), HealthModule.forRoot()], controllers: [ProbeController] })
class ProbeModule {}

describe('bearer authentication and district authorisation', () => {
  let app: INestApplication;
  let issuer: DevIssuer;
  const http = () => request(app.getHttpServer());
  const token = (roles: Principal['roles'], districts: string[], userId = 'u-1') => issuer.mint({ userId, roles, districts });

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [ProbeModule] }).compile();
    app = moduleRef.createNestApplication({ bodyParser: false });
    configureHttp(app, { name: 'lien' });
    await app.init();
    issuer = app.get(DevIssuer);
  });
  afterAll(async () => app?.close());

  it('given a practitioner of the district, when reading, then 200 with the principal', async () => {
    const response = await http().get('/api/v1/districts/luxembourg/probe').auth(await token(['practitioner'], ['luxembourg']), { type: 'bearer' }).expect(200);
    expect(response.body).toEqual({ district: 'luxembourg', userId: 'u-1' });
  });

  it('given no token, when reading, then 401 problem details', async () => {
    const response = await http().get('/api/v1/districts/luxembourg/probe').expect(401);
    expect(response.body).toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
  });

  it('given a token of another district, when reading, then 404 so existence does not leak', async () => {
    await http().get('/api/v1/districts/namur/probe').auth(await token(['coordinator'], ['luxembourg']), { type: 'bearer' }).expect(404);
  });

  it.each([['ministry-analyst'], ['operator'], ['auditor']] as const)('given a %s, when reading case data, then 403', async (role) => {
    await http().get('/api/v1/districts/luxembourg/probe').auth(await token([role], ['luxembourg']), { type: 'bearer' }).expect(403);
  });

  it('given a route that declares no permission, when called with a valid token, then it is refused', async () => {
    await http().get('/api/v1/districts/luxembourg/probe/undeclared').auth(await token(['coordinator'], ['luxembourg']), { type: 'bearer' }).expect(403);
  });

  it('given a token signed by another key, when reading, then 401', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT({ roles: ['coordinator'], districts: ['luxembourg'] })
      .setProtectedHeader({ alg: 'ES256', kid: issuer.jwks.keys[0]?.kid ?? '' })
      .setSubject('intruder').setIssuer(DEV_ISSUER).setAudience(DEV_AUDIENCE).setExpirationTime('1h').sign(privateKey);
    await http().get('/api/v1/districts/luxembourg/probe').auth(forged, { type: 'bearer' }).expect(401);
  });

  it('given an expired token, when reading, then 401 naming the reason', async () => {
    const expired = await issuer.mint({ userId: 'u-1', roles: ['practitioner'], districts: ['luxembourg'], ttlSeconds: -60 });
    const response = await http().get('/api/v1/districts/luxembourg/probe').auth(expired, { type: 'bearer' }).expect(401);
    expect(response.body.detail).toContain('expired');
  });

  it('given the health probes, when called without a token, then they answer', async () => {
    await http().get('/health/live').expect(200);
  });

  it('given the development login, when asked for a coordinator token, then the token works', async () => {
    const login = await http().post('/dev/login').send({ userId: 'demo-coordinator', roles: ['coordinator'], districts: ['luxembourg'] }).expect(201);
    await http().get('/api/v1/districts/luxembourg/probe').auth(login.body.access_token, { type: 'bearer' }).expect(200);
  });

  it('given the development login, when an unknown role is asked, then 400 names the field', async () => {
    const response = await http().post('/dev/login').send({ userId: 'x', roles: ['judge'], districts: ['luxembourg'] }).expect(400);
    expect(response.body.errors[0].field).toBe('roles');
  });

  it('given one token over its per-minute limit, when it calls again, then 429 with Retry-After', async () => {
    const busy = await token(['practitioner'], ['luxembourg'], 'busy-user');
    for (let i = 0; i < 20; i += 1) await http().get('/api/v1/districts/luxembourg/probe').auth(busy, { type: 'bearer' }).expect(200);
    const response = await http().get('/api/v1/districts/luxembourg/probe').auth(busy, { type: 'bearer' }).expect(429);
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
  });
});
