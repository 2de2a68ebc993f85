import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import type { AuditedStore, OpenedAuditedStores } from '../audit-context';

/** The stores the API reads, opened once at start (as the CLI opens them per command), closed at shutdown. */
@Injectable()
export class AuditStores implements OnApplicationShutdown {
  constructor(private readonly opened: OpenedAuditedStores) {}

  get stores(): readonly AuditedStore[] {
    return this.opened.stores;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.opened.close();
  }
}
