import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { SpanKind } from '@opentelemetry/api';
import { from, lastValueFrom, Observable } from 'rxjs';
import { LienMetrics } from './lien-metrics';
import { LienAttributes } from './span-attributes';
import { inSpan } from './telemetry';

const COMMAND_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

interface CommandRequest {
  readonly method?: string;
  readonly params?: Record<string, string | undefined>;
}

/**
 * Every state-changing HTTP request is a command: it runs in a `command <type>` span (so the event
 * store append, hence the relay and the consumers, become its descendants) and is timed by type and
 * outcome. The type is `<Controller>.<handler>`, a code name; the district comes from the route.
 */
@Injectable()
export class CommandTelemetryInterceptor implements NestInterceptor {
  constructor(private readonly metrics: LienMetrics) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<CommandRequest>();
    if (!COMMAND_METHODS.has(request.method ?? '')) return next.handle();
    const command = `${context.getClass().name}.${context.getHandler().name}`;
    const district = request.params?.['district'];
    const attributes = { [LienAttributes.commandType]: command, ...(district ? { [LienAttributes.district]: district } : {}) };
    return from(inSpan(`command ${command}`, SpanKind.INTERNAL, undefined, attributes, () => this.metrics.timeCommand(command, () => lastValueFrom(next.handle(), { defaultValue: undefined }))));
  }
}
