import { DataSource, EntityManager } from 'typeorm';
import { assertIdentifier, DEFAULT_SERVICE_ROLE, DISTRICT_SETTING } from './district-isolation.sql';

/**
 * The only way services touch read models: one transaction per unit of work, acting as the
 * non-owner service role with the district set transaction-locally (safe with pooled connections,
 * and with PGlite, whose single session would leak a session-level setting to the next caller).
 */
export class DistrictScopedDatabase {
  private readonly role: string;

  constructor(
    private readonly dataSource: DataSource,
    role = DEFAULT_SERVICE_ROLE,
  ) {
    this.role = assertIdentifier(role);
  }

  inDistrict<T>(district: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!district) throw new Error('a district is required for read-model access');
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL ROLE ${this.role}`);
      await manager.query(`SELECT set_config('${DISTRICT_SETTING}', $1, true)`, [district]);
      return work(manager);
    });
  }

  /** For projections rebuilt across districts by the operator: still RLS-bound, one district at a time. */
  async forEachDistrict(districts: readonly string[], work: (district: string, manager: EntityManager) => Promise<void>): Promise<void> {
    for (const district of districts) await this.inDistrict(district, (manager) => work(district, manager));
  }
}
