import { readFileSync } from 'node:fs';
import { DistrictSeals, inclusionProof, leafHash, SEAL_CATEGORY, verifyInclusion } from '@lien/shared-audit';
import { START, streamCategory } from '@lien/shared-event-store';
import { districtOption, requireOption } from '../arguments';
import { AuditContext } from '../audit-context';
import { CliError, ExitCode } from '../exit-codes';

export interface InclusionProofDocument {
  readonly district: string;
  readonly service: string;
  readonly eventId: string;
  readonly leaf: string;
  readonly index: number;
  readonly size: number;
  readonly root: string;
  readonly sealedAt: string;
  readonly proof: readonly string[];
}

/** Proves that one event is covered by the district's latest seal; the JSON verifies offline. */
export async function proveCommand(options: Readonly<Record<string, string>>, context: AuditContext): Promise<number> {
  const district = districtOption(options);
  const eventId = requireOption(options, 'event');
  for (const { service, raw } of context.stores) {
    const seal = (await new DistrictSeals(raw).list(district)).at(-1);
    if (!seal) continue;
    const leaves: Buffer[] = [];
    let index = -1;
    let after = START;
    while (leaves.length < seal.eventCount) {
      const page = await raw.readAll({ after, maxCount: 2000, filter: { districts: [district] } });
      for (const event of page.events) {
        if (streamCategory(event.streamName) === SEAL_CATEGORY || leaves.length >= seal.eventCount) continue;
        if (event.id === eventId) index = leaves.length;
        leaves.push(leafHash(Buffer.from(event.hash, 'hex')));
      }
      after = page.checkpoint;
      if (page.isEnd || page.events.length === 0) break;
    }
    if (index < 0) continue;
    const document: InclusionProofDocument = {
      district, service, eventId, index, size: seal.eventCount, root: seal.root, sealedAt: seal.sealedAt,
      leaf: (leaves[index] as Buffer).toString('hex'),
      proof: inclusionProof(leaves, index).map((h) => h.toString('hex')),
    };
    context.out(JSON.stringify(document, null, 2));
    return ExitCode.ok;
  }
  throw new CliError(`event ${eventId} is not covered by a seal of district ${district}`, ExitCode.unknownEvent);
}

/** Offline: needs no database, only the proof document. */
export function verifyProofCommand(options: Readonly<Record<string, string>>, out: (line: string) => void): number {
  const document = JSON.parse(readFileSync(requireOption(options, 'file'), 'utf8')) as InclusionProofDocument;
  const valid = verifyInclusion(Buffer.from(document.leaf, 'hex'), document.index, document.size, document.proof.map((h) => Buffer.from(h, 'hex')), Buffer.from(document.root, 'hex'));
  out(valid ? `event ${document.eventId} is included in the seal of ${document.sealedAt}` : 'the proof does NOT verify');
  return valid ? ExitCode.ok : ExitCode.proofInvalid;
}
