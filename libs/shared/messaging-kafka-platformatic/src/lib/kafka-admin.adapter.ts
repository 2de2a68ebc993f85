import { PartitionEndOffsets, TopicAdmin, TopicSpec } from '@lien/shared-messaging';
import { Admin, Consumer } from '@platformatic/kafka';
import { baseOptions, clusterGroupId, KafkaConnectionOptions } from './kafka-options';

export class KafkaTopicAdmin extends TopicAdmin {
  private readonly admin: Admin;

  constructor(private readonly options: KafkaConnectionOptions) {
    super();
    this.admin = new Admin(baseOptions(options));
  }

  async createTopics(topics: readonly TopicSpec[]): Promise<void> {
    const existing = new Set(await this.admin.listTopics());
    for (const topic of topics.filter((t) => !existing.has(t.name))) {
      try {
        await this.admin.createTopics({ topics: [topic.name], partitions: topic.partitions, replicas: topic.replicationFactor ?? -1 });
      } catch (error) {
        // Another process may have created it between the listing and now: that is the wanted state.
        if (!(await this.admin.listTopics()).includes(topic.name)) throw error;
      }
    }
  }

  async endOffsets(topic: string): Promise<PartitionEndOffsets> {
    // ListOffsets lives on the consumer client; it needs a group id but joins no group.
    const consumer = new Consumer({ ...baseOptions(this.options), groupId: clusterGroupId(this.options, `lien-end-offsets-${process.pid}`) });
    try {
      const offsets = await consumer.listOffsets({ topics: [topic] });
      return new Map((offsets.get(topic) ?? []).map((offset, partition) => [partition, offset.toString()]));
    } finally {
      await consumer.close(true);
    }
  }

  async close(): Promise<void> {
    await this.admin.close();
  }
}
