import { Controller, Get, NotFoundException, Param, Query, Res, UseFilters } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, RequirePermission } from '@lien/shared-auth';
import type { Principal } from '@lien/shared-auth';
import { ReportingQueries } from '@lien/reporting-application';
import { addDays, CalendarPeriod, Granularity, periodContaining } from '@lien/reporting-domain';
import { districtPage } from '../views/district-page';
import { page, PAGE_SECURITY_HEADERS } from '../views/html';
import { ministryPage } from '../views/ministry-page';
import { HtmlErrorFilter } from './html-error.filter';
import { districtsOf, IndicatorsQuery, MinistryIndicatorsQuery, periodRequestOf } from './indicators.query';

/** The query string of the request, re-encoded from validated fields only (for the export links). */
function queryString(fields: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) params.set(key, value);
  return params.toString();
}

function recentPeriods(latest: CalendarPeriod, count: number): string[] {
  const keys: string[] = [];
  for (let p = latest; keys.length < count; p = periodContaining(p.granularity, addDays(p.firstDay, -1))) keys.push(p.key);
  return keys;
}

function whoIs(principal: Principal, districtName?: string): string {
  if (principal.roles.includes('ministry-analyst')) return 'Analyste du ministère';
  const role = principal.roles.includes('coordinator') ? 'Responsable de service' : 'Intervenant·e';
  return districtName ? `${role} — ${districtName}` : role;
}

function send(response: Response, title: string, signedIn: string, body: ReturnType<typeof ministryPage>): void {
  response.status(200).set(PAGE_SECURITY_HEADERS).type('html').send(page({ title, signedIn }, body));
}

/** The two dashboards, server-rendered in French, behind the same authentication as the API. */
@ApiTags('tableaux de bord')
@Controller('tableau-de-bord')
@UseFilters(HtmlErrorFilter)
export class DashboardController {
  constructor(private readonly queries: ReportingQueries) {}

  @Get('ministere')
  @RequirePermission('aggregates:read')
  @ApiProduces('text/html')
  @ApiOperation({ summary: 'Tableau de bord du ministère (agrégats sous secret statistique)' })
  async ministry(@Query() query: MinistryIndicatorsQuery, @CurrentPrincipal() principal: Principal, @Res() response: Response): Promise<void> {
    const selected = districtsOf(query);
    const reports = await this.queries.ministryReports(periodRequestOf(query), selected);
    const body = ministryPage({
      reports,
      districts: this.queries.catalogue.profiles,
      ...(selected ? { selected } : {}),
      from: reports[0].period.key,
      to: reports[reports.length - 1].period.key,
      years: recentPeriods(this.queries.latestMinistryPeriod(), 6),
      query: queryString({ granularity: query.granularity, from: query.from, to: query.to, districts: query.districts }),
    });
    send(response, 'Indicateurs comparés des arrondissements', whoIs(principal), body);
  }

  @Get('districts/:district')
  @RequirePermission('case:read')
  @ApiProduces('text/html')
  @ApiOperation({ summary: "Tableau de bord d'un arrondissement (chiffres bruts, équipe de l'arrondissement)" })
  async district(@Param('district') code: string, @Query() query: IndicatorsQuery, @CurrentPrincipal() principal: Principal, @Res() response: Response): Promise<void> {
    const district = this.queries.catalogue.find(code);
    if (!district) throw new NotFoundException('Arrondissement inconnu.');
    const report = await this.queries.districtReport(code, periodRequestOf(query));
    const granularity: Granularity = report.periods[0].period.granularity;
    const body = districtPage({
      report,
      district,
      granularity,
      from: report.periods[0].period.key,
      to: report.periods[report.periods.length - 1].period.key,
      query: queryString({ granularity: query.granularity, from: query.from, to: query.to }),
    });
    send(response, `Tableau de bord — ${district.name}`, whoIs(principal, district.name), body);
  }
}
