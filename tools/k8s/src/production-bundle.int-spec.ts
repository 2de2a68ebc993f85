import { ChildProcess } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { buildProductionBundle, imageRoot, mountNamespaceAvailable, startLoopbackPostgres, startSandboxed, workspaceRoot } from './index';

// What each image copies (dist, production node_modules, config/) is started as the pod would start it:
// unprivileged (nobody), root filesystem read-only, /tmp a tmpfs, no HOME, no TMPDIR, working directory
// /app. Its PostgreSQL is PGlite on loopback (the pod's DATABASE_URL secret); Kafka is not reachable
// here, so KAFKA_BROKERS is left out and the relays stay off, as they do without brokers.
const SERVICES = ['referrals', 'sessions', 'assessments', 'reporting'];
const canSandbox = mountNamespaceAvailable() && process.getuid?.() === 0;
if (!canSandbox) {
  const reason = 'tools/k8s production-bundle: the sandboxed tests need root, `unshare -m` and `setpriv` (not registered; the layout test ran)';
  console.warn(`NOT RUN: ${reason}`);
  mkdirSync(join(workspaceRoot, 'reports'), { recursive: true });
  appendFileSync(join(workspaceRoot, 'reports/not-run.txt'), `${reason}\n`);
}

/** The non-secret configuration the staging overlay gives the services (its lien-config ConfigMap), without Kafka. */
function stagingConfig(): Record<string, string> {
  const kustomization = parse(readFileSync(join(workspaceRoot, 'k8s/base/district/kustomization.yaml'), 'utf8')) as { configMapGenerator: Array<{ literals: string[] }> };
  const overlay = parse(readFileSync(join(workspaceRoot, 'k8s/overlays/staging/kustomization.yaml'), 'utf8')) as { configMapGenerator: Array<{ literals: string[] }> };
  const literals = [...(kustomization.configMapGenerator[0]?.literals ?? []), ...(overlay.configMapGenerator[0]?.literals ?? [])];
  const config = Object.fromEntries(literals.map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
  return Object.fromEntries(Object.entries(config).filter(([key]) => !key.startsWith('KAFKA_')));
}

const filesOf = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).sort();

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The first 200 from `url`, else the last status (or an error) once the deadline has passed. */
async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<number> {
  const deadline = Date.now() + 40_000;
  let last: number | undefined;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}: ${output().slice(-2000)}`);
    try {
      last = (await fetch(url, { signal: AbortSignal.timeout(5_000) })).status;
      if (last === 200) return last;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  if (last !== undefined) return last;
  throw new Error(`no answer from ${url}: ${output().slice(-2000)}`);
}

function runToEnd(child: ChildProcess): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => (stdout += d));
  child.stderr?.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('the production bundle each image copies', () => {
  let workDir: string;
  let app: string;
  let postgres: { url: string; stop: () => Promise<void> } | undefined;

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'lien-bundle-'));
    app = imageRoot(buildProductionBundle(workDir));
    if (canSandbox) postgres = await startLoopbackPostgres(join(workDir, 'pglite'));
  }, 180_000);

  afterAll(async () => {
    await postgres?.stop();
    rmSync(workDir, { recursive: true, force: true });
    if (app) rmSync(join(app, '..'), { recursive: true, force: true });
  });

  it('given the image layout, when its config folder is listed, then it holds every file of config/, readable and not writable by anyone', () => {
    expect(filesOf(join(app, 'config'))).toEqual(filesOf(join(workspaceRoot, 'config')));
    for (const file of filesOf(join(app, 'config'))) {
      const mode = statSync(join(app, 'config', file)).mode & 0o777;
      expect([file, mode & 0o444, mode & 0o222]).toEqual([file, 0o444, 0]);
    }
  });

  // Registered only where the sandbox exists: elsewhere they are listed as not run, never as skipped or passed.
  if (canSandbox) {
    it('given the sandbox, when a probe runs in it as nobody, then the app folder and the root are read-only and only /tmp is writable', async () => {
      const probe = `const fs=require('fs');const t=(p)=>{try{fs.writeFileSync(p,'x');return 'written'}catch(e){return e.code}};
        console.log(JSON.stringify({uid:process.getuid(),home:process.env.HOME??null,tmpdir:process.env.TMPDIR??null,cwd:process.cwd(),
          app:t(${JSON.stringify(join(app, 'dist/probe'))}),config:t('config/probe'),root:t('/probe'),etc:t('/etc/probe'),tmp:t('/tmp/probe'),
          districts:JSON.parse(fs.readFileSync('config/districts.json','utf8')).districts.length}))`;
      const result = await runToEnd(startSandboxed(app, ['-e', probe], {}));
      expect(result.code).toBe(0);
      const districts = (JSON.parse(readFileSync(join(workspaceRoot, 'config/districts.json'), 'utf8')) as { districts: unknown[] }).districts.length;
      expect(JSON.parse(result.stdout)).toEqual({ uid: 65534, home: null, tmpdir: null, cwd: app, app: 'EROFS', config: 'EROFS', root: 'EROFS', etc: 'EROFS', tmp: 'written', districts });
    });

    it.each(SERVICES)('given the %s bundle, when started as nobody on a read-only root, then /health/live and /health/ready answer 200', async (service) => {
      const port = await freePort();
      const env = { ...stagingConfig(), DATABASE_URL: postgres?.url ?? '', NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1' };
      const child = startSandboxed(app, ['--enable-source-maps', join(app, `dist/apps/${service}/src/main.js`)], env);
      // Registered now: a child that already exited would never emit 'close' again for a later listener.
      const closed = new Promise((r) => child.once('close', r));
      let output = '';
      child.stdout?.on('data', (d) => (output += d));
      child.stderr?.on('data', (d) => (output += d));
      try {
        expect(await waitForHealth(`http://127.0.0.1:${port}/health/live`, child, () => output)).toBe(200);
        expect(await waitForHealth(`http://127.0.0.1:${port}/health/ready`, child, () => output)).toBe(200);
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        expect(status).toMatch(/^Uid:\s+65534\s+65534\s+65534\s+65534$/m);
      } finally {
        child.kill('SIGTERM');
        await closed;
      }
    }, 120_000);
  }
});
