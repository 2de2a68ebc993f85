import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { configureHttp } from '@lien/shared-platform';
import { infrastructureFromEnv } from '@lien/shared-wiring';
import { AuditApiModule } from '../api/audit-api.module';
import { openAuditedStores } from '../audit-context';
import { CliError, ExitCode } from '../exit-codes';

export interface ServeIo {
  readonly out: (line: string) => void;
  readonly signal?: AbortSignal;
}

/**
 * `serve`: the auditor API next to the stores, until Ctrl-C / SIGTERM. Tokens are verified like the
 * services' (OIDC_ISSUER_URL, or the development issuer's key in LIEN_DATA_DIR).
 */
export async function serveCommand(options: Readonly<Record<string, string>>, io: ServeIo): Promise<number> {
  const port = Number(options['port'] ?? 3090);
  if (!(Number.isInteger(port) && port >= 0 && port < 65536)) throw new CliError('--port must be a port number', ExitCode.usage);
  const host = options['host'] ?? '127.0.0.1';
  const services = options['service'];
  const module = AuditApiModule.forRoot({ openStores: () => openAuditedStores(infrastructureFromEnv(), services) });
  const app = await NestFactory.create<NestExpressApplication>(module, { bodyParser: false, logger: ['error', 'warn'] });
  try {
    configureHttp(app, { name: 'lien' });
    await app.listen(port, host);
    const address = app.getHttpServer().address() as { port: number };
    io.out(`lien-audit: auditor API on http://${host}:${address.port}/api/v1/audit/districts/<district>/… (Ctrl-C stops)`);
    await new Promise<void>((resolve) => (io.signal?.aborted ? resolve() : io.signal?.addEventListener('abort', () => resolve(), { once: true })));
  } finally {
    await app.close();
  }
  return ExitCode.ok;
}
