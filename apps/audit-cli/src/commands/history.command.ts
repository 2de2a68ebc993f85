import { JsonObject, RecordedEvent } from '@lien/shared-event-store';
import { districtOption, requireOption } from '../arguments';
import { AuditContext } from '../audit-context';
import { CliError, ExitCode } from '../exit-codes';
import { withPersonalFieldsMasked } from './personal-fields';

/** Personal fields are never opened here: each shows as redacted, or as erased once its person's key is gone. */
function describe(event: RecordedEvent, data: JsonObject): string {
  return `${event.recordedAt}  r${event.revision}  ${event.type}  by ${event.metadata.actor.role}:${event.metadata.actor.userId}  ${JSON.stringify(data)}`;
}

function parseInstant(value: string): Date {
  const at = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(at.getTime())) throw new CliError(`not an ISO-8601 timestamp: ${value}`, ExitCode.usage);
  return at;
}

async function findStream(context: AuditContext, stream: string, district: string) {
  for (const { service, raw, keys } of context.stores) {
    const events = await raw.readStream(stream, { district });
    if (events.length) return { service, events, keys };
  }
  throw new CliError(`no stream ${stream} in district ${district}`, ExitCode.unknownEvent);
}

/** The case stream as it stood at a moment: every event recorded up to then, in order. */
export async function asOfCommand(options: Readonly<Record<string, string>>, context: AuditContext): Promise<number> {
  const district = districtOption(options);
  const stream = requireOption(options, 'stream');
  const at = parseInstant(requireOption(options, 'at'));
  const { service, events, keys } = await findStream(context, stream, district);
  const then = events.filter((e) => new Date(e.recordedAt) <= at);
  if (then.length === 0) throw new CliError(`${stream} did not exist yet at ${at.toISOString()} (first event ${events[0]?.recordedAt})`, ExitCode.beforeExistence);
  context.out(`${service}: ${stream} as of ${at.toISOString()}: ${then.length} of ${events.length} events, revision ${then.at(-1)?.revision}`);
  for (const { event, data } of await withPersonalFieldsMasked(then, keys)) context.out(describe(event, data));
  return ExitCode.ok;
}

/** Who did what on a case (its events' actors) and who read it (the district's access log), over a period. */
export async function activityCommand(options: Readonly<Record<string, string>>, context: AuditContext): Promise<number> {
  const district = districtOption(options);
  const stream = requireOption(options, 'stream');
  const { events } = await findStream(context, stream, district);
  const from = options['from'] ? parseInstant(options['from']) : undefined;
  const to = parseInstant(options['to'] ?? new Date().toISOString());
  const inPeriod = (iso: string) => (!from || new Date(iso) >= from) && new Date(iso) <= to;
  // Reads are logged by day; without --from they are looked up from the day the case was first recorded.
  const firstDay = from ?? new Date((events[0] as RecordedEvent).recordedAt);
  events.filter((e) => inPeriod(e.metadata.occurredAt)).forEach((e) => context.out(`did   ${e.metadata.occurredAt}  ${e.metadata.actor.role}:${e.metadata.actor.userId}  ${e.type}`));
  for (const { raw } of context.stores) {
    for (let day = new Date(Date.UTC(firstDay.getUTCFullYear(), firstDay.getUTCMonth(), firstDay.getUTCDate())); day <= to; day = new Date(day.getTime() + 86_400_000)) {
      const reads = await raw.readStream(`accesslog-${district}.${day.toISOString().slice(0, 10)}`, { district });
      reads
        .filter((r) => r.data['caseStream'] === stream && inPeriod(r.metadata.occurredAt))
        .forEach((r) => context.out(`saw   ${r.metadata.occurredAt}  ${r.metadata.actor.role}:${r.metadata.actor.userId}  ${String(r.data['kind'])} for ${String(r.data['purpose'])}`));
    }
  }
  return ExitCode.ok;
}
