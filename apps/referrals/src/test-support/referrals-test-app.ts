import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DevIssuer, Role } from '@lien/shared-auth';
import { configureHttp } from '@lien/shared-platform';
import request from 'supertest';
import { ReferralsRuntime } from '../runtime/referrals-runtime';
import { referralsTestModule } from './referrals-test-module';

export interface ReferralsTestApp {
  readonly app: INestApplication;
  readonly runtime: ReferralsRuntime;
  /** The suite's schema name part: its schemas are `lien_<name>_…`. */
  readonly name: string;
  http(): ReturnType<typeof request>;
  /** A development token for a user of `district` (default luxembourg) with the given role. */
  token(role: Role, district?: string, userId?: string): Promise<string>;
  close(): Promise<void>;
}

/** The referrals service over HTTP on its own schemas of the test database. */
export async function startReferralsApp(databaseUrl: string, options: { capacities?: Record<string, number>; kafkaBrokers?: readonly string[] } = {}): Promise<ReferralsTestApp> {
  const testModule = referralsTestModule(databaseUrl, options);
  const app = (await Test.createTestingModule({ imports: [testModule.module] }).compile()).createNestApplication({ bodyParser: false });
  configureHttp(app, { name: 'referrals' });
  await app.init();
  const issuer = app.get(DevIssuer);
  return {
    app,
    runtime: app.get(ReferralsRuntime),
    name: testModule.name,
    http: () => request(app.getHttpServer()),
    token: (role, district = 'luxembourg', userId = `${role}-1`) => issuer.mint({ userId, roles: [role], districts: [district] }),
    async close() {
      await app.close();
      await testModule.dropSchemas();
    },
  };
}

/** A registration body as a client sends it, with fresh person ids and reference. */
export function aRegistrationBody(overrides: Record<string, unknown> = {}, mandateOverrides: Record<string, unknown> = {}): Record<string, unknown> {
  const id = () => crypto.randomUUID();
  const [child, mother, father] = [id(), id(), id()];
  return {
    division: 'marche-en-famenne',
    mandate: {
      mandantType: 'FAMILY_COURT',
      reference: `25/${Math.floor(Math.random() * 1e8)}/A`,
      decisionDate: '2026-01-20',
      legalBasis: 'CONSTRAINED',
      modalities: [{ kind: 'SUPERVISED_MEETINGS', sessionsPerMonth: 2, durationMonths: 6, note: 'Le mercredi à Marche' }],
      reportDeadlines: [{ kind: 'INTERIM', dueOn: '2026-05-20' }],
      ...mandateOverrides,
    },
    children: [{ personId: child, firstName: 'Zoé', lastName: 'Fictive', birthDate: '2017-05-04' }],
    adults: [
      { personId: mother, role: 'MOTHER', firstName: 'Marie', lastName: 'Fictive', address: 'Rue des Tilleuls 4, 6900 Marche' },
      { personId: father, role: 'FATHER', firstName: 'Marc', lastName: 'Inventé' },
    ],
    protectiveMeasures: [
      { kind: 'NO_CONTACT_ORDER', restrainedPersonId: father, protectedPersonIds: [mother] },
      { kind: 'VICTIM_ADDRESS_CONFIDENTIAL', protectedPersonId: mother },
    ],
    ...overrides,
  };
}
