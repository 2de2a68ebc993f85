import { DistrictScopedDatabase } from '@lien/shared-read-model';
import { EntityManager, FindOptionsWhere } from 'typeorm';
import { WaitingList } from '../promote-waiting-list/promote-waiting-list.use-case';
import { ReferralRow, ReferralRowEntity } from './referral-row.entity';

export interface ReferralListFilter {
  readonly status?: string;
  readonly mandantType?: string;
  readonly limit: number;
  readonly offset: number;
}

export interface ReferralListing extends ReferralRow {
  /** 1-based place on the district's waiting list; null when not waitlisted. */
  readonly waitlistPosition: number | null;
}

export interface ReferralPage {
  readonly items: readonly ReferralListing[];
  readonly total: number;
}

/** Every query runs inside `inDistrict`: row-level security shows the district's rows and nothing else. */
export class ReferralReadModel extends WaitingList {
  constructor(private readonly database: DistrictScopedDatabase) {
    super();
  }

  list(district: string, filter: ReferralListFilter): Promise<ReferralPage> {
    return this.database.inDistrict(district, async (manager) => {
      const where: FindOptionsWhere<ReferralRow> = {
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.mandantType ? { mandantType: filter.mandantType } : {}),
      };
      const [rows, total] = await manager.getRepository(ReferralRowEntity).findAndCount({
        where,
        order: { registeredAt: 'DESC', id: 'ASC' },
        skip: filter.offset,
        take: filter.limit,
      });
      const positions = await waitlistPositions(manager, rows.filter((r) => r.status === 'WAITLISTED').map((r) => r.id));
      return { items: rows.map((row) => ({ ...row, waitlistPosition: positions.get(row.id) ?? null })), total };
    });
  }

  find(district: string, referralId: string): Promise<ReferralListing | undefined> {
    return this.database.inDistrict(district, async (manager) => {
      const row = await manager.getRepository(ReferralRowEntity).findOneBy({ id: referralId });
      if (!row) return undefined;
      const positions = await waitlistPositions(manager, row.status === 'WAITLISTED' ? [row.id] : []);
      return { ...row, waitlistPosition: positions.get(row.id) ?? null };
    });
  }

  oldestFirst(district: string, limit: number): Promise<string[]> {
    return this.database.inDistrict(district, async (manager) => {
      const rows = await manager.getRepository(ReferralRowEntity).find({
        select: { id: true },
        where: { status: 'WAITLISTED' },
        order: { waitlistedAt: 'ASC', id: 'ASC' },
        take: limit,
      });
      return rows.map((row) => row.id);
    });
  }
}

async function waitlistPositions(manager: EntityManager, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const table = manager.getRepository(ReferralRowEntity).metadata.tablePath;
  const rows: Array<{ id: string; position: string }> = await manager.query(
    `SELECT id, position FROM (SELECT id, row_number() OVER (ORDER BY waitlisted_at, id) AS position FROM ${table} WHERE status = 'WAITLISTED') ranked WHERE id = ANY($1)`,
    [ids],
  );
  return new Map(rows.map((row) => [row.id, Number(row.position)]));
}
