import { Subscription } from '@lien/shared-event-store';
import { describeAppendContract } from './append.contract';
import { describeConcurrencyContract } from './concurrency.contract';
import { ContractContext, EventStoreFactory, EventStoreUnderTest } from './contract-context';
import { describeDistrictContract } from './district.contract';
import { describeHashChainContract } from './hash-chain.contract';
import { describeReadAllContract } from './read-all.contract';
import { describeReadStreamContract } from './read-stream.contract';
import { describeSubscriptionContract } from './subscription.contract';
import { describeValidationContract } from './validation.contract';

/**
 * The behaviour every `EventStore` adapter must show. The factory runs once per suite; tests use
 * unique stream names, categories, types and districts, so the store may be shared with other suites.
 */
export function describeEventStoreContract(name: string, factory: EventStoreFactory): void {
  describe(`${name} event store contract`, () => {
    let underTest: EventStoreUnderTest | undefined;
    const openSubscriptions: Subscription[] = [];

    beforeAll(async () => {
      underTest = await factory();
    });

    afterEach(async () => {
      await Promise.all(openSubscriptions.splice(0).map((subscription) => subscription.stop()));
    });

    afterAll(async () => {
      await underTest?.dispose();
    });

    const context: ContractContext = {
      store: () => {
        if (!underTest) throw new Error(`the ${name} event store factory did not produce a store`);
        return underTest.store;
      },
      tamper: () => underTest?.tamper,
      track: (subscription) => {
        openSubscriptions.push(subscription);
        return subscription;
      },
    };

    describeAppendContract(context);
    describeValidationContract(context);
    describeReadStreamContract(context);
    describeReadAllContract(context);
    describeDistrictContract(context);
    describeSubscriptionContract(context);
    describeHashChainContract(context);
    describeConcurrencyContract(context);
  });
}
