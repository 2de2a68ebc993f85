import { EventCodec } from '@lien/shared-event-sourcing';
import { DistrictCapacityEvent, MandateReferenceEvent } from '@lien/referrals-domain';
import { textAt } from './json-reader';

export const MANDATE_REFERENCE_RESERVED = 'referrals.MandateReferenceReserved.v1';
export const CASE_SLOT_TAKEN = 'referrals.CaseSlotTaken.v1';
export const CASE_SLOT_RELEASED = 'referrals.CaseSlotReleased.v1';

export const mandateReferenceCodec = new EventCodec<MandateReferenceEvent>({
  MandateReferenceReserved: {
    storedType: MANDATE_REFERENCE_RESERVED,
    encode: (event) => ({ referralId: event.referralId, reservedAt: event.reservedAt }),
    decode: (data) => ({ type: 'MandateReferenceReserved', referralId: textAt(data, 'referralId'), reservedAt: textAt(data, 'reservedAt') }),
  },
});

export const districtCapacityCodec = new EventCodec<DistrictCapacityEvent>({
  CaseSlotTaken: {
    storedType: CASE_SLOT_TAKEN,
    encode: (event) => ({ referralId: event.referralId }),
    decode: (data) => ({ type: 'CaseSlotTaken', referralId: textAt(data, 'referralId') }),
  },
  CaseSlotReleased: {
    storedType: CASE_SLOT_RELEASED,
    encode: (event) => ({ referralId: event.referralId }),
    decode: (data) => ({ type: 'CaseSlotReleased', referralId: textAt(data, 'referralId') }),
  },
});
