import { ReferralListFilter, ReferralListing, ReferralReadModel } from '../read-model/referral-read-model.queries';

/** A line of the referral list: no personal data, only pseudonymous ids, statuses and dates. */
export interface ReferralSummaryView {
  readonly id: string;
  readonly division: string | null;
  readonly status: string;
  readonly mandantType: string;
  readonly mandateReference: string;
  readonly legalBasis: string;
  readonly decisionDate: string;
  readonly caseId: string | null;
  readonly childCount: number;
  readonly adultCount: number;
  readonly protectiveMeasureCount: number;
  readonly earliestReportDue: string | null;
  readonly registeredAt: string;
  readonly waitlistedAt: string | null;
  readonly waitlistPosition: number | null;
  readonly revision: string;
}

export interface ReferralListView {
  readonly items: readonly ReferralSummaryView[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

export class ListReferralsUseCase {
  constructor(private readonly readModel: ReferralReadModel) {}

  async execute(district: string, filter: ReferralListFilter): Promise<ReferralListView> {
    const page = await this.readModel.list(district, filter);
    return { items: page.items.map(summaryOf), total: page.total, limit: filter.limit, offset: filter.offset };
  }
}

function summaryOf(row: ReferralListing): ReferralSummaryView {
  return {
    id: row.id,
    division: row.division,
    status: row.status,
    mandantType: row.mandantType,
    mandateReference: row.mandateReference,
    legalBasis: row.legalBasis,
    decisionDate: row.decisionDate,
    caseId: row.caseId,
    childCount: row.childCount,
    adultCount: row.adultCount,
    protectiveMeasureCount: row.protectiveMeasureCount,
    earliestReportDue: row.earliestReportDue,
    registeredAt: row.registeredAt.toISOString(),
    waitlistedAt: row.waitlistedAt?.toISOString() ?? null,
    waitlistPosition: row.waitlistPosition,
    revision: row.revision,
  };
}
