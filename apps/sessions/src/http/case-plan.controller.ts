import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AuditedCaseRead } from '@lien/shared-access-log';
import { CurrentPrincipal, type Principal, RequirePermission } from '@lien/shared-auth';
import type { ExpectedRevision } from '@lien/shared-event-store';
import { IfMatchRevision, RequireIfMatch } from '@lien/shared-http-conventions';
import { advancePhase, liftSuspension, PlanCommandRunner, SessionsReadModels, viewSessionPlan } from '@lien/sessions-application';
import { CommandContextFactory, commandAnswer, revisionOf, withEtag } from './command-context.factory';
import { AdvancePhaseRequest } from './dto/scheduling.dto';

@ApiTags('session plan')
@Controller('api/v1/districts/:district/cases/:caseId')
export class CasePlanController {
  constructor(
    private readonly runner: PlanCommandRunner,
    private readonly readModels: SessionsReadModels,
    private readonly contexts: CommandContextFactory,
  ) {}

  @Get('session-plan')
  @RequirePermission('case:read')
  @AuditedCaseRead('caseId')
  async plan(@Param('district') district: string, @Param('caseId', ParseUUIDPipe) caseId: string, @Res({ passthrough: true }) response: Response) {
    const view = await viewSessionPlan(this.runner.plans, district, caseId);
    withEtag(response, view.revision);
    return { ...view, revision: typeof view.revision === 'bigint' ? Number(view.revision) : null };
  }

  @Get('timeline')
  @RequirePermission('case:read')
  @AuditedCaseRead('caseId')
  async timeline(@Param('district') district: string, @Param('caseId', ParseUUIDPipe) caseId: string) {
    return { caseId, entries: await this.readModels.caseTimeline(district, caseId) };
  }

  @Post('session-plan/phase')
  @HttpCode(200)
  @RequirePermission('case:write')
  @RequireIfMatch()
  async advance(
    @Param('district') district: string,
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Body() body: AdvancePhaseRequest,
    @IfMatchRevision() expected: ExpectedRevision,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await advancePhase(this.runner, { caseId, to: body.to }, this.contexts.of(district, principal, request), revisionOf(expected));
    return commandAnswer(caseId, result, response);
  }

  /** A coordinator's decision (the four-eyes permission), after a serious incident suspended supervised meetings. */
  @Post('session-plan/suspension/lift')
  @HttpCode(200)
  @RequirePermission('decision:cosign')
  @RequireIfMatch()
  async lift(
    @Param('district') district: string,
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @IfMatchRevision() expected: ExpectedRevision,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await liftSuspension(this.runner, { caseId }, this.contexts.of(district, principal, request), revisionOf(expected));
    return commandAnswer(caseId, result, response);
  }
}
