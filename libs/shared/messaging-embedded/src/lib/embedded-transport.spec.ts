import { describeMessageTransportContract } from '@lien/shared-messaging-testing';
import { createEmbeddedTransport } from './embedded-transport';

describeMessageTransportContract('embedded', async () => {
  const transport = createEmbeddedTransport();
  return { transport, close: () => transport.close() };
});
