import { readFileSync } from 'node:fs';
import { verifyInclusion } from '@lien/shared-audit';
import { districtOption, requireOption } from '../arguments';
import { AuditContext } from '../audit-context';
import { ExitCode } from '../exit-codes';
import { InclusionProofDocument, proveEventInclusion } from '../operations/district-audit';

export type { InclusionProofDocument };

/** Proves that one event is covered by the district's latest seal; the JSON verifies offline. */
export async function proveCommand(options: Readonly<Record<string, string>>, context: AuditContext): Promise<number> {
  const document = await proveEventInclusion(context.stores, districtOption(options), requireOption(options, 'event'));
  context.out(JSON.stringify(document, null, 2));
  return ExitCode.ok;
}

/** Offline: needs no database, only the proof document. */
export function verifyProofCommand(options: Readonly<Record<string, string>>, out: (line: string) => void): number {
  const document = JSON.parse(readFileSync(requireOption(options, 'file'), 'utf8')) as InclusionProofDocument;
  const valid = verifyInclusion(Buffer.from(document.leaf, 'hex'), document.index, document.size, document.proof.map((h) => Buffer.from(h, 'hex')), Buffer.from(document.root, 'hex'));
  out(valid ? `event ${document.eventId} is included in the seal of ${document.sealedAt}` : 'the proof does NOT verify');
  return valid ? ExitCode.ok : ExitCode.proofInvalid;
}
