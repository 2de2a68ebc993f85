import { JsonObject } from '@lien/shared-event-store';
import { EventCodec } from '@lien/shared-event-sourcing';
import { ResourceBookingEvent } from '@lien/sessions-domain';

export const resourceBookingCodec = new EventCodec<ResourceBookingEvent>({
  ResourceReserved: {
    storedType: 'sessionbooking.ResourceReserved.v1',
    encode: ({ type: _type, ...data }) => data as unknown as JsonObject,
    decode: (data) => ({ type: 'ResourceReserved', sessionId: String(data['sessionId']), caseId: String(data['caseId']), from: String(data['from']), to: String(data['to']) }),
  },
  ResourceReleased: {
    storedType: 'sessionbooking.ResourceReleased.v1',
    encode: ({ type: _type, ...data }) => data as unknown as JsonObject,
    decode: (data) => ({ type: 'ResourceReleased', sessionId: String(data['sessionId']) }),
  },
});
