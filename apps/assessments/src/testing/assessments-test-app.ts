import { INestApplication, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DevIssuer, Role } from '@lien/shared-auth';
import { toKafkaMessage, topicName } from '@lien/shared-messaging';
import { configureHttp } from '@lien/shared-platform';
import { CASE_OPENED_V1, CaseOpenedV1, REFERRAL_LIFECYCLE_FAMILY, REFERRALS_PUBLISHER } from '@lien/referrals-contracts';
import { AssessmentsModule } from '../assessments.module';
import { AssessmentsTestInfrastructure } from './assessments-test-infrastructure';

export interface TestCase {
  readonly caseId: string;
  readonly child: string;
}

export async function eventually(what: string, predicate: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !(await predicate()); ) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The assessments service started in-process on its test infrastructure, with tokens of the development issuer. */
export class AssessmentsTestApp {
  private constructor(
    readonly app: INestApplication,
    readonly infrastructure: AssessmentsTestInfrastructure,
  ) {}

  static async start(infrastructure: AssessmentsTestInfrastructure): Promise<AssessmentsTestApp> {
    @Module({ imports: [AssessmentsModule.forRoot(infrastructure.open)] })
    class AssessmentsUnderTest {}
    const app = (await Test.createTestingModule({ imports: [AssessmentsUnderTest] }).compile()).createNestApplication({ bodyParser: false });
    configureHttp(app, { name: 'assessments' });
    await app.init();
    return new AssessmentsTestApp(app, infrastructure);
  }

  http() {
    return request(this.app.getHttpServer());
  }

  token(roles: Role[], userId = `user-${roles.join('-')}`, districts = ['luxembourg']): Promise<string> {
    return this.app.get(DevIssuer).mint({ userId, roles, districts });
  }

  /**
   * Publishes the referrals service's case-opened contract on the district topic, as its relay would
   * (with the mandate’s decision date and deadlines), and waits for the file.
   */
  async openCase(district = 'luxembourg', mandate: { reportDeadlines?: string; mandateDecisionDate?: string } = { reportDeadlines: 'INTERIM:2026-06-01,FINAL:2026-09-30', mandateDecisionDate: '2026-02-20' }): Promise<TestCase> {
    const people = { caseId: randomUUID(), child: randomUUID() };
    const contract: CaseOpenedV1 & typeof mandate = {
      caseId: people.caseId, referralId: randomUUID(), mandantType: 'FAMILY_COURT', legalBasis: 'CONSTRAINED', division: 'marche-en-famenne',
      childIds: people.child, adultIds: `${randomUUID()},${randomUUID()}`, adultRoles: 'MOTHER,FATHER', custodialAdultId: null, protectiveMeasures: '', supervisedContactAllowed: true, openedAt: '2026-03-01T10:00:00.000Z', ...mandate,
    };
    await this.publish(district, REFERRALS_PUBLISHER, REFERRAL_LIFECYCLE_FAMILY, CASE_OPENED_V1, `referral-${contract.referralId}`, contract);
    const token = await this.token(['practitioner']);
    await eventually('the assessment file', async () => (await this.http().get(`/api/v1/districts/${district}/cases/${people.caseId}/assessment-file`).auth(token, { type: 'bearer' })).status === 200);
    return people;
  }

  /** Sends one contract of another service on its district topic; returns its id. */
  async publish(district: string, service: string, family: string, type: string, subject: string, data: object, time = '2026-03-01T10:00:00.000Z'): Promise<string> {
    const id = randomUUID();
    const topic = topicName({ district, service, family, version: 1 });
    await this.infrastructure.transport.producer.send([toKafkaMessage(topic, { id, type, source: `/lien/${service}/${district}`, subject, time, district, data: data as Record<string, unknown> })]);
    return id;
  }

  async stop(): Promise<void> {
    await this.app.close();
    await this.infrastructure.dropSchemas();
  }
}
