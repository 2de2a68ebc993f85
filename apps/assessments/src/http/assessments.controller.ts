import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { AuditedCaseRead } from '@lien/shared-access-log';
import { CurrentPrincipal, type Principal, RequirePermission } from '@lien/shared-auth';
import { Idempotent, setRevisionEtag } from '@lien/shared-http-conventions';
import { CaseFileRepository, getCaseFile, getWellbeingTrend, recordRiskAssessment, recordWellbeingAssessment } from '@lien/assessments-application';
import { WELLBEING_DIMENSIONS, WellbeingDimensions } from '@lien/assessments-domain';
import { ASSESSMENTS_INFRASTRUCTURE } from '../composition/assessments.tokens';
import type { AssessmentsInfrastructure } from '../composition/assessments-infrastructure';
import { commandAnswer, CommandContextFactory } from './command-context.factory';
import { RiskAssessmentRequest, WellbeingAssessmentRequest } from './dto/assessment.requests';

@ApiTags('assessments')
@Controller('api/v1/districts/:district/cases/:caseId')
export class AssessmentsController {
  constructor(
    private readonly files: CaseFileRepository,
    private readonly contexts: CommandContextFactory,
    @Inject(ASSESSMENTS_INFRASTRUCTURE) private readonly infra: AssessmentsInfrastructure,
  ) {}

  /** The whole assessment file: assessments, risk, decisions, reports and open tasks. */
  @Get('assessment-file')
  @RequirePermission('case:read')
  @AuditedCaseRead('caseId')
  async file(@Param('district') district: string, @Param('caseId', ParseUUIDPipe) caseId: string, @Res({ passthrough: true }) response: Response) {
    const view = await getCaseFile(this.files, district, caseId);
    if (view.revision !== null) setRevisionEtag(response, view.revision);
    return view;
  }

  @Get('wellbeing-trend')
  @RequirePermission('case:read')
  @AuditedCaseRead('caseId')
  @ApiQuery({ name: 'childId', required: false })
  async trend(@Param('district') district: string, @Param('caseId', ParseUUIDPipe) caseId: string, @Query('childId') childId: string | undefined, @Res({ passthrough: true }) response: Response) {
    const trend = await getWellbeingTrend(this.files, this.infra.registry, district, caseId, childId);
    if (trend.revision !== null) setRevisionEtag(response, trend.revision);
    return trend;
  }

  /** Adds to the file without touching what is there: safe to retry with an Idempotency-Key or the same assessmentId. */
  @Post('wellbeing-assessments')
  @RequirePermission('case:write')
  @Idempotent()
  async wellbeing(
    @Param('district') district: string,
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Body() body: WellbeingAssessmentRequest,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const assessmentId = body.assessmentId ?? randomUUID();
    const dimensions = Object.fromEntries(
      WELLBEING_DIMENSIONS.map((d) => [d, { level: body.dimensions[d].level, observations: body.dimensions[d].observations, childWords: body.dimensions[d].childWords ?? null }]),
    ) as unknown as WellbeingDimensions;
    const input = { caseId, assessmentId, assessedOn: body.assessedOn, dimensions, instruments: body.instruments ?? [], ...(body.childId ? { childId: body.childId } : {}) };
    const result = await recordWellbeingAssessment(this.files, this.infra.registry, input, this.contexts.of(district, principal, request));
    return { ...commandAnswer(caseId, result, response), assessmentId };
  }

  @Post('risk-assessments')
  @RequirePermission('case:write')
  @Idempotent()
  async risk(
    @Param('district') district: string,
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Body() body: RiskAssessmentRequest,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const assessmentId = body.assessmentId ?? randomUUID();
    const override = body.override ? { override: { level: body.override.level, reason: body.override.reason ?? '' } } : {};
    const input = { caseId, assessmentId, assessedOn: body.assessedOn, factors: body.factors, scoredLevel: body.scoredLevel, ...override, ...(body.childId ? { childId: body.childId } : {}) };
    const result = await recordRiskAssessment(this.files, input, this.contexts.of(district, principal, request));
    return { ...commandAnswer(caseId, result, response), assessmentId };
  }
}
