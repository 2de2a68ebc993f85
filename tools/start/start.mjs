#!/usr/bin/env node
// `npm start`: builds, then runs the four services side by side on the embedded default.
// Until the all-in-one process lands (zero-setup issue), each service runs as its own process.
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SERVICES = ['referrals', 'sessions', 'assessments', 'reporting'];
const basePort = Number(process.env.LIEN_BASE_PORT ?? 3001);
const host = process.env.HOST ?? '127.0.0.1';

function portIsFree(port) {
  return new Promise((resolvePromise) => {
    const server = createServer();
    server.once('error', () => resolvePromise(false));
    server.listen(port, host, () => server.close(() => resolvePromise(true)));
  });
}

async function main() {
  for (const [index] of SERVICES.entries()) {
    const port = basePort + index;
    if (!(await portIsFree(port))) {
      console.error(`lien: port ${port} on ${host} is already in use; set LIEN_BASE_PORT to another first port`);
      process.exit(2);
    }
  }
  console.log('lien: building…');
  execFileSync(process.execPath, [join(root, 'tools/build/build.mjs')], { cwd: root, stdio: 'inherit' });
  const children = SERVICES.map((name, index) =>
    spawn(process.execPath, [join(root, `dist/apps/${name}/src/main.js`)], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, PORT: String(basePort + index), HOST: host },
    }),
  );
  const stopAll = () => children.forEach((child) => child.kill('SIGTERM'));
  process.on('SIGINT', stopAll);
  process.on('SIGTERM', stopAll);
  children.forEach((child, index) =>
    child.on('exit', (code) => {
      if (code && code !== 0) {
        console.error(`lien: ${SERVICES[index]} exited with ${code}; stopping the others`);
        stopAll();
        process.exitCode = 1;
      }
    }),
  );
  SERVICES.forEach((name, index) => console.log(`lien: ${name} → http://${host}:${basePort + index}/api/docs`));
}

void main();
