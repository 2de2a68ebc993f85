import { ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceRoot } from './render';

/**
 * Lays out what a service image holds (/app/dist, production node_modules, package.json) without a
 * container engine, and runs it the way the pod does: as an unprivileged user, with a read-only root
 * and a tmpfs on /tmp (the emptyDir), in a private mount namespace (`unshare -m`).
 */
export const NODE_BINARY = join(workspaceRoot, 'node_modules/node/bin/node');

/** Runs the production build (tools/build/build.mjs) on a copy of the sources; returns the dist folder. */
export function buildProductionBundle(workDir: string): string {
  const src = join(workDir, 'src');
  mkdirSync(join(src, 'tools'), { recursive: true });
  for (const entry of ['apps', 'libs', 'tsconfig.base.json', 'package.json']) cpSync(join(workspaceRoot, entry), join(src, entry), { recursive: true });
  cpSync(join(workspaceRoot, 'tools/build'), join(src, 'tools/build'), { recursive: true });
  symlinkSync(join(workspaceRoot, 'node_modules'), join(src, 'node_modules'));
  execFileSync(NODE_BINARY, [join(src, 'tools/build/build.mjs')], { cwd: src, stdio: 'pipe' });
  return join(src, 'dist');
}

/** Copies the packages `npm ci --omit=dev` would install (package-lock.json entries not marked dev). */
export function copyProductionDependencies(target: string): number {
  const lock = JSON.parse(readFileSync(join(workspaceRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
  const copied: string[] = [];
  for (const [path, meta] of Object.entries(lock.packages).sort(([a], [b]) => a.localeCompare(b))) {
    if (!path.startsWith('node_modules/') || meta.dev || copied.some((p) => path.startsWith(`${p}/`))) continue;
    const from = join(workspaceRoot, path);
    if (!existsSync(from)) continue; // an optional package for another platform
    cpSync(from, join(target, path), { recursive: true, verbatimSymlinks: true });
    copied.push(path);
  }
  return copied.length;
}

/**
 * The image's /app (and the Node binary beside it, as the image carries its own) in a folder every user
 * can traverse, whatever the permissions of the checkout, and not under /tmp, which the sandbox hides
 * behind a tmpfs.
 */
export function imageRoot(dist: string): string {
  const parent = existsSync('/var/tmp') ? '/var/tmp' : join(workspaceRoot, 'tmp');
  mkdirSync(parent, { recursive: true });
  const root = mkdtempSync(join(parent, 'lien-image-'));
  const app = join(root, 'app');
  mkdirSync(join(root, 'bin'));
  cpSync(NODE_BINARY, join(root, 'bin/node'));
  cpSync(dist, join(app, 'dist'), { recursive: true });
  cpSync(join(workspaceRoot, 'package.json'), join(app, 'package.json'));
  copyProductionDependencies(app);
  execFileSync('chmod', ['-R', 'u=rwX,go=rX', root]);
  // As the Dockerfile's config stage: the whole config/ folder, read-only for everyone.
  cpSync(join(workspaceRoot, 'config'), join(app, 'config'), { recursive: true });
  execFileSync('chmod', ['-R', 'a=rX', join(app, 'config')]);
  chmodSync(root, 0o755);
  return app;
}

/**
 * PostgreSQL for the sandboxed services, as the pod gets one from its DATABASE_URL secret: PGlite served
 * on loopback (tools/start/embedded-postgres.mjs) in a plain Node process outside the sandbox.
 */
export async function startLoopbackPostgres(dataDir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const script = `import { startEmbeddedPostgres } from ${JSON.stringify(join(workspaceRoot, 'tools/start/embedded-postgres.mjs'))};
    const pg = await startEmbeddedPostgres(${JSON.stringify(dataDir)});
    console.log(pg.url);
    process.on('SIGTERM', () => pg.stop().finally(() => process.exit(0)));`;
  const child = spawn(NODE_BINARY, ['--input-type=module', '-e', script], { env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  let output = '';
  child.stderr.on('data', (d) => (output += d));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d) => {
      output += d;
      const match = output.match(/postgres:\/\/\S+/);
      if (match) resolve(match[0]);
    });
    void closed.then(() => reject(new Error(`loopback PostgreSQL exited: ${output.slice(-2000)}`)));
  });
  return {
    url,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await closed;
    },
  };
}

export function mountNamespaceAvailable(): boolean {
  return spawnSync('unshare', ['-m', '--', 'true']).status === 0 && spawnSync('setpriv', ['--version']).status === 0;
}

/**
 * Starts `node <args>` as nobody:nogroup with only `env`, the root read-only, /tmp a fresh tmpfs and the
 * working directory the image's /app (its WORKDIR), so `config/` resolves to the image's copy.
 */
export function startSandboxed(app: string, args: string[], env: Record<string, string>): ChildProcess {
  const script = [
    'set -e',
    'mount --make-rprivate /',
    'mount --bind "$IMAGE" "$IMAGE"',
    'mount -o remount,bind,ro "$IMAGE"',
    'mount -o remount,bind,ro /',
    'mount -t tmpfs -o size=16m,mode=1777 tmpfs /tmp',
    'cd "$IMAGE/app"',
    'exec setpriv --reuid=nobody --regid=nogroup --clear-groups --no-new-privs env -i "$@"',
  ].join('\n');
  const assignments = Object.entries(env).map(([k, v]) => `${k}=${v}`);
  const node = join(app, '../bin/node');
  return spawn('unshare', ['-m', '--', '/bin/sh', '-c', script, 'sandbox', ...assignments, node, ...args], {
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', IMAGE: join(app, '..') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
