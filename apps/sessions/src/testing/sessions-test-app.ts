import { INestApplication, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DevIssuer, Role } from '@lien/shared-auth';
import { toKafkaMessage } from '@lien/shared-messaging';
import { configureHttp } from '@lien/shared-platform';
import { CASE_OPENED_V1, CaseOpenedV1 } from '@lien/referrals-contracts';
import { referralTopics } from '@lien/sessions-application';
import { SessionsModule } from '../sessions.module';
import { SessionsTestInfrastructure } from './sessions-test-infrastructure';

export interface TestCase {
  readonly caseId: string;
  readonly child: string;
  readonly mother: string;
  readonly father: string;
}

/** A case as the referrals service opens it: the father under a no-contact order towards the mother and the child. */
export function caseOpenedContract(supervisedContactAllowed = false): { contract: CaseOpenedV1; people: TestCase } {
  const people = { caseId: randomUUID(), child: randomUUID(), mother: randomUUID(), father: randomUUID() };
  return {
    people,
    contract: {
      caseId: people.caseId,
      referralId: randomUUID(),
      mandantType: 'FAMILY_COURT',
      legalBasis: 'CONSTRAINED',
      division: 'marche-en-famenne',
      childIds: people.child,
      adultIds: `${people.mother},${people.father}`,
      adultRoles: 'MOTHER,FATHER',
      custodialAdultId: people.mother,
      protectiveMeasures: `NO_CONTACT_ORDER:${people.father}>${people.mother}|${people.child}`,
      supervisedContactAllowed,
      openedAt: '2026-03-01T10:00:00.000Z',
    },
  };
}

async function eventually(what: string, predicate: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !(await predicate()); ) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The sessions service started in-process on its test infrastructure, with tokens of the development issuer. */
export class SessionsTestApp {
  private constructor(
    readonly app: INestApplication,
    readonly infrastructure: SessionsTestInfrastructure,
  ) {}

  static async start(infrastructure: SessionsTestInfrastructure): Promise<SessionsTestApp> {
    @Module({ imports: [SessionsModule.forRoot(infrastructure.open)] })
    class SessionsUnderTest {}
    const app = (await Test.createTestingModule({ imports: [SessionsUnderTest] }).compile()).createNestApplication({ bodyParser: false });
    configureHttp(app, { name: 'sessions' });
    await app.init();
    return new SessionsTestApp(app, infrastructure);
  }

  http() {
    return request(this.app.getHttpServer());
  }

  token(roles: Role[], userId = `user-${roles.join('-')}`, districts = ['luxembourg']): Promise<string> {
    return this.app.get(DevIssuer).mint({ userId, roles, districts });
  }

  /**
   * Publishes the contract on the district's referrals topic, as the referrals relay would, and waits for
   * the plan. `redelivered` sends it again with the same id (a broker redelivery) and with a new id (a relay
   * re-sending after a crash): the plan must still open once.
   */
  async openCase(supervisedContactAllowed = false, district = 'luxembourg', redelivered = false): Promise<TestCase> {
    const { contract, people } = caseOpenedContract(supervisedContactAllowed);
    const [topic] = referralTopics([district]);
    const event = { id: randomUUID(), type: CASE_OPENED_V1, source: `/lien/referrals/${district}`, subject: `referral-${contract.referralId}`, time: '2026-03-01T10:00:00.000Z', district, data: contract };
    const again = redelivered ? [toKafkaMessage(topic as string, event), toKafkaMessage(topic as string, { ...event, id: randomUUID() })] : [];
    await this.infrastructure.transport.producer.send([toKafkaMessage(topic as string, event), ...again]);
    const token = await this.token(['practitioner']);
    await eventually('the session plan', async () => (await this.http().get(`/api/v1/districts/${district}/cases/${people.caseId}/session-plan`).auth(token, { type: 'bearer' })).status === 200);
    return people;
  }

  eventually = eventually;

  async stop(): Promise<void> {
    await this.app.close();
    await this.infrastructure.dropSchemas();
  }
}
