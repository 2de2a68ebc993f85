import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const basePort = 3600 + Math.floor(Math.random() * 300);

async function eventually<T>(probe: () => Promise<T>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await probe();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

async function ready(port: number): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
  if (response.status !== 200) throw new Error(`port ${port} not ready: ${response.status}`);
}

describe('the README start command on a fresh data folder', () => {
  let launcher: ChildProcess;
  let dataDir: string;
  const output: string[] = [];

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'lien-start-'));
    // The embedded default: no real parts in the environment.
    const { DATABASE_URL: _database, KAFKA_BROKERS: _brokers, ...inherited } = process.env;
    const env = { ...inherited, LIEN_DATA_DIR: dataDir, LIEN_BASE_PORT: String(basePort) };
    launcher = spawn(process.execPath, [join(root, 'tools/start/start.mjs')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    launcher.stdout?.on('data', (chunk) => output.push(String(chunk)));
    launcher.stderr?.on('data', (chunk) => output.push(String(chunk)));
  });

  afterAll(async () => {
    if (launcher.exitCode === null) {
      launcher.kill('SIGTERM');
      await new Promise((r) => launcher.once('exit', r));
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('given no database, broker or account, when started, then the four services answer ready on embedded PostgreSQL', async () => {
    for (let i = 0; i < 4; i += 1) await eventually(() => ready(basePort + i), 240_000);
    expect(output.join('')).toContain('lien: starting embedded PostgreSQL (PGlite)');
  }, 300_000);

  it('given the platform up, when a demo coordinator logs in, then the referrals list of their district answers', async () => {
    const login = await fetch(`http://127.0.0.1:${basePort}/dev/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: 'demo-coordinatrice', roles: ['coordinator'], districts: ['luxembourg'] }),
    });
    const { access_token: token } = (await login.json()) as { access_token: string };
    const list = await fetch(`http://127.0.0.1:${basePort}/api/v1/districts/luxembourg/referrals`, { headers: { authorization: `Bearer ${token}` } });
    expect(list.status).toBe(200);
    expect(await list.json()).toMatchObject({ items: [], total: 0 });
  });

  it('given the platform up, when stopped, then every process exits', async () => {
    launcher.kill('SIGTERM');
    const code = await new Promise((r) => launcher.once('exit', r));
    expect(code).toBe(0);
    await expect(ready(basePort)).rejects.toThrow();
  });
});
