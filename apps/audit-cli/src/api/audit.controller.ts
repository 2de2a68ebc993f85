import { Controller, Get, HttpCode, Param, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, RequirePermission } from '@lien/shared-auth';
import type { Principal } from '@lien/shared-auth';
import { checkCaseStream, checkDistrictCode, parseInstant } from '../arguments';
import { AuditReader, roleFor } from '../operations/audit-reader';
import { exportCase } from '../operations/case-export';
import { caseActivity, caseAsOf } from '../operations/case-history';
import { listDistrictSeals, proveEventInclusion, sealDistrictStores, verifyDistrictStores } from '../operations/district-audit';
import { AuditProblemFilter } from './audit-problem.filter';
import { ActivityQuery, AsOfQuery, SealsQuery } from './audit-queries';
import { AuditStores } from './audit-stores';

export const NDJSON = 'application/x-ndjson';

/** The verified token's subject and roles: the role is never a claim of the request. */
function readerOf(principal: Principal): AuditReader {
  return { userId: principal.userId, roles: principal.roles };
}

/**
 * The auditor's API: the operations the CLI runs, for the districts the token grants (the guard answers
 * another district as absent, 404, as every service does). Read-only but for sealing, which appends a seal.
 */
@ApiTags('audit')
@Controller('api/v1/audit/districts/:district')
@UseFilters(AuditProblemFilter)
export class AuditController {
  constructor(private readonly audited: AuditStores) {}

  @Get('verify')
  @RequirePermission('events:audit')
  verify(@Param('district') district: string) {
    return verifyDistrictStores(this.audited.stores, checkDistrictCode(district));
  }

  @Get('seals')
  @RequirePermission('events:audit')
  async seals(@Param('district') district: string, @Query() query: SealsQuery) {
    return { district, seals: await listDistrictSeals(this.audited.stores, checkDistrictCode(district), query.check === 'true') };
  }

  @Post('seals')
  @HttpCode(201)
  @RequirePermission('events:audit')
  async seal(@Param('district') district: string, @CurrentPrincipal() principal: Principal) {
    const actor = { userId: principal.userId, role: roleFor(readerOf(principal), 'events:audit') };
    return { district, seals: await sealDistrictStores(this.audited.stores, checkDistrictCode(district), actor) };
  }

  @Get('events/:eventId/proof')
  @RequirePermission('events:audit')
  proof(@Param('district') district: string, @Param('eventId') eventId: string) {
    return proveEventInclusion(this.audited.stores, checkDistrictCode(district), eventId);
  }

  @Get('cases/:caseStream/as-of')
  @RequirePermission('events:audit')
  asOf(@Param('district') district: string, @Param('caseStream') caseStream: string, @Query() query: AsOfQuery, @CurrentPrincipal() principal: Principal) {
    const at = parseInstant(query.at, 'at');
    return caseAsOf(this.audited.stores, checkDistrictCode(district), checkCaseStream(caseStream), at, readerOf(principal));
  }

  @Get('cases/:caseStream/activity')
  @RequirePermission('events:audit')
  activity(@Param('district') district: string, @Param('caseStream') caseStream: string, @Query() query: ActivityQuery) {
    const from = query.from === undefined ? undefined : parseInstant(query.from, 'from');
    const to = query.to === undefined ? new Date() : parseInstant(query.to, 'to');
    return caseActivity(this.audited.stores, checkDistrictCode(district), checkCaseStream(caseStream), { ...(from ? { from } : {}), to });
  }

  /** JSON lines; personal fields only when the token's roles grant `case:read`. A broken chain still exports, flagged in the header. */
  @Get('cases/:caseStream/export')
  @RequirePermission('events:audit')
  async export(@Param('district') district: string, @Param('caseStream') caseStream: string, @CurrentPrincipal() principal: Principal, @Res() response: Response): Promise<void> {
    const exported = await exportCase(this.audited.stores, checkDistrictCode(district), checkCaseStream(caseStream), readerOf(principal));
    response.status(200).type(NDJSON).setHeader('Cache-Control', 'no-store');
    response.send(`${exported.lines.join('\n')}\n`);
  }
}
