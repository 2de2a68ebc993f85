import { LoggerService } from '@nestjs/common';
import { createLogger, StructuredNestLogger } from '@lien/shared-observability';

/**
 * The services' structured JSON logs (trace ids, redaction), except while the platform starts: a start
 * that fails is reported by the host in one line (startupMessage), so Nest's own report of it, with its
 * stack trace and the driver's message (which could quote a connection string), is left out. The
 * console is a person's terminal here: warnings and errors only, unless LOG_LEVEL says otherwise.
 */
export class StartupLogger implements LoggerService {
  private starting = true;
  private readonly logger = new StructuredNestLogger(createLogger('lien', process.env['LOG_LEVEL'] ?? 'warn'));

  started(): void {
    this.starting = false;
  }

  log(message: unknown, context?: string): void {
    this.logger.log(message, context);
  }

  error(message: unknown, trace?: string, context?: string): void {
    if (this.starting) return;
    this.logger.error(message, trace, context);
  }

  warn(message: unknown, context?: string): void {
    this.logger.warn(message, context);
  }

  debug(message: unknown, context?: string): void {
    this.logger.debug(message, context);
  }

  verbose(message: unknown, context?: string): void {
    this.logger.verbose(message, context);
  }
}
