import { isRole } from '@lien/shared-auth';
import { districtOption, parseInstant, requireOption } from '../arguments';
import { AuditContext } from '../audit-context';
import { CliError, ExitCode } from '../exit-codes';
import { AuditReader } from '../operations/audit-reader';
import { caseActivity, caseAsOf, CaseEventView } from '../operations/case-history';

/** Personal fields are never opened here: each shows as redacted, or as erased once its person's key is gone. */
function describe(event: CaseEventView): string {
  return `${event.recordedAt}  r${event.revision}  ${event.type}  by ${event.actor.role}:${event.actor.userId}  ${JSON.stringify(event.data)}`;
}

/** The operator's own word on the command line (`--user`, `--role`); the API takes both from the verified token. */
export function cliReader(options: Readonly<Record<string, string>>, defaultUser = 'audit-cli'): AuditReader {
  const role = options['role'] ?? 'auditor';
  if (!isRole(role)) throw new CliError(`not a role: ${role}`, ExitCode.usage);
  return { userId: options['user'] ?? defaultUser, roles: [role] };
}

/** The case stream as it stood at a moment: every event recorded up to then, in order (logged as a read). */
export async function asOfCommand(options: Readonly<Record<string, string>>, context: AuditContext): Promise<number> {
  const district = districtOption(options);
  const stream = requireOption(options, 'stream');
  const at = parseInstant(requireOption(options, 'at'), 'at');
  const asOf = await caseAsOf(context.stores, district, stream, at, cliReader(options));
  context.out(`${asOf.service}: ${stream} as of ${asOf.at}: ${asOf.state.eventsThen} of ${asOf.state.eventsTotal} events, revision ${asOf.state.revision}`);
  asOf.timeline.forEach((event) => context.out(describe(event)));
  return ExitCode.ok;
}

/** Who did what on a case (its events' actors) and who read it (the district's access log), over a period. */
export async function activityCommand(options: Readonly<Record<string, string>>, context: AuditContext): Promise<number> {
  const district = districtOption(options);
  const stream = requireOption(options, 'stream');
  const from = options['from'] ? parseInstant(options['from'], 'from') : undefined;
  const to = parseInstant(options['to'] ?? new Date().toISOString(), 'to');
  const activity = await caseActivity(context.stores, district, stream, { ...(from ? { from } : {}), to });
  activity.did.forEach((d) => context.out(`did   ${d.at}  ${d.actor.role}:${d.actor.userId}  ${d.type}`));
  activity.saw.forEach((s) => context.out(`saw   ${s.at}  ${s.actor.role}:${s.actor.userId}  ${s.kind} for ${s.purpose}`));
  return ExitCode.ok;
}
