import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo, createServer as createTcpServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { eventually } from '@lien/shared-messaging-testing';
import { requiredEnv } from '@lien/shared-testing';
import { Pool } from 'pg';
import { aRegistrationBody } from './test-support/referrals-test-app';

jest.setTimeout(240_000);

interface OtlpSpan {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId?: string;
  readonly name: string;
  readonly kind: number;
  readonly attributes: ReadonlyArray<{ key: string; value: Record<string, unknown> }>;
}
const SERVER = 2;
const PERSONAL_VALUES = ['Zoé', 'Fictive', 'Marie', 'Marc', 'Inventé', 'Tilleuls', '2017-05-04', 'Le mercredi'];
const root = resolve(__dirname, '../../..');

/** A stand-in OpenTelemetry collector: keeps the spans the service exports over OTLP/HTTP (JSON). */
function startCollector(spans: OtlpSpan[]): Promise<Server> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { resourceSpans?: { scopeSpans?: { spans?: OtlpSpan[] }[] }[] };
      for (const resource of body.resourceSpans ?? []) for (const scope of resource.scopeSpans ?? []) spans.push(...(scope.spans ?? []));
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return new Promise((ready) => server.listen(0, '127.0.0.1', () => ready(server)));
}

async function freePort(): Promise<number> {
  const probe = createTcpServer();
  await new Promise<void>((ready) => probe.listen(0, '127.0.0.1', ready));
  const { port } = probe.address() as AddressInfo;
  await new Promise((done) => probe.close(done));
  return port;
}

describe('the referrals service as its own process: telemetry starts before NestJS', () => {
  const spans: OtlpSpan[] = [];
  const logLines: string[] = [];
  const district = `proc-${randomUUID().slice(0, 8)}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'lien-trace-'));
  const schemaPrefix = `proc_${randomUUID().replace(/-/g, '').slice(0, 8)}`;
  let collector: Server;
  let service: ChildProcess;
  let baseUrl: string;

  beforeAll(async () => {
    collector = await startCollector(spans);
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = { PATH: process.env['PATH'], HOME: process.env['HOME'] };
    Object.assign(env, {
      DATABASE_URL: requiredEnv('DATABASE_URL'),
      PORT: String(port),
      HOST: '127.0.0.1',
      LIEN_DATA_DIR: dataDir,
      LIEN_SCHEMA_PREFIX: schemaPrefix,
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(collector.address() as AddressInfo).port}`,
      OTEL_BSP_SCHEDULE_DELAY: '100',
      LOG_LEVEL: 'info',
    });
    // Started the way a container starts it: plain Node on the service's main file (TypeScript through the workspace's loader).
    service = spawn('npx', ['node', '--import', join(root, 'tools/ts-run/register.mjs'), join(root, 'apps/referrals/src/main.ts')], { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    service.stdout?.on('data', (chunk: Buffer) => logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
    service.stderr?.on('data', (chunk: Buffer) => logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
    let exited: number | null | undefined;
    service.on('exit', (code) => (exited = code));
    await eventually('the service live', async () => {
      if (exited !== undefined) throw new Error(`the service exited (${exited}): ${logLines.filter((l) => !l.trim().startsWith('at ')).slice(-6).join(' | ')}`);
      return (await fetch(`${baseUrl}/health/live`).catch(() => undefined))?.status === 200;
    }, 180_000);
  });

  afterAll(async () => {
    // The whole process group this test started (npx and the node it runs), by its id.
    if (service?.pid && service.exitCode === null) process.kill(-service.pid, 'SIGTERM');
    await new Promise((done) => collector?.close(done));
    rmSync(dataDir, { recursive: true, force: true });
    // The event store's own schemas; the service's fixed `lien_referrals*` schemas are shared with other runs and stay.
    const pool = new Pool({ connectionString: requiredEnv('DATABASE_URL'), max: 1 });
    for (const schema of [`${schemaPrefix}_referrals_events`, `${schemaPrefix}_referrals_keys`]) await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await pool.end();
  });

  it('given a referral registered over HTTP, when the spans reach the collector, then the HTTP server span is the parent of the command, the append and its SQL, without personal data, and the logs are JSON', async () => {
    const login = await fetch(`${baseUrl}/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: 'practitioner-1', roles: ['practitioner'], districts: [district] }) });
    const { access_token: token } = (await login.json()) as { access_token: string };
    const registered = await fetch(`${baseUrl}/api/v1/districts/${district}/referrals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() },
      body: JSON.stringify(aRegistrationBody()),
    });
    expect(registered.status).toBe(201);

    await eventually('the command span exported', () => spans.some((s) => s.name === 'command ReferralCommandsController.register'), 30_000);
    const command = spans.find((s) => s.name === 'command ReferralCommandsController.register') as OtlpSpan;
    const inTrace = () => spans.filter((s) => s.traceId === command.traceId);
    const ancestors = (span: OtlpSpan): OtlpSpan[] => {
      const parent = inTrace().find((s) => s.spanId === span.parentSpanId);
      return parent ? [parent, ...ancestors(parent)] : [];
    };
    const appendOf = () => inTrace().find((s) => s.name === 'event-store append' && ancestors(s).includes(command));
    // The pg instrumentation patched the driver: the append's SQL shows beneath it (statement only).
    const sqlUnder = (append: OtlpSpan) => inTrace().filter((s) => s.attributes.some((a) => a.key.startsWith('db.')) && s.name.startsWith('pg.') && ancestors(s).includes(append));
    await eventually('the append and its SQL exported', () => appendOf() !== undefined && sqlUnder(appendOf() as OtlpSpan).length > 0, 30_000);

    // HTTP server span (http instrumentation) → Nest spans (nestjs-core instrumentation) → command → append → SQL.
    const root = ancestors(command).at(-1);
    expect(root?.kind).toBe(SERVER);
    expect(root?.name).toBe('POST /api/v1/districts/:district/referrals');
    expect(root?.parentSpanId ?? '').toBe('');
    const exported = JSON.stringify(inTrace());
    for (const value of PERSONAL_VALUES) expect(exported).not.toContain(value);

    const logs = logLines.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logs.length).toBeGreaterThan(0);
    expect(logs.every((line) => line['service'] === 'referrals' && typeof line['level'] === 'number')).toBe(true);
    for (const value of PERSONAL_VALUES) expect(logLines.join('\n')).not.toContain(value);
  });
});
