/** Topic names are public API: lowercase segments only, so they read the same in every tool and ACL. */
const SEGMENT = /^[a-z][a-z0-9-]*$/;

export interface TopicAddress {
  /** The tenant: a judicial district code such as `luxembourg`. */
  readonly district: string;
  /** The publishing service, e.g. `referrals`. */
  readonly service: string;
  /** The contract family, e.g. `case-lifecycle`. */
  readonly family: string;
  /** The contract family's major version; a breaking change gets a new topic. */
  readonly version: number;
}

export class InvalidTopicName extends Error {
  constructor(reason: string) {
    super(`Invalid topic name: ${reason}`);
    this.name = 'InvalidTopicName';
  }
}

/** `lien.<district>.<service>.<family>.v<version>`: one topic per district keeps tenants apart in ACLs and retention. */
export function topicName(address: TopicAddress): string {
  for (const [field, value] of Object.entries({ district: address.district, service: address.service, family: address.family })) {
    if (!SEGMENT.test(value)) throw new InvalidTopicName(`${field} must match ${SEGMENT.source}`);
  }
  if (!Number.isInteger(address.version) || address.version < 1) throw new InvalidTopicName('version must be a positive integer');
  return `lien.${address.district}.${address.service}.${address.family}.v${address.version}`;
}

/** Where a consumer group puts what it could not handle; re-driven to `topic` by tools/dead-letters. */
export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}
