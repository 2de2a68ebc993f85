import { EntitySchema } from 'typeorm';

/** Which generation of the consumer group feeds the read model: a rebuild starts the next one from the topics' beginning. */
export interface ConsumerGenerationRow {
  name: string;
  generation: number;
}

export const ConsumerGenerationEntity = new EntitySchema<ConsumerGenerationRow>({
  name: 'ReportingConsumerGeneration',
  tableName: 'consumer_generations',
  columns: { name: { type: 'text', primary: true }, generation: { type: 'int' } },
});

/**
 * A ministry report as first published, kept as it was: a later correction of the facts must not let
 * anyone subtract yesterday's table from today's to isolate the cases that changed.
 */
export interface MinistryPublicationRow {
  granularity: string;
  periodKey: string;
  report: unknown;
  publishedAt: Date;
}

export const MinistryPublicationEntity = new EntitySchema<MinistryPublicationRow>({
  name: 'ReportingMinistryPublication',
  tableName: 'ministry_publications',
  columns: {
    granularity: { type: 'text', primary: true },
    periodKey: { type: 'text', name: 'period_key', primary: true },
    report: { type: 'jsonb' },
    publishedAt: { type: 'timestamptz', name: 'published_at' },
  },
});

export const REPORTING_STATE_ENTITIES = [ConsumerGenerationEntity, MinistryPublicationEntity];
