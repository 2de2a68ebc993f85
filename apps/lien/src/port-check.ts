import { createServer } from 'node:net';
import { StartupError } from './startup-error';

/** Fails before anything opens, so that a busy port costs no database start. */
export async function assertPortFree(port: number, host: string): Promise<void> {
  const free = await new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
  if (!free) throw new StartupError(`port ${port} on ${host} is already in use; stop what uses it or set PORT to another port`);
}
