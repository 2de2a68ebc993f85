import { deciderSpecification } from '@lien/shared-decider-testing';
import { ResourceDoubleBooked, resourceBookingDecider, resourceBookingStream } from './resource-booking.decider';

const spec = deciderSpecification(resourceBookingDecider);
const reserve = (sessionId: string, from: string, to: string) => ({ type: 'ReserveResource' as const, kind: 'room' as const, sessionId, caseId: 'case-1', from, to });
const reserved = (sessionId: string, from: string, to: string) => ({ type: 'ResourceReserved' as const, sessionId, caseId: 'case-1', from, to });
const morning = reserved('s-1', '2026-03-02T09:00:00.000Z', '2026-03-02T10:00:00.000Z');

describe('booking a room or a practitioner for a day', () => {
  it('given a free room, when reserved, then it is reserved', () => {
    spec.given([]).when(reserve('s-1', morning.from, morning.to)).then([morning]);
  });

  it('given a reservation, when another session wants an overlapping slot, then the room is double-booked and refused', () => {
    spec.given([morning]).when(reserve('s-2', '2026-03-02T09:30:00.000Z', '2026-03-02T10:30:00.000Z')).thenThrows(ResourceDoubleBooked, (e) => expect(e.code).toBe('ROOM_DOUBLE_BOOKED'));
  });

  it('given a reservation until 10:00, when another starts at 10:00, then both fit', () => {
    spec.given([morning]).when(reserve('s-2', '2026-03-02T10:00:00.000Z', '2026-03-02T11:00:00.000Z')).then([reserved('s-2', '2026-03-02T10:00:00.000Z', '2026-03-02T11:00:00.000Z')]);
  });

  it('given a reservation, when the same session reserves the same slot again, then nothing changes', () => {
    spec.given([morning]).when(reserve('s-1', morning.from, morning.to)).thenNothing();
  });

  it('given a reservation, when its own session moves within the day, then the new slot replaces it without clashing with itself', () => {
    spec.given([morning]).when(reserve('s-1', '2026-03-02T09:30:00.000Z', '2026-03-02T10:30:00.000Z')).then([reserved('s-1', '2026-03-02T09:30:00.000Z', '2026-03-02T10:30:00.000Z')]);
  });

  it('given a released reservation, when the slot is wanted by another session, then it is free again', () => {
    spec.given([morning, { type: 'ResourceReleased', sessionId: 's-1' }]).when(reserve('s-2', morning.from, morning.to)).then([reserved('s-2', morning.from, morning.to)]);
  });

  it('given nothing reserved, when a release comes, then nothing changes', () => {
    spec.given([]).when({ type: 'ReleaseResource', sessionId: 's-1' }).thenNothing();
  });

  it('given a practitioner, when double-booked, then the error names the practitioners', () => {
    spec.given([morning]).when({ ...reserve('s-2', morning.from, morning.to), kind: 'practitioner' }).thenThrows(ResourceDoubleBooked, (e) => expect(e.details['field']).toBe('practitionerIds'));
  });

  it('names one stream per resource, district and local day', () => {
    expect(resourceBookingStream('room', 'brabant-wallon', 'salle-bleue', '2026-03-02')).toBe('booking-room.brabant-wallon.salle-bleue.2026-03-02');
  });
});
