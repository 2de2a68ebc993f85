import { Module, Type } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { ReferralsModule } from '../referrals.module';
import { ConfiguredDistrictCapacities } from '../runtime/district-capacities';

export interface ReferralsTestModule {
  readonly module: Type<unknown>;
  /** The suite's own schema prefix (`lien_<name>_…`). */
  readonly name: string;
  dropSchemas(): Promise<void>;
}

/** The real service on its own schemas of the test database, with the given capacities (default 20 each). */
export function referralsTestModule(databaseUrl: string, options: { capacities?: Record<string, number>; kafkaBrokers?: readonly string[] } = {}): ReferralsTestModule {
  const name = `referrals_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  const capacities = new ConfiguredDistrictCapacities(new Map(Object.entries(options.capacities ?? {})), 20);
  const infrastructure = { mode: 'real' as const, databaseUrl, ...(options.kafkaBrokers ? { kafkaBrokers: options.kafkaBrokers } : {}) };

  @Module({ imports: [ReferralsModule.forRoot({ infrastructure, name, capacities })] })
  class ReferralsUnderTest {}

  return {
    module: ReferralsUnderTest,
    name,
    async dropSchemas() {
      const pool = new Pool({ connectionString: databaseUrl, max: 1 });
      try {
        for (const schema of [`lien_${name}_events`, `lien_${name}_keys`, `lien_${name}_read`, `lien_${name}`]) await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await pool.end();
      }
    },
  };
}
