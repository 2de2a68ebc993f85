import { BadRequestException, CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata, UseInterceptors, applyDecorators } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { from, Observable, concatMap } from 'rxjs';
import { AccessLog, ACCESS_PURPOSES, AccessPurpose } from './access-log';

const AUDITED_CASE_PARAM = 'lien:audited-case-param';
const AUDITED_KIND = 'lien:audited-kind';
export const PURPOSE_HEADER = 'x-lien-purpose';

interface AuditedRequest extends Request {
  principal?: { userId: string; roles: readonly string[] };
}

/**
 * Marks a route that returns case data: after a successful answer, the read is recorded (who, which
 * case, when, why). The answer is sent only once the record is stored, so no read goes unlogged.
 */
export const AuditedCaseRead = (caseStreamParam: string, kind: 'read' | 'export' = 'read') =>
  applyDecorators(SetMetadata(AUDITED_CASE_PARAM, caseStreamParam), SetMetadata(AUDITED_KIND, kind), UseInterceptors(AuditedCaseReadInterceptor));

@Injectable()
export class AuditedCaseReadInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly accessLog: AccessLog,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const param = this.reflector.get<string>(AUDITED_CASE_PARAM, context.getHandler());
    const kind = this.reflector.get<'read' | 'export'>(AUDITED_KIND, context.getHandler()) ?? 'read';
    const request = context.switchToHttp().getRequest<AuditedRequest>();
    const district = String(request.params['district'] ?? '');
    const caseStream = String(request.params[param] ?? '');
    const principal = request.principal;
    if (!principal || !district || !caseStream) throw new Error('an audited route needs an authenticated principal, a district and a case parameter');
    const purpose = purposeOf(request.headers[PURPOSE_HEADER]);
    const actor = { userId: principal.userId, role: principal.roles[0] ?? 'unknown' };
    return next.handle().pipe(
      concatMap((body) => from(this.accessLog.record({ district, caseStream, kind, purpose, actor, at: new Date() }).then(() => body))),
    );
  }
}

function purposeOf(header: string | string[] | undefined): AccessPurpose {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined) return 'case-work';
  if ((ACCESS_PURPOSES as readonly string[]).includes(value)) return value as AccessPurpose;
  throw new BadRequestException({ errors: [{ field: PURPOSE_HEADER, message: `purpose must be one of ${ACCESS_PURPOSES.join(', ')}` }] });
}
