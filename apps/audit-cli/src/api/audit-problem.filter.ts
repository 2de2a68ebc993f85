import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { PROBLEM_CONTENT_TYPE, ProblemDetails, problemType } from '@lien/shared-platform';
import { CliError, ExitCode } from '../exit-codes';

/**
 * The CLI's exit codes as HTTP problems: the same refusals, raised by the same operations. `code` is the
 * stable name a client switches on; `exitCode` says which CLI outcome it mirrors.
 */
const PROBLEMS: Readonly<Record<number, { readonly status: number; readonly code: string; readonly title: string }>> = {
  [ExitCode.usage]: { status: 400, code: 'INVALID_AUDIT_REQUEST', title: "Requête d'audit invalide" },
  [ExitCode.unknownDistrict]: { status: 404, code: 'UNKNOWN_DISTRICT', title: 'Aucun événement pour ce district' },
  [ExitCode.unknownEvent]: { status: 404, code: 'UNKNOWN_CASE', title: 'Dossier ou événement introuvable' },
  [ExitCode.beforeExistence]: { status: 422, code: 'BEFORE_CASE_EXISTED', title: "Le dossier n'existait pas encore à cette date" },
};

export function auditProblem(error: CliError): ProblemDetails {
  const known = PROBLEMS[error.exitCode];
  if (!known) return { type: problemType('INTERNAL'), title: 'Erreur interne', status: 500, code: 'INTERNAL' };
  const code = error.problemCode ?? known.code;
  // The message names districts, streams, event ids and dates only (pseudonymous), never a caller's free text.
  return { type: problemType(code), title: known.title, status: known.status, code, detail: error.message, exitCode: error.exitCode };
}

@Catch(CliError)
export class AuditProblemFilter implements ExceptionFilter {
  catch(error: CliError, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const problem = { ...auditProblem(error), instance: http.getRequest<Request>().originalUrl?.split('?')[0] };
    http.getResponse<Response>().status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }
}
