import { execFile } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { PGliteSessionServer } from './pglite-session-server';
import { StartupError } from './startup-error';

export interface EmbeddedDatabase {
  /** A postgres:// URL on loopback: the services reach PGlite through the very drivers they use on a server. */
  readonly url: string;
  /** True when the data folder held no database before this start. */
  readonly created: boolean;
  stop(): Promise<void>;
}

const execFileAsync = promisify(execFile);

/**
 * Creates the cluster (initdb) in a short-lived process of its own: PGlite's initdb module keeps some
 * 300 MB resident in the process that ran it, which would stay in the platform's process for good.
 */
async function initialiseApart(dir: string): Promise<void> {
  const script = "const { PGlite } = await import('@electric-sql/pglite'); const db = await PGlite.create(process.argv[1]); await db.close();";
  try {
    await execFileAsync(process.execPath, ['--input-type=module', '-e', script, dir], { cwd: process.cwd() });
  } catch {
    throw new StartupError(`the embedded database could not be created in ${dir}; remove the folder (npm run reset) and start again`);
  }
}

/** PGlite (PostgreSQL in WebAssembly) persisted in `<dataDir>/pglite`, served in this process on a loopback port. */
export async function startEmbeddedDatabase(dataDir: string): Promise<EmbeddedDatabase> {
  const dir = join(dataDir, 'pglite');
  const created = !existsSync(join(dir, 'PG_VERSION'));
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch {
    throw new StartupError(`the data folder ${dataDir} is not writable; set LIEN_DATA_DIR to a folder you can write`);
  }
  if (created) await initialiseApart(dir);
  // PGlite's default 128 MB of shared buffers is most of its resident memory; a demo's data fits in 32 MB.
  const db = await PGlite.create(dir, { postgresqlconf: ['shared_buffers=32MB', 'maintenance_work_mem=16MB'] });
  // Connections are cheap here: the single PGlite session serves them one exchange or transaction at a time.
  const server = new PGliteSessionServer(db);
  const address = await server.start();
  return {
    url: `postgres://postgres@${address}/postgres`,
    created,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
