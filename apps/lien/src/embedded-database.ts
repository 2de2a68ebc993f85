import { execFile } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { PGliteSessionServer } from './pglite-session-server';
import { StartupError } from './startup-error';

export interface EmbeddedDatabase {
  /** A postgres:// URL on loopback for the read models: the services reach PGlite through the drivers they use on a server. */
  readonly url: string;
  /** The event stores' and personal-data keys' own PGlite (EVENT_STORE_DATABASE_URL). */
  readonly eventStoreUrl: string;
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

interface Served {
  readonly url: string;
  stop(): Promise<void>;
}

/** One PGlite persisted in `dir`, served in this process on a loopback port. */
async function serve(dir: string, created: boolean, sharedBuffers: string): Promise<Served> {
  if (created) await initialiseApart(dir);
  // PGlite's default 128 MB of shared buffers is most of its resident memory; a demo's data fits in far less.
  const db = await PGlite.create(dir, { postgresqlconf: [`shared_buffers=${sharedBuffers}`, 'maintenance_work_mem=16MB'] });
  // Connections are cheap here: the single PGlite session serves them one exchange or transaction at a time.
  const server = new PGliteSessionServer(db);
  const address = await server.start();
  return {
    url: `postgres://postgres@${address}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

function hasCluster(dir: string): boolean {
  return existsSync(join(dir, 'PG_VERSION'));
}

/**
 * Two PGlites persisted in the data folder, each served on a loopback port: `<dataDir>/pglite-events`
 * holds the event stores and personal-data keys, `<dataDir>/pglite` the read models, inboxes and other
 * operational tables. Apart because a PGlite has one session: a consumer holding its inbox transaction
 * while it appends the effect to its event store needs two backends (ADR 0013).
 */
export async function startEmbeddedDatabase(dataDir: string): Promise<EmbeddedDatabase> {
  const readModelsDir = join(dataDir, 'pglite');
  const eventsDir = join(dataDir, 'pglite-events');
  if (hasCluster(readModelsDir) && !hasCluster(eventsDir)) {
    // A folder from before the split keeps its events beside the read models: starting on it would show an empty log.
    throw new StartupError(`the data folder ${dataDir} has the former single-database layout; remove it with npm run reset and start again`);
  }
  const created = !hasCluster(eventsDir);
  try {
    for (const dir of [readModelsDir, eventsDir]) {
      mkdirSync(dir, { recursive: true });
      accessSync(dir, constants.W_OK);
    }
  } catch {
    throw new StartupError(`the data folder ${dataDir} is not writable; set LIEN_DATA_DIR to a folder you can write`);
  }
  const [readModels, events] = await Promise.all([
    serve(readModelsDir, !hasCluster(readModelsDir), '32MB'),
    // Appends and reads by stream or position: a smaller cache, two PGlites must stay well under 1 GiB.
    serve(eventsDir, created, '16MB'),
  ]);
  return {
    url: readModels.url,
    eventStoreUrl: events.url,
    created,
    async stop() {
      // The read models' users (projections, consumers) are stopped by then; the log goes last.
      await readModels.stop();
      await events.stop();
    },
  };
}
