// CPU time spent on a measurement, by this Node process and by the store's PostgreSQL backends (found
// by application_name, read from /proc: only when the server runs on this host). On a shared machine
// the wall-clock rates depend on everyone's load; CPU per event is what the store itself costs.
import { readFileSync } from 'node:fs';
import pg from 'pg';

const TICK_MS = 10; // USER_HZ is 100 on Linux.

function backendTicks(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return undefined;
  }
}

export async function openCpuMeter(connectionString) {
  const client = new pg.Client({ connectionString, application_name: 'bench_es_meter' });
  await client.connect();
  const local = ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(new URL(connectionString).hostname);
  const backends = async (applicationName) => {
    const { rows } = await client.query('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [applicationName]);
    return new Map(rows.map(({ pid }) => [pid, backendTicks(pid)]));
  };
  return {
    /** Starts a meter; `stop()` answers { nodeMs, pgMs } (pgMs undefined when the server is remote). */
    async start(applicationName) {
      const before = local ? await backends(applicationName) : new Map();
      const node = process.cpuUsage();
      return {
        async stop() {
          const used = process.cpuUsage(node);
          let pgTicks;
          if (local) {
            pgTicks = 0;
            for (const [pid, ticks] of await backends(applicationName)) pgTicks += (ticks ?? 0) - (before.get(pid) ?? 0);
          }
          return { nodeMs: (used.user + used.system) / 1000, pgMs: pgTicks === undefined ? undefined : pgTicks * TICK_MS };
        },
      };
    },
    close: () => client.end(),
  };
}
