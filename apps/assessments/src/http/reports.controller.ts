import { Body, Controller, Get, Inject, Param, ParseIntPipe, ParseUUIDPipe, Post, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AuditedCaseRead } from '@lien/shared-access-log';
import { CurrentPrincipal, type Principal, RequirePermission } from '@lien/shared-auth';
import type { ExpectedRevision } from '@lien/shared-event-store';
import { Idempotent, IfMatchRevision, RequireIfMatch } from '@lien/shared-http-conventions';
import { CaseFileRepository, generateReportVersion, markReportSent, renderReportVersion, signOffReportVersion } from '@lien/assessments-application';
import { ASSESSMENTS_INFRASTRUCTURE } from '../composition/assessments.tokens';
import type { AssessmentsInfrastructure } from '../composition/assessments-infrastructure';
import { commandAnswer, CommandContextFactory, revisionOf } from './command-context.factory';
import { GenerateReportVersionRequest, MarkReportSentRequest } from './dto/decision-and-report.requests';

/** Reports to the mandant: every version kept, rendered from the file as of its date, signed off by two, marked as sent. */
@ApiTags('reports')
@Controller('api/v1/districts/:district/cases/:caseId/reports/:reportId/versions')
export class ReportsController {
  constructor(
    private readonly files: CaseFileRepository,
    private readonly contexts: CommandContextFactory,
    @Inject(ASSESSMENTS_INFRASTRUCTURE) private readonly infra: AssessmentsInfrastructure,
  ) {}

  @Post()
  @RequirePermission('case:write')
  @Idempotent()
  async generate(
    @Param('district') district: string,
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Param('reportId', ParseUUIDPipe) reportId: string,
    @Body() body: GenerateReportVersionRequest,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const input = { caseId, reportId, kind: body.kind, ...(body.deadlineDueOn ? { deadlineDueOn: body.deadlineDueOn } : {}) };
    const result = await generateReportVersion(this.files, input, this.contexts.of(district, principal, request));
    const generated = result.events.find((e) => e.type === 'ReportVersionGenerated');
    return { ...commandAnswer(caseId, result, response), reportId, version: generated && 'version' in generated ? generated.version : null };
  }

  /** The PDF of a version, as it read on its date; reading it is logged as an export of the case. */
  @Get(':version/pdf')
  @RequirePermission('case:read')
  @AuditedCaseRead('caseId', 'export')
  @ApiProduces('application/pdf')
  async pdf(
    @Param('district') district: string,
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Param('reportId', ParseUUIDPipe) reportId: string,
    @Param('version', ParseIntPipe) version: number,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const rendered = await renderReportVersion(this.files, this.infra.registry, district, caseId, reportId, version);
    response.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(rendered.pdf, { type: 'application/pdf', disposition: `attachment; filename="${rendered.filename}"` });
  }

  @Post(':version/sign-offs')
  @RequirePermission('case:write')
  @RequireIfMatch()
  async signOff(
    @Param('district') district: string,
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Param('reportId', ParseUUIDPipe) reportId: string,
    @Param('version', ParseIntPipe) version: number,
    @IfMatchRevision() expected: ExpectedRevision,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await signOffReportVersion(this.files, { caseId, reportId, version }, this.contexts.of(district, principal, request), { expectedRevision: revisionOf(expected) });
    return { ...commandAnswer(caseId, result, response), reportId, version };
  }

  @Post(':version/sending')
  @RequirePermission('case:write')
  @RequireIfMatch()
  async markSent(
    @Param('district') district: string,
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Param('reportId', ParseUUIDPipe) reportId: string,
    @Param('version', ParseIntPipe) version: number,
    @Body() body: MarkReportSentRequest,
    @IfMatchRevision() expected: ExpectedRevision,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await markReportSent(this.files, { caseId, reportId, version, sentOn: body.sentOn }, this.contexts.of(district, principal, request), { expectedRevision: revisionOf(expected) });
    return { ...commandAnswer(caseId, result, response), reportId, version };
  }
}
