import { JsonObject, RecordedEvent } from '@lien/shared-event-store';
import { AuditedStore } from '../audit-context';
import { CliError, ExitCode } from '../exit-codes';
import { withPersonalFieldsMasked } from '../commands/personal-fields';
import { AuditReader, logCaseAccess, roleFor } from './audit-reader';

/** One event as auditors see it: envelope facts, and its data with personal fields masked (or opened, on an entitled export). */
export interface CaseEventView {
  readonly id: string;
  readonly revision: number;
  readonly type: string;
  readonly recordedAt: string;
  readonly occurredAt: string;
  readonly actor: { readonly userId: string; readonly role: string };
  readonly hash: string;
  readonly data: JsonObject;
}

export function eventView(event: RecordedEvent, data: JsonObject): CaseEventView {
  const { metadata } = event;
  return { id: event.id, revision: Number(event.revision), type: event.type, recordedAt: event.recordedAt, occurredAt: metadata.occurredAt, actor: metadata.actor, hash: event.hash, data };
}

export interface FoundCase {
  readonly store: AuditedStore;
  readonly events: readonly RecordedEvent[];
}

/** The store holding the case stream, with its stored events; an unknown case is exit 7 / 404 UNKNOWN_CASE. */
export async function findCase(stores: readonly AuditedStore[], district: string, stream: string): Promise<FoundCase> {
  for (const store of stores) {
    const events = await store.raw.readStream(stream, { district });
    if (events.length) return { store, events };
  }
  throw new CliError(`no stream ${stream} in district ${district}`, ExitCode.unknownEvent, 'UNKNOWN_CASE');
}

export interface CaseAsOf {
  readonly service: string;
  readonly district: string;
  readonly stream: string;
  readonly at: string;
  /** Where the stream stood then; the case's domain state is what its events say (no decider is replayed here). */
  readonly state: { readonly revision: number; readonly eventsThen: number; readonly eventsTotal: number; readonly lastEventType: string; readonly lastRecordedAt: string };
  /** Every event recorded up to then, personal fields shown as redacted, or as erased once the person's key is gone. */
  readonly timeline: readonly CaseEventView[];
}

/** The case stream as it stood at a moment; logged as a read. Before its first event: exit 8 / 422 BEFORE_CASE_EXISTED. */
export async function caseAsOf(stores: readonly AuditedStore[], district: string, stream: string, at: Date, reader: AuditReader): Promise<CaseAsOf> {
  const { store, events } = await findCase(stores, district, stream);
  const then = events.filter((e) => new Date(e.recordedAt) <= at);
  const last = then.at(-1);
  if (!last) throw new CliError(`${stream} did not exist yet at ${at.toISOString()} (first event ${events[0]?.recordedAt})`, ExitCode.beforeExistence, 'BEFORE_CASE_EXISTED');
  await logCaseAccess(store.raw, district, stream, 'read', reader, roleFor(reader, 'events:audit'));
  const timeline = (await withPersonalFieldsMasked(then, store.keys)).map(({ event, data }) => eventView(event, data));
  return {
    service: store.service, district, stream, at: at.toISOString(),
    state: { revision: Number(last.revision), eventsThen: then.length, eventsTotal: events.length, lastEventType: last.type, lastRecordedAt: last.recordedAt },
    timeline,
  };
}

export interface CaseActivity {
  readonly district: string;
  readonly stream: string;
  readonly from: string | null;
  readonly to: string;
  /** The case's events: who did what, when. */
  readonly did: readonly { readonly at: string; readonly actor: { readonly userId: string; readonly role: string }; readonly type: string }[];
  /** The district's access log for this case: who read or exported it, and why. */
  readonly saw: readonly { readonly at: string; readonly actor: { readonly userId: string; readonly role: string }; readonly kind: string; readonly purpose: string }[];
}

/** Who did what on a case and who read it, over a period (reads are logged by day, from the case's first day without `from`). */
export async function caseActivity(stores: readonly AuditedStore[], district: string, stream: string, period: { readonly from?: Date; readonly to: Date }): Promise<CaseActivity> {
  const { events } = await findCase(stores, district, stream);
  const { from, to } = period;
  if (from && from > to) throw new CliError(`the period starts (${from.toISOString()}) after it ends (${to.toISOString()})`, ExitCode.usage, 'PERIOD_REVERSED');
  const inPeriod = (iso: string) => (!from || new Date(iso) >= from) && new Date(iso) <= to;
  const did = events.filter((e) => inPeriod(e.metadata.occurredAt)).map((e) => ({ at: e.metadata.occurredAt, actor: e.metadata.actor, type: e.type }));
  const saw: CaseActivity['saw'][number][] = [];
  const firstDay = from ?? new Date((events[0] as RecordedEvent).recordedAt);
  for (const { raw } of stores) {
    for (let day = new Date(Date.UTC(firstDay.getUTCFullYear(), firstDay.getUTCMonth(), firstDay.getUTCDate())); day <= to; day = new Date(day.getTime() + 86_400_000)) {
      const reads = await raw.readStream(`accesslog-${district}.${day.toISOString().slice(0, 10)}`, { district });
      for (const r of reads) {
        if (r.data['caseStream'] === stream && inPeriod(r.metadata.occurredAt)) saw.push({ at: r.metadata.occurredAt, actor: r.metadata.actor, kind: String(r.data['kind']), purpose: String(r.data['purpose']) });
      }
    }
  }
  return { district, stream, from: from?.toISOString() ?? null, to: to.toISOString(), did, saw };
}
