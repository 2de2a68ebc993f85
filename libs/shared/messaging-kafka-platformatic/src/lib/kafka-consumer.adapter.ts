import { MessageConsumer, SubscribeToTopicsOptions, TopicSubscription } from '@lien/shared-messaging';
import { KafkaConsumerOptions, openStream } from './kafka-group-member';
import { KafkaTopicSubscription } from './kafka-topic-subscription';

export type { KafkaConsumerOptions } from './kafka-group-member';

export class KafkaMessageConsumer extends MessageConsumer {
  private readonly subscriptions = new Set<TopicSubscription>();

  constructor(private readonly options: KafkaConsumerOptions) {
    super();
  }

  async subscribe(subscription: SubscribeToTopicsOptions): Promise<TopicSubscription> {
    // The first join happens here, so a wrong broker address or topic fails the caller at once.
    const first = await openStream(this.options, subscription);
    const running = new KafkaTopicSubscription(this.options, subscription, first);
    this.subscriptions.add(running);
    void running.done.finally(() => this.subscriptions.delete(running)).catch(() => undefined);
    return running;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
  }
}
