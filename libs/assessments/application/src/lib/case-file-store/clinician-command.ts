import { Clinician } from '@lien/assessments-domain';
import { brusselsDateOf, CommandContext } from './command-context';

/** The part of a clinician's command that comes from the request, not from its body. */
export function clinicianPart(context: CommandContext): { readonly by: Clinician; readonly today: string } {
  return { by: context.actor, today: brusselsDateOf(context.issuedAt) };
}

export interface WriteOptions {
  /** From If-Match. */
  readonly expectedRevision?: bigint;
}
