import { INestApplication, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { configureHttp } from '@lien/shared-platform';
import request from 'supertest';
import { describeIsolationMatrix } from './describe-isolation-matrix';

/** Given a service's root module, its liveness and readiness endpoints answer as Kubernetes expects. */
export function describeHealthEndpoints(name: 'referrals' | 'sessions' | 'assessments' | 'reporting', module: Type<unknown>): void {
  describe(`${name} health`, () => {
    let app: INestApplication;

    beforeAll(async () => {
      const moduleRef = await Test.createTestingModule({ imports: [module] }).compile();
      app = moduleRef.createNestApplication({ bodyParser: false });
      configureHttp(app, { name });
      await app.init();
    });

    afterAll(async () => app?.close());

    it('reports the process alive on /health/live', async () => {
      const response = await request(app.getHttpServer()).get('/health/live').expect(200);
      expect(response.body).toMatchObject({ status: 'ok', info: { process: { status: 'up' } } });
    });

    it('reports readiness on /health/ready', async () => {
      const response = await request(app.getHttpServer()).get('/health/ready').expect(200);
      expect(response.body.status).toBe('ok');
    });

    it('answers an unknown route with RFC 9457 problem details', async () => {
      const response = await request(app.getHttpServer()).get('/no-such-route').expect(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body).toMatchObject({ status: 404, code: 'NOT_FOUND', instance: '/no-such-route' });
    });

    it('serves its OpenAPI document', async () => {
      const response = await request(app.getHttpServer()).get('/api/docs-json').expect(200);
      expect(response.body.info.title).toBe(`Lien ${name}`);
    });

    describeIsolationMatrix(name, () => app);
  });
}
