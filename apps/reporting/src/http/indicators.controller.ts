import { Controller, Get, Header, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequirePermission } from '@lien/shared-auth';
import { districtCsv, ministryCsv, ReportingQueries } from '@lien/reporting-application';
import { INDICATORS } from '@lien/reporting-domain';
import { districtsOf, IndicatorsQuery, MinistryIndicatorsQuery, periodRequestOf } from './indicators.query';

const catalogue = () => INDICATORS.map((i) => ({ id: i.id, kind: i.kind, title: i.title, categories: i.categories, ...(i.shareOf ? { shareOf: i.shareOf } : {}) }));

function csv(response: Response, name: string, body: string): void {
  response.setHeader('Content-Type', 'text/csv; charset=utf-8');
  response.setHeader('Content-Disposition', `attachment; filename="${name}.csv"`);
  response.send(body);
}

/**
 * The indicators as data. A district's own staff get raw figures for their district; the ministry gets
 * the protected reports, whose suppressed cells hold no number, in JSON and CSV alike.
 */
@ApiTags('indicateurs')
@Controller('api/v1')
export class IndicatorsController {
  constructor(private readonly queries: ReportingQueries) {}

  private knownDistrict(district: string): string {
    // A district the token grants but the configuration does not know: absent, like any unknown resource.
    if (!this.queries.catalogue.find(district)) throw new NotFoundException('Arrondissement inconnu.');
    return district;
  }

  @Get('districts/:district/indicators')
  @RequirePermission('case:read')
  @ApiOperation({ summary: "Indicateurs bruts d'un arrondissement, par période et par division" })
  async district(@Param('district') district: string, @Query() query: IndicatorsQuery) {
    const report = await this.queries.districtReport(this.knownDistrict(district), periodRequestOf(query));
    return { indicators: catalogue(), report };
  }

  @Get('districts/:district/indicators.csv')
  @RequirePermission('case:read')
  @ApiOperation({ summary: "Export CSV des indicateurs d'un arrondissement" })
  async districtExport(@Param('district') district: string, @Query() query: IndicatorsQuery, @Res() response: Response) {
    const report = await this.queries.districtReport(this.knownDistrict(district), periodRequestOf(query));
    csv(response, `indicateurs-${district}`, districtCsv(report));
  }

  @Get('ministry/indicators')
  @RequirePermission('aggregates:read')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Indicateurs comparés des arrondissements, sous secret statistique' })
  async ministry(@Query() query: MinistryIndicatorsQuery) {
    const reports = await this.queries.ministryReports(periodRequestOf(query), districtsOf(query));
    return { suppressedMark: 'secret', indicators: catalogue(), reports };
  }

  @Get('ministry/indicators.csv')
  @RequirePermission('aggregates:read')
  @ApiOperation({ summary: 'Export CSV des indicateurs comparés, sous secret statistique' })
  async ministryExport(@Query() query: MinistryIndicatorsQuery, @Res() response: Response) {
    const reports = await this.queries.ministryReports(periodRequestOf(query), districtsOf(query));
    csv(response, 'indicateurs-arrondissements', ministryCsv(reports));
  }
}
