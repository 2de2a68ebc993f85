import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { Principal } from '@lien/shared-auth';
import type { ExpectedRevision } from '@lien/shared-event-store';
import { setRevisionEtag } from '@lien/shared-http-conventions';
import { CaseFileCommandResult, CommandContext } from '@lien/assessments-application';
import { ASSESSMENTS_INFRASTRUCTURE } from '../composition/assessments.tokens';
import type { AssessmentsInfrastructure } from '../composition/assessments-infrastructure';

const TRACEPARENT = /^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;
const CORRELATION = /^[A-Za-z0-9-]{1,64}$/;

/** Turns an HTTP request into a command context: who, which district, and the one clock reading the domain gets. */
@Injectable()
export class CommandContextFactory {
  constructor(@Inject(ASSESSMENTS_INFRASTRUCTURE) private readonly infra: AssessmentsInfrastructure) {}

  of(district: string, principal: Principal, request: Request): CommandContext {
    const correlation = request.headers['x-correlation-id'];
    const traceparent = request.headers['traceparent'];
    return {
      district,
      // The role the person acts in counts for the four-eyes rules: a coordinator signs as coordinator.
      actor: { userId: principal.userId, role: principal.roles.includes('coordinator') ? 'coordinator' : (principal.roles[0] ?? 'unknown') },
      correlationId: typeof correlation === 'string' && CORRELATION.test(correlation) ? correlation : randomUUID(),
      issuedAt: this.infra.clock().toISOString(),
      ...(typeof traceparent === 'string' && TRACEPARENT.test(traceparent) ? { traceparent } : {}),
    };
  }
}

/** `If-Match: *` means "whatever the current version": no revision to hold the command to. */
export function revisionOf(expected: ExpectedRevision): bigint | undefined {
  return typeof expected === 'bigint' ? expected : undefined;
}

/** What a command answers: what it recorded (event names only) and the file's new version, also as ETag. */
export function commandAnswer(caseId: string, result: CaseFileCommandResult, response: Response) {
  if (typeof result.revision === 'bigint') setRevisionEtag(response, result.revision);
  return { caseId, recorded: result.events.map((e) => e.type), revision: typeof result.revision === 'bigint' ? Number(result.revision) : null };
}
