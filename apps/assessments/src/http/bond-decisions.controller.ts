import { Body, Controller, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { CurrentPrincipal, type Principal, RequirePermission } from '@lien/shared-auth';
import type { ExpectedRevision } from '@lien/shared-event-store';
import { Idempotent, IfMatchRevision, RequireIfMatch } from '@lien/shared-http-conventions';
import { CaseFileRepository, coSignBondDecision, draftBondDecision, withdrawBondDecisionDraft } from '@lien/assessments-application';
import { commandAnswer, CommandContextFactory, revisionOf } from './command-context.factory';
import { DraftBondDecisionRequest } from './dto/decision-and-report.requests';

/**
 * Bond-pertinence decisions. Co-signing needs `case:write`, not `decision:cosign`: the second clinician
 * may be a coordinator or a peer practitioner; that it is not the author is the domain's rule.
 */
@ApiTags('bond decisions')
@Controller('api/v1/districts/:district/cases/:caseId/bond-decisions')
export class BondDecisionsController {
  constructor(
    private readonly files: CaseFileRepository,
    private readonly contexts: CommandContextFactory,
  ) {}

  /** A draft, without effect until co-signed. */
  @Post()
  @RequirePermission('case:write')
  @Idempotent()
  async draft(
    @Param('district') district: string,
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Body() body: DraftBondDecisionRequest,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const decisionId = body.decisionId ?? randomUUID();
    const input = {
      caseId,
      decisionId,
      outcome: body.outcome,
      rationale: body.rationale ?? '',
      childWishes: body.childWishes ?? '',
      assessmentIds: body.assessmentIds ?? [],
      ...(body.adaptedModalities !== undefined ? { adaptedModalities: body.adaptedModalities } : {}),
      ...(body.childId ? { childId: body.childId } : {}),
    };
    const result = await draftBondDecision(this.files, input, this.contexts.of(district, principal, request));
    return { ...commandAnswer(caseId, result, response), decisionId };
  }

  /** The co-signer signs what they read: If-Match holds the signature to that version of the file. */
  @Post(':decisionId/co-signature')
  @RequirePermission('case:write')
  @RequireIfMatch()
  async coSign(
    @Param('district') district: string,
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Param('decisionId', ParseUUIDPipe) decisionId: string,
    @IfMatchRevision() expected: ExpectedRevision,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await coSignBondDecision(this.files, { caseId, decisionId }, this.contexts.of(district, principal, request), { expectedRevision: revisionOf(expected) });
    return { ...commandAnswer(caseId, result, response), decisionId };
  }

  @Post(':decisionId/withdrawal')
  @RequirePermission('case:write')
  @RequireIfMatch()
  async withdraw(
    @Param('district') district: string,
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Param('decisionId', ParseUUIDPipe) decisionId: string,
    @IfMatchRevision() expected: ExpectedRevision,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await withdrawBondDecisionDraft(this.files, { caseId, decisionId }, this.contexts.of(district, principal, request), { expectedRevision: revisionOf(expected) });
    return { ...commandAnswer(caseId, result, response), decisionId };
  }
}
