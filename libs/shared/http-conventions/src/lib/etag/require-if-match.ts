import {
  applyDecorators, CallHandler, createParamDecorator, ExecutionContext, HttpException, HttpStatus, Injectable, NestInterceptor, UseInterceptors,
} from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import { ExpectedRevision, StreamRevisionConflict } from '@lien/shared-event-store';
import type { Request, Response } from 'express';
import { catchError, Observable, throwError } from 'rxjs';
import { IF_MATCH_HEADER, parseIfMatch, revisionEtag } from './revision-etag';

interface PreconditionRequest extends Request {
  expectedRevision?: ExpectedRevision;
}

/**
 * Commands on an existing resource must say which version they were decided on: without `If-Match`
 * they are refused with 428, and when the resource changed since, with 412 and the current `ETag`.
 * Lost updates between two coordinators deciding on the same referral are thus impossible.
 */
@Injectable()
export class IfMatchInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<PreconditionRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    const condition = parseIfMatch(request.headers[IF_MATCH_HEADER]);
    if (!condition) {
      throw new HttpException("Cette modification exige l'en-tête If-Match avec l'ETag lu (par exemple \"3\").", HttpStatus.PRECONDITION_REQUIRED);
    }
    if (condition.kind === 'none-can-match') throw new HttpException('La ressource a changé depuis votre lecture.', HttpStatus.PRECONDITION_FAILED);
    request.expectedRevision = condition.kind === 'any' ? 'stream-exists' : condition.revision;
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (!(error instanceof StreamRevisionConflict) || error.expected !== request.expectedRevision) return throwError(() => error);
        if (typeof error.actual === 'bigint') response.setHeader('ETag', revisionEtag(error.actual));
        return throwError(() => new HttpException('La ressource a changé depuis votre lecture : relisez-la avant de décider.', HttpStatus.PRECONDITION_FAILED));
      }),
    );
  }
}

/** Marks a command route as conditional on `If-Match`; use `@IfMatchRevision()` to receive the revision. */
export const RequireIfMatch = () =>
  applyDecorators(
    UseInterceptors(IfMatchInterceptor),
    ApiHeader({ name: 'If-Match', required: true, description: "L'ETag de la version lue, par exemple \"3\" (ou * pour toute version).", example: '"3"' }),
    ApiResponse({ status: 412, description: 'La ressource a changé depuis la lecture (ETag différent).' }),
    ApiResponse({ status: 428, description: 'En-tête If-Match manquant.' }),
  );

/** The revision the caller decided on, as `@RequireIfMatch()` parsed it. */
export const IfMatchRevision = createParamDecorator((_: unknown, context: ExecutionContext): ExpectedRevision => {
  const expected = context.switchToHttp().getRequest<PreconditionRequest>().expectedRevision;
  if (expected === undefined) throw new Error('IfMatchRevision used on a route without @RequireIfMatch()');
  return expected;
});
