import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { AuditedCaseRead } from '@lien/shared-access-log';
import { CurrentPrincipal, type Principal, RequirePermission } from '@lien/shared-auth';
import type { ExpectedRevision } from '@lien/shared-event-store';
import { Idempotent, IfMatchRevision, RequireIfMatch } from '@lien/shared-http-conventions';
import { cancelSession, markSessionHeld, PlanCommandResult, PlanCommandRunner, recordNoShow, RescheduleSession, ScheduleSession, separationView, viewSession } from '@lien/sessions-application';
import { shownTime } from '@lien/sessions-application';
import { CommandContextFactory, commandAnswer, revisionOf, withEtag } from './command-context.factory';
import { AttributionRequest, RescheduleSessionRequest, ScheduleSessionRequest } from './dto/scheduling.dto';

/** The session as planned, with the windows each household may arrive and leave in (UTC and Brussels time). */
function plannedSession(result: PlanCommandResult, sessionId: string) {
  const session = result.after.status === 'open' ? result.after.sessions[sessionId] : undefined;
  if (!session) return undefined;
  return {
    sessionId,
    sessionType: session.sessionType,
    status: session.status,
    roomId: session.roomId,
    startsAt: shownTime(new Date(session.startsAt)),
    endsAt: shownTime(new Date(session.endsAt)),
    separation: separationView(session.separation),
  };
}

@ApiTags('sessions')
@Controller('api/v1/districts/:district/cases/:caseId/sessions')
export class SessionsController {
  constructor(
    private readonly runner: PlanCommandRunner,
    private readonly scheduling: ScheduleSession,
    private readonly rescheduling: RescheduleSession,
    private readonly contexts: CommandContextFactory,
  ) {}

  @Post()
  @RequirePermission('case:write')
  @Idempotent()
  async schedule(
    @Param('district') district: string,
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Body() body: ScheduleSessionRequest,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const sessionId = body.sessionId ?? randomUUID();
    const result = await this.scheduling.execute({ ...body, caseId, sessionId }, this.contexts.of(district, principal, request));
    response.setHeader('Location', `/api/v1/districts/${district}/cases/${caseId}/sessions/${sessionId}`);
    return { ...commandAnswer(caseId, result, response), session: plannedSession(result, sessionId) };
  }

  @Get(':sessionId')
  @RequirePermission('case:read')
  @AuditedCaseRead('caseId')
  async read(@Param('district') district: string, @Param('caseId', ParseUUIDPipe) caseId: string, @Param('sessionId') sessionId: string, @Res({ passthrough: true }) response: Response) {
    const view = await viewSession(this.runner.plans, district, caseId, sessionId);
    withEtag(response, view.revision);
    return { ...view, revision: typeof view.revision === 'bigint' ? Number(view.revision) : null };
  }

  @Post(':sessionId/reschedule')
  @HttpCode(200)
  @RequirePermission('case:write')
  @RequireIfMatch()
  async reschedule(
    @Param('district') district: string,
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Param('sessionId') sessionId: string,
    @Body() body: RescheduleSessionRequest,
    @IfMatchRevision() expected: ExpectedRevision,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await this.rescheduling.execute({ ...body, caseId, sessionId }, this.contexts.of(district, principal, request), revisionOf(expected));
    return { ...commandAnswer(caseId, result, response), session: plannedSession(result, sessionId) };
  }

  @Post(':sessionId/cancellation')
  @HttpCode(200)
  @RequirePermission('case:write')
  @RequireIfMatch()
  async cancel(
    @Param('district') district: string,
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Param('sessionId') sessionId: string,
    @Body() body: AttributionRequest,
    @IfMatchRevision() expected: ExpectedRevision,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await cancelSession(this.runner, { ...body, caseId, sessionId }, this.contexts.of(district, principal, request), revisionOf(expected));
    return commandAnswer(caseId, result, response);
  }

  @Post(':sessionId/no-show')
  @HttpCode(200)
  @RequirePermission('case:write')
  @RequireIfMatch()
  async noShow(
    @Param('district') district: string,
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Param('sessionId') sessionId: string,
    @Body() body: AttributionRequest,
    @IfMatchRevision() expected: ExpectedRevision,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await recordNoShow(this.runner, { ...body, caseId, sessionId }, this.contexts.of(district, principal, request), revisionOf(expected));
    return commandAnswer(caseId, result, response);
  }

  @Post(':sessionId/held')
  @HttpCode(200)
  @RequirePermission('case:write')
  @RequireIfMatch()
  async held(
    @Param('district') district: string,
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Param('sessionId') sessionId: string,
    @IfMatchRevision() expected: ExpectedRevision,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await markSessionHeld(this.runner, { caseId, sessionId }, this.contexts.of(district, principal, request), revisionOf(expected));
    return commandAnswer(caseId, result, response);
  }
}
