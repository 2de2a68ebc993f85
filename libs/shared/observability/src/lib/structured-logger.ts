import { LoggerService } from '@nestjs/common';
import { isSpanContextValid, trace } from '@opentelemetry/api';
import pino, { DestinationStream, Logger } from 'pino';

/**
 * JSON logs with trace and span ids. Field names that could hold personal data are redacted by path,
 * but the first rule stands: log ids, codes and counts, never case content.
 */
export const REDACTED_PATHS = ['*.name', '*.firstName', '*.lastName', '*.birthDate', '*.address', '*.observation', '*.words', 'req.headers.authorization', 'headers.authorization'];

export function createLogger(service: string, level = process.env['LOG_LEVEL'] ?? 'info', destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      mixin() {
        const span = trace.getActiveSpan()?.spanContext();
        return span && isSpanContextValid(span) ? { trace_id: span.traceId, span_id: span.spanId } : {};
      },
    },
    destination,
  );
}

/** Nest's logger interface on top of pino, so framework messages come out as JSON too. */
export class StructuredNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string) {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, _trace?: string, context?: string) {
    // The stack trace is dropped on purpose: frames can quote arguments holding personal data.
    this.logger.error({ context }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}
