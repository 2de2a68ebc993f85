import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, authConfigFromEnv } from '@lien/shared-auth';
import { infrastructureFromEnv } from '@lien/shared-wiring';
import { openAuditedStores, OpenedAuditedStores } from '../audit-context';
import { AuditController } from './audit.controller';
import { AuditStores } from './audit-stores';

export interface AuditApiOptions {
  /**
   * The host's authentication module when mounted beside the services (one guard, one issuer);
   * alone, the module brings its own from the environment, as every service does.
   */
  readonly auth?: DynamicModule;
  /** Which stores to audit; default: the three event-sourced services' stores, on the parts the environment names. */
  readonly openStores?: () => Promise<OpenedAuditedStores>;
}

/** The auditor-only API (`events:audit`), over the same operations as the CLI. Mountable in a host. */
@Module({})
export class AuditApiModule {
  static forRoot(options: AuditApiOptions = {}): DynamicModule {
    const openStores = options.openStores ?? (() => openAuditedStores(infrastructureFromEnv()));
    return {
      module: AuditApiModule,
      imports: [options.auth ?? AuthModule.forRoot(authConfigFromEnv())],
      controllers: [AuditController],
      providers: [{ provide: AuditStores, useFactory: async () => new AuditStores(await openStores()) }],
    };
  }
}
