import { ConsoleLogger } from '@nestjs/common';

/**
 * Nest's logger, except while the platform starts: a start that fails is reported by the host in one
 * line (startupMessage), so Nest's own report of it, with its stack trace and the driver's message
 * (which could quote a connection string), is left out.
 */
export class StartupLogger extends ConsoleLogger {
  private starting = true;

  constructor() {
    super('lien', { logLevels: ['error', 'warn'] });
  }

  started(): void {
    this.starting = false;
  }

  override error(message: unknown, ...rest: unknown[]): void {
    if (this.starting) return;
    super.error(message, ...rest);
  }
}
