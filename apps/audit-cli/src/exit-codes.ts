/** Distinct exit codes, so scripts and auditors can tell the outcomes apart without parsing text. */
export const ExitCode = {
  ok: 0,
  failure: 1,
  usage: 2,
  chainBroken: 3,
  unknownDistrict: 4,
  sealMismatch: 5,
  proofInvalid: 6,
  unknownEvent: 7,
  beforeExistence: 8,
  rebuildDiffers: 9,
  interrupted: 10,
} as const;

/**
 * A refused or failed audit, raised by the operations the CLI and the auditor API share: the CLI turns it
 * into its exit code, the API into problem details (`problemCode`, when one exit code covers two cases).
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    readonly problemCode?: string,
  ) {
    super(message);
  }
}
