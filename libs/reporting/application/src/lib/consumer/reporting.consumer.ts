import { EntityManager } from 'typeorm';
import { ReceivedEvent } from '@lien/shared-messaging';
import { IntegrationEventHandler } from '@lien/shared-messaging-consumer';
import { DEFAULT_SERVICE_ROLE, DISTRICT_SETTING } from '@lien/shared-read-model';
import { projectContract } from '../projection/reporting.projector';
import { districtOfTopic, reportingTopics } from './reporting-topics';

/** A record whose district header disagrees with its topic: a producer writing for another tenant. */
export class ForeignDistrictContract extends Error {
  constructor() {
    super('a contract on one district’s topic claims another district');
    this.name = 'ForeignDistrictContract';
  }
}

export const REPORTING_GROUP = 'reporting.indicators';

/** `base` is `reporting.indicators` in service; a test suite on a shared broker gives its own. */
export function reportingGroupId(generation: number, base = REPORTING_GROUP): string {
  return generation <= 1 ? base : `${base}.g${generation}`;
}

/**
 * The consumer group that builds the reporting read model from the three services' contracts. Each
 * record is applied as the non-owner service role with its district set, so row-level security holds
 * even here; topic ACLs are per district, so the district named by the topic is the one trusted.
 */
export function reportingHandler(districts: readonly string[], generation = 1, base = REPORTING_GROUP): IntegrationEventHandler<EntityManager> {
  return {
    groupId: reportingGroupId(generation, base),
    topics: reportingTopics(districts),
    async handle(event: ReceivedEvent, manager: EntityManager): Promise<void> {
      if (districtOfTopic(event.message.topic) !== event.district) throw new ForeignDistrictContract();
      await manager.query(`SET LOCAL ROLE ${DEFAULT_SERVICE_ROLE}`);
      await manager.query(`SELECT set_config('${DISTRICT_SETTING}', $1, true)`, [event.district]);
      await projectContract(manager, event);
    },
  };
}
