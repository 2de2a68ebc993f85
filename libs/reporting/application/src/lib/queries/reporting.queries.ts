import { DataSource } from 'typeorm';
import { DistrictScopedDatabase } from '@lien/shared-read-model';
import { brusselsDate, CalendarPeriod, DistrictFacts, districtReport, DistrictReport, hasHistoryBefore, ministryReport, MinistryReport, PeriodRequest, previousPeriod, resolvePeriods, selectDistricts } from '@lien/reporting-domain';
import { DistrictCatalogue } from './district-catalogue';
import { loadDistrictFacts } from './district-facts.loader';
import { MinistryPublications } from './ministry-publications';
import { districtRules, ministryRules, ReportingPolicy } from './reporting-policy';

export interface ReportingQueriesOptions {
  readonly dataSource: DataSource;
  readonly database: DistrictScopedDatabase;
  readonly schema: string;
  readonly catalogue: DistrictCatalogue;
  readonly policy: ReportingPolicy;
  readonly clock: () => Date;
}

/** The two readings of the read model: a district's own raw dashboard, and the ministry's protected one. */
export class ReportingQueries {
  private readonly publications: MinistryPublications;

  constructor(private readonly options: ReportingQueriesOptions) {
    this.publications = new MinistryPublications(options.dataSource, options.schema, options.clock);
  }

  get catalogue(): DistrictCatalogue {
    return this.options.catalogue;
  }

  private today(): string {
    return brusselsDate(this.options.clock());
  }

  /** The period the ministry sees when it asks for none: the latest one closed and settled. */
  latestMinistryPeriod(): CalendarPeriod {
    return resolvePeriods({}, ministryRules(this.options.policy, this.today()))[0];
  }

  /** For the district's own staff; the caller has already checked the district is theirs and is known. */
  async districtReport(district: string, request: PeriodRequest): Promise<DistrictReport> {
    const profile = this.options.catalogue.require(district);
    const periods = resolvePeriods(request, districtRules(this.options.policy, this.today()));
    const facts = await loadDistrictFacts(this.options.database, district);
    return districtReport(facts, periods, profile.divisions, profile.capacity);
  }

  /**
   * For the ministry: one protected report per period, each computed over every district and frozen
   * at first publication; `districts` only selects rows to show, the totals stay all-district.
   */
  async ministryReports(request: PeriodRequest, districts?: readonly string[]): Promise<MinistryReport[]> {
    districts?.forEach((code) => this.options.catalogue.require(code));
    const periods = resolvePeriods(request, ministryRules(this.options.policy, this.today()));
    let facts: Promise<DistrictFacts[]> | undefined;
    const allFacts = () => (facts ??= Promise.all(this.options.catalogue.codes.map((code) => loadDistrictFacts(this.options.database, code))));
    const reports: MinistryReport[] = [];
    for (const period of periods) reports.push(await this.publication(period, allFacts));
    return reports.map((report) => selectDistricts(report, districts));
  }

  /**
   * A period's frozen report. Stocks chain from the period before, so that one is published (and
   * frozen) first, back to the last period before any activity.
   */
  private publication(period: CalendarPeriod, allFacts: () => Promise<DistrictFacts[]>): Promise<MinistryReport> {
    return this.publications.publishedOr(period, async () => {
      const facts = await allFacts();
      const chained = facts.some((f) => hasHistoryBefore(f, period.firstDay));
      const previous = chained ? await this.publication(previousPeriod(period), allFacts) : undefined;
      return ministryReport(this.options.catalogue.profiles, facts, period, this.options.policy, previous);
    });
  }
}
