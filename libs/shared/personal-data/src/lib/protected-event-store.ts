import {
  AppendOptions, AppendResult, EventStore, JsonObject, NewEvent, ReadAllOptions, ReadAllPage, ReadStreamOptions,
  RecordedEvent, StreamVerification, SubscribeOptions, Subscription,
} from '@lien/shared-event-store';
import { PersonalDataProtector } from './personal-data-protector';

/**
 * The event store as services see it: personal fields are sealed before they reach storage (so the
 * hash chain covers ciphertext) and opened on the way out, or shown as erased once the key is gone.
 */
export class ProtectedEventStore extends EventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly protector: PersonalDataProtector,
  ) {
    super();
  }

  async append(streamName: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    const sealed = await Promise.all(events.map(async (event) => ({ ...event, data: await this.protector.seal(event.data, event.metadata.district) })));
    return this.inner.append(streamName, sealed, options);
  }

  async readStream<Data extends JsonObject = JsonObject>(streamName: string, options: ReadStreamOptions): Promise<RecordedEvent<Data>[]> {
    const events = await this.inner.readStream(streamName, options);
    return Promise.all(events.map((event) => this.opened(event))) as Promise<RecordedEvent<Data>[]>;
  }

  async readAll(options?: ReadAllOptions): Promise<ReadAllPage> {
    const page = await this.inner.readAll(options);
    return { ...page, events: await Promise.all(page.events.map((event) => this.opened(event))) };
  }

  subscribe(options: SubscribeOptions): Subscription {
    return this.inner.subscribe({ ...options, handler: async (event, checkpoint) => options.handler(await this.opened(event), checkpoint) });
  }

  /** Verification works on the stored (sealed) form: erasure never breaks it. */
  verifyStream(streamName: string, options: { readonly district: string }): Promise<StreamVerification> {
    return this.inner.verifyStream(streamName, options);
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private async opened(event: RecordedEvent): Promise<RecordedEvent> {
    return { ...event, data: await this.protector.open(event.data) };
  }
}
