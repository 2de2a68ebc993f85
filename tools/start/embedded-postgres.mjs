// The embedded default's database: PGlite (PostgreSQL in WebAssembly) persisted in the data folder and
// served on loopback, so the services use the very code paths (pg, TypeORM) they use on a real server.
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// The built session queue of apps/lien (ADR 0013): pglite-socket's own queue interleaves the pg clients'
// extended-protocol messages ("unnamed prepared statement does not exist") and lets one connection's
// open transaction stall the others. Used when built (npm run start:services builds first).
const sessionServerModule = join(resolve(dirname(fileURLToPath(import.meta.url)), '../..'), 'dist/apps/lien/src/pglite-session-server.js');

export class StartupError extends Error {}

async function serve(dir) {
  const db = await PGlite.create(dir);
  if (existsSync(sessionServerModule)) {
    const { PGliteSessionServer } = createRequire(import.meta.url)(sessionServerModule);
    const sessions = new PGliteSessionServer(db);
    const address = await sessions.start();
    return {
      url: `postgres://postgres@${address}/postgres`,
      async stop() {
        await sessions.stop();
        await db.close();
      },
    };
  }
  // Connections are cheap here: the single PGlite session serialises their transactions.
  const server = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1', maxConnections: 200 });
  await server.start();
  return {
    url: `postgres://postgres@${server.getServerConn()}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

// Two PGlites as in the single-process host (ADR 0013): the event stores and personal-data keys
// (`url` for EVENT_STORE_DATABASE_URL) apart from the read models, inboxes and checkpoints (`url`),
// since a consumer holds its inbox transaction while it appends to its event store.
export async function startEmbeddedPostgres(dataDir) {
  const readModelsDir = join(dataDir, 'pglite');
  const eventsDir = join(dataDir, 'pglite-events');
  if (existsSync(join(readModelsDir, 'PG_VERSION')) && !existsSync(join(eventsDir, 'PG_VERSION'))) {
    throw new StartupError(`the data folder ${dataDir} has the former single-database layout; remove it with npm run reset and start again`);
  }
  try {
    for (const dir of [readModelsDir, eventsDir]) {
      mkdirSync(dir, { recursive: true });
      accessSync(dir, constants.W_OK);
    }
  } catch {
    throw new StartupError(`the data folder ${dataDir} is not writable; set LIEN_DATA_DIR to a folder you can write`);
  }
  const events = await serve(eventsDir);
  const readModels = await serve(readModelsDir);
  return {
    url: readModels.url,
    eventStoreUrl: events.url,
    async stop() {
      await readModels.stop();
      await events.stop();
    },
  };
}
