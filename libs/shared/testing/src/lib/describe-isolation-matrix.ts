import { INestApplication } from '@nestjs/common';
import { DevIssuer, PERMISSION_EXTENSION, Permission, Role, ROLES, rolesGrant } from '@lien/shared-auth';
import request from 'supertest';

interface Operation {
  readonly method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  readonly path: string;
  readonly permission?: Permission;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const PUBLIC_PATHS = [/^\/health\//, /^\/dev\/login$/, /^\/\.well-known\//];

/** Every operation of the service's OpenAPI document, with the permission it declares. */
export async function operationsOf(app: INestApplication): Promise<Operation[]> {
  const doc = (await request(app.getHttpServer()).get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, Record<string, unknown>>> };
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ method, path, permission: item[method]?.[PERMISSION_EXTENSION] as Permission | undefined })),
  );
}

function concretePath(path: string, district: string): string {
  return path.replace('{district}', district).replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
}

/** Operations that are neither public by design nor declare a permission (the guard refuses them all). */
export async function undeclaredOperations(app: INestApplication): Promise<string[]> {
  const ops = await operationsOf(app);
  return ops.filter((op) => !op.permission && !PUBLIC_PATHS.some((p) => p.test(op.path))).map((op) => `${op.method.toUpperCase()} ${op.path}`);
}

/**
 * Calls every protected operation without a token, with each role that lacks its permission, and with
 * a token of another district; returns every answer that is not 401, 403 or 404 respectively, or that
 * carries data.
 */
export async function isolationFailures(app: INestApplication): Promise<string[]> {
  const issuer = app.get(DevIssuer);
  const failures: string[] = [];
  for (const op of (await operationsOf(app)).filter((o) => o.permission)) {
    const permission = op.permission as Permission;
    const expectStatus = async (label: string, token: string | undefined, status: number, district = 'luxembourg') => {
      const pending = request(app.getHttpServer())[op.method](concretePath(op.path, district));
      const response = await (token ? pending.auth(token, { type: 'bearer' }) : pending);
      if (response.status !== status || 'data' in (response.body ?? {})) failures.push(`${op.method.toUpperCase()} ${op.path} ${label}: ${response.status}`);
    };
    await expectStatus('without token', undefined, 401);
    for (const role of ROLES.filter((r) => !rolesGrant([r], permission))) {
      await expectStatus(`as ${role}`, await issuer.mint({ userId: `matrix-${role}`, roles: [role], districts: ['luxembourg'] }), 403);
    }
    if (op.path.includes('{district}')) {
      const granted: Role[] = ROLES.filter((r) => rolesGrant([r], permission));
      await expectStatus('from another district', await issuer.mint({ userId: 'matrix-other', roles: granted, districts: ['namur'] }), 404);
    }
  }
  return failures;
}

/**
 * The isolation matrix of one service. It grows by itself with every endpoint the service adds,
 * because it reads the service's own OpenAPI document.
 */
export function describeIsolationMatrix(name: string, appUnderTest: () => INestApplication): void {
  describe(`${name} isolation matrix`, () => {
    it('given every operation, when listed, then each one is public by design or declares a permission', async () => {
      expect(await undeclaredOperations(appUnderTest())).toEqual([]);
    });

    it('given every protected operation, when called without a token, with a role lacking its permission, or for another district, then it answers 401, 403 or 404 and no data', async () => {
      expect(await isolationFailures(appUnderTest())).toEqual([]);
    });
  });
}
