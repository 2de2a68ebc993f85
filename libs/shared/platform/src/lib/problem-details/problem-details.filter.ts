import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { DomainError, DomainErrorKind, isDomainError } from '@lien/shared-kernel';
import type { Request, Response } from 'express';
import { FieldError, PROBLEM_CONTENT_TYPE, ProblemDetails, problemType } from './problem-details';

const STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  'rule-violation': HttpStatus.CONFLICT,
  conflict: HttpStatus.CONFLICT,
  'not-found': HttpStatus.NOT_FOUND,
  'invalid-input': HttpStatus.UNPROCESSABLE_ENTITY,
  forbidden: HttpStatus.FORBIDDEN,
};

/** Maps every error to RFC 9457 problem details; unknown errors become a bare 500 with no internals. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const problem = { ...this.toProblem(error), instance: request.originalUrl?.split('?')[0] };
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  toProblem(error: unknown): ProblemDetails {
    if (isDomainError(error)) return fromDomainError(error);
    if (error instanceof HttpException) return fromHttpException(error);
    const clientStatus = clientErrorStatusOf(error);
    if (clientStatus) return fromStatus(clientStatus);
    // Log the class and message only; a stack or payload could carry personal data.
    this.logger.error(`unhandled ${error instanceof Error ? error.name : typeof error}`);
    return { type: problemType('INTERNAL'), title: 'Erreur interne', status: 500, code: 'INTERNAL' };
  }
}

function fromDomainError(error: DomainError): ProblemDetails {
  // Details first: a detail that happens to be called `status` or `code` must never replace those.
  return {
    ...error.details,
    type: problemType(error.code),
    title: error.message,
    status: STATUS_BY_KIND[error.kind],
    code: error.code,
  };
}

function fromHttpException(error: HttpException): ProblemDetails {
  const status = error.getStatus();
  const body = error.getResponse();
  const code = codeForStatus(status);
  const errors = fieldErrorsOf(body);
  const detail = errors ? 'La requête contient des champs invalides.' : safeDetail(typeof body === 'string' ? body : error.message);
  return { type: problemType(code), title: titleForStatus(status), status, code, detail, ...(errors ? { errors } : {}) };
}

/** ValidationPipe is configured (see bootstrap) to throw `{ errors: FieldError[] }`. */
function fieldErrorsOf(body: unknown): FieldError[] | undefined {
  if (typeof body === 'object' && body !== null && Array.isArray((body as { errors?: unknown }).errors)) {
    return (body as { errors: FieldError[] }).errors;
  }
  return undefined;
}

function codeForStatus(status: number): string {
  const name = HttpStatus[status];
  return typeof name === 'string' ? name : `HTTP_${status}`;
}

function titleForStatus(status: number): string {
  const titles: Record<number, string> = {
    400: 'Requête invalide',
    401: 'Authentification requise',
    403: 'Accès refusé',
    404: 'Ressource introuvable',
    409: 'Conflit',
    412: 'Précondition échouée',
    413: 'Requête trop volumineuse',
    415: 'Type de contenu non supporté',
    422: 'Requête non traitable',
    428: 'Précondition requise',
    429: 'Trop de requêtes',
  };
  return titles[status] ?? 'Erreur';
}

/** Parser messages can quote the payload (personal data): JSON syntax errors get a fixed text. */
function safeDetail(message: string): string {
  return /JSON/.test(message) ? "Le corps de la requête n'est pas du JSON valide." : message;
}

/** Errors thrown below Nest (the body parser: too large, bad encoding) carry an HTTP status of their own. */
function clientErrorStatusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status = (error as { status?: unknown; statusCode?: unknown }).status ?? (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

function fromStatus(status: number): ProblemDetails {
  const code = codeForStatus(status);
  return { type: problemType(code), title: titleForStatus(status), status, code };
}
