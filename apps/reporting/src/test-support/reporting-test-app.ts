import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Pool } from 'pg';
import { DevIssuer } from '@lien/shared-auth';
import { IntegrationEvent } from '@lien/shared-messaging';
import { createEmbeddedTransport } from '@lien/shared-messaging-embedded';
import { createKafkaTransport } from '@lien/shared-messaging-kafka-platformatic';
import { eventually } from '@lien/shared-messaging-testing';
import { configureHttp } from '@lien/shared-platform';
import { publish } from '@lien/reporting-testing';
import { reportingTestModule, ReportingTestOptions } from './reporting-test-module';

export interface ReportingTestApp {
  readonly app: INestApplication;
  readonly tokens: { readonly ministry: string; readonly luxembourg: string; readonly namur: string };
  /** Publishes contracts as the services' relays would, and waits until the consumer has recorded them all. */
  send(events: readonly IntegrationEvent[]): Promise<void>;
  close(): Promise<void>;
}

export interface ReportingTestAppOptions extends Omit<ReportingTestOptions, 'transport'> {
  /** The codes the scenario's two districts go by (default `luxembourg` and `namur`). */
  readonly codes?: { readonly luxembourg: string; readonly namur: string };
}

/**
 * The reporting service on its own schema, at 2 March 2026 unless told otherwise: on an in-process
 * transport, or with `kafkaBrokers` on the real broker, which the service then reads through its own
 * Kafka client while the test publishes through another.
 */
export async function startReportingApp(databaseUrl: string, options: ReportingTestAppOptions = {}): Promise<ReportingTestApp> {
  const transport = options.kafkaBrokers ? createKafkaTransport({ brokers: [...options.kafkaBrokers], clientId: 'reporting-test-publisher' }) : createEmbeddedTransport();
  const reporting = reportingTestModule(databaseUrl, { ...options, ...(options.kafkaBrokers ? {} : { transport }) });
  const codes = options.codes ?? { luxembourg: 'luxembourg', namur: 'namur' };
  const app = (await Test.createTestingModule({ imports: [reporting.module] }).compile()).createNestApplication({ bodyParser: false });
  configureHttp(app, { name: 'reporting' });
  await app.init();
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  const issuer = app.get(DevIssuer);
  let sent = 0;
  return {
    app,
    tokens: {
      ministry: await issuer.mint({ userId: 'analyst-1', roles: ['ministry-analyst'], districts: [] }),
      luxembourg: await issuer.mint({ userId: 'coordinator-lux', roles: ['coordinator'], districts: [codes.luxembourg] }),
      namur: await issuer.mint({ userId: 'coordinator-nam', roles: ['coordinator'], districts: [codes.namur] }),
    },
    async send(events) {
      await publish(transport.producer, events);
      sent += events.length;
      await eventually('the consumer to record every contract', async () => {
        const [{ count }] = (await pool.query(`SELECT count(*)::int AS count FROM ${reporting.schema}.inbox`)).rows;
        return count >= sent;
      }, 60_000);
    },
    async close() {
      await app.close();
      await transport.close();
      await pool.end();
      await reporting.dropSchema();
    },
  };
}
