/** How to reach the cluster; one set of options for producer, consumers and admin of a process. */
export interface KafkaConnectionOptions {
  /** `host:port` of at least one broker, e.g. from `KAFKA_BROKERS`. */
  readonly brokers: readonly string[];
  /** Names the process in broker logs and quotas, e.g. `referrals-relay`. Never personal data. */
  readonly clientId: string;
  /** Per-request timeout in ms (client default 5 000). */
  readonly requestTimeoutMs?: number;
  /**
   * Put before every consumer group id on the cluster, e.g. `lien.luxembourg.`: the cluster's ACLs let a
   * district's user own only the groups under its prefix. The handlers' names (and their inbox rows)
   * stay as they are.
   */
  readonly groupPrefix?: string;
}

/** The group id as the cluster knows it. */
export function clusterGroupId(options: KafkaConnectionOptions, groupId: string): string {
  return `${options.groupPrefix ?? ''}${groupId}`;
}

export function parseBrokers(value: string): string[] {
  return value
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
}

export function baseOptions(options: KafkaConnectionOptions): { clientId: string; bootstrapBrokers: string[]; timeout?: number } {
  return {
    clientId: options.clientId,
    bootstrapBrokers: [...options.brokers],
    ...(options.requestTimeoutMs !== undefined ? { timeout: options.requestTimeoutMs } : {}),
  };
}
