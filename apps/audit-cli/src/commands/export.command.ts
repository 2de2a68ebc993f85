import { districtOption, requireOption } from '../arguments';
import { AuditContext } from '../audit-context';
import { ExitCode } from '../exit-codes';
import { exportCase } from '../operations/case-export';
import { cliReader } from './history.command';

/**
 * A case's history as JSON lines for an external auditor (see `exportCase`). On the command line the
 * role is the operator's claim (`--role`); the auditor API takes it from the verified token instead.
 */
export async function exportCommand(options: Readonly<Record<string, string>>, context: AuditContext): Promise<number> {
  const district = districtOption(options);
  const stream = requireOption(options, 'stream');
  requireOption(options, 'user');
  const exported = await exportCase(context.stores, district, stream, cliReader(options));
  exported.lines.forEach((line) => context.out(line));
  return exported.intact ? ExitCode.ok : ExitCode.chainBroken;
}
