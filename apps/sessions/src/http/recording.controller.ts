import { Body, Controller, Param, ParseUUIDPipe, Post, Put, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { CurrentPrincipal, type Principal, RequirePermission } from '@lien/shared-auth';
import type { ExpectedRevision } from '@lien/shared-event-store';
import { Idempotent, IfMatchRevision, RequireIfMatch } from '@lien/shared-http-conventions';
import { PlanCommandRunner, recordAttendance, recordObservation, reportIncident } from '@lien/sessions-application';
import { CommandContextFactory, commandAnswer, revisionOf } from './command-context.factory';
import { AttendanceRequest, IncidentRequest, ObservationRequest } from './dto/recording.dto';

@ApiTags('recording')
@Controller('api/v1/districts/:district/cases/:caseId/sessions/:sessionId')
export class RecordingController {
  constructor(
    private readonly runner: PlanCommandRunner,
    private readonly contexts: CommandContextFactory,
  ) {}

  @Put('attendance/:participantId')
  @RequirePermission('case:write')
  @RequireIfMatch()
  async attendance(
    @Param('district') district: string,
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Param('sessionId') sessionId: string,
    @Param('participantId') participantId: string,
    @Body() body: AttendanceRequest,
    @IfMatchRevision() expected: ExpectedRevision,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await recordAttendance(this.runner, { ...body, caseId, sessionId, participantId }, this.contexts.of(district, principal, request), revisionOf(expected));
    return commandAnswer(caseId, result, response);
  }

  @Post('observations')
  @RequirePermission('case:write')
  @Idempotent()
  async observation(
    @Param('district') district: string,
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Param('sessionId') sessionId: string,
    @Body() body: ObservationRequest,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const observationId = body.observationId ?? randomUUID();
    const input = { caseId, sessionId, observationId, aboutParticipantId: body.aboutParticipantId, text: body.text, childWords: body.childWords ?? [] };
    const result = await recordObservation(this.runner, input, this.contexts.of(district, principal, request));
    return { ...commandAnswer(caseId, result, response), observationId };
  }

  /** Never held back by a stale ETag: an incident is reported as it happens, and the plan re-checks on the newest state. */
  @Post('incidents')
  @RequirePermission('case:write')
  @Idempotent()
  async incident(
    @Param('district') district: string,
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Param('sessionId') sessionId: string,
    @Body() body: IncidentRequest,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const incidentId = body.incidentId ?? randomUUID();
    const result = await reportIncident(this.runner, { ...body, caseId, sessionId, incidentId }, this.contexts.of(district, principal, request));
    return { ...commandAnswer(caseId, result, response), incidentId };
  }
}
