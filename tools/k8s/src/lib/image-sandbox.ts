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
  chmodSync(root, 0o755);
  return app;
}

export function mountNamespaceAvailable(): boolean {
  return spawnSync('unshare', ['-m', '--', 'true']).status === 0 && spawnSync('setpriv', ['--version']).status === 0;
}

/** Starts `node <args>` as nobody:nogroup with only `env`, the root read-only and /tmp a fresh tmpfs. */
export function startSandboxed(app: string, args: string[], env: Record<string, string>): ChildProcess {
  const script = [
    'set -e',
    'mount --make-rprivate /',
    'mount --bind "$IMAGE" "$IMAGE"',
    'mount -o remount,bind,ro "$IMAGE"',
    'mount -o remount,bind,ro /',
    'mount -t tmpfs -o size=16m,mode=1777 tmpfs /tmp',
    'exec setpriv --reuid=nobody --regid=nogroup --clear-groups --no-new-privs env -i "$@"',
  ].join('\n');
  const assignments = Object.entries(env).map(([k, v]) => `${k}=${v}`);
  const node = join(app, '../bin/node');
  return spawn('unshare', ['-m', '--', '/bin/sh', '-c', script, 'sandbox', ...assignments, node, ...args], {
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', IMAGE: join(app, '..') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
