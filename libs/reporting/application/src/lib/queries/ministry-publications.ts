import { DataSource } from 'typeorm';
import { DEFAULT_SERVICE_ROLE } from '@lien/shared-read-model';
import { CalendarPeriod, MinistryReport } from '@lien/reporting-domain';

/**
 * The ministry reports as first published, one per period. The first request after a period became
 * publishable computes it; the insert keeps whichever report got there first, and every later request
 * reads that one, so two requests never answer with tables that differ by a handful of late cases.
 */
export class MinistryPublications {
  private readonly table: string;

  constructor(
    private readonly dataSource: DataSource,
    schema: string,
    private readonly clock: () => Date,
  ) {
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error('unsafe schema name');
    this.table = `${schema}.ministry_publications`;
  }

  async publishedOr(period: CalendarPeriod, compute: () => Promise<MinistryReport>): Promise<MinistryReport> {
    const existing = await this.read(period);
    if (existing) return existing;
    const report = await compute();
    await this.asService((run) =>
      run(`INSERT INTO ${this.table} (granularity, period_key, report, published_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [period.granularity, period.key, JSON.stringify(report), this.clock()]),
    );
    return (await this.read(period)) ?? report;
  }

  private async read(period: CalendarPeriod): Promise<MinistryReport | undefined> {
    const rows = await this.asService((run) => run(`SELECT report FROM ${this.table} WHERE granularity = $1 AND period_key = $2`, [period.granularity, period.key]));
    return (rows as Array<{ report: MinistryReport }>)[0]?.report;
  }

  private asService(work: (run: (sql: string, params: unknown[]) => Promise<unknown>) => Promise<unknown>): Promise<unknown> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL ROLE ${DEFAULT_SERVICE_ROLE}`);
      return work((sql, params) => manager.query(sql, params));
    });
  }
}
