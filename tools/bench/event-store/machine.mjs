// What the figures were measured on: the host, and the PostgreSQL settings that decide commit cost.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import pg from 'pg';

export async function describeMachine(connectionString) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const setting = async (name) => (await client.query(`SELECT current_setting($1) AS value`, [name])).rows[0].value;
    const cpuModel = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model ?? 'unknown';
    const memGiB = /Mem:\s+(\d+)/.exec(execFileSync('free', ['-g'], { encoding: 'utf8' }))?.[1] ?? '?';
    let debian = 'unknown';
    try {
      debian = readFileSync('/etc/debian_version', 'utf8').trim();
    } catch {
      // Not Debian: say so through "unknown".
    }
    return {
      cores: cpus().length,
      cpuModel,
      memGiB,
      debian,
      node: process.version,
      postgres: await setting('server_version'),
      fsync: await setting('fsync'),
      synchronousCommit: await setting('synchronous_commit'),
      walSyncMethod: await setting('wal_sync_method'),
      sharedBuffers: await setting('shared_buffers'),
      loadAtStart: loadavg().map((l) => l.toFixed(1)).join(' / '),
      server: new URL(connectionString).host,
      date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    };
  } finally {
    await client.end();
  }
}

export function machineLine(m) {
  return `${m.cores} cores (${m.cpuModel}), ${m.memGiB} GiB RAM (free -g), Debian ${m.debian}, PostgreSQL ${m.postgres} at ${m.server}, Node ${m.node}; fsync=${m.fsync}, synchronous_commit=${m.synchronousCommit}, wal_sync_method=${m.walSyncMethod}, shared_buffers=${m.sharedBuffers}`;
}
