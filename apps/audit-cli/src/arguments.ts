import { CliError, ExitCode } from './exit-codes';

export interface ParsedArguments {
  readonly command: string | undefined;
  readonly options: Readonly<Record<string, string>>;
}

/** `command --name value --flag`: small on purpose, so the CLI needs no dependency. */
export function parseArguments(argv: readonly string[]): ParsedArguments {
  const [command, ...rest] = argv;
  const options: Record<string, string> = {};
  for (let i = 0; i < rest.length; i += 1) {
    const token = rest[i] as string;
    if (!token.startsWith('--')) throw new CliError(`unexpected argument: ${token}`, ExitCode.usage);
    const next = rest[i + 1];
    if (next === undefined || next.startsWith('--')) options[token.slice(2)] = 'true';
    else {
      options[token.slice(2)] = next;
      i += 1;
    }
  }
  return { command, options };
}

export function requireOption(options: Readonly<Record<string, string>>, name: string): string {
  const value = options[name];
  if (!value || value === 'true') throw new CliError(`--${name} is required`, ExitCode.usage);
  return value;
}

const DISTRICT = /^[a-z][a-z0-9-]{1,30}$/;

export function districtOption(options: Readonly<Record<string, string>>): string {
  return checkDistrictCode(requireOption(options, 'district'));
}

/** Shared by `--district` and the API's path, so both refuse the same codes. */
export function checkDistrictCode(district: string): string {
  if (!DISTRICT.test(district)) throw new CliError(`not a district code: ${district}`, ExitCode.usage, 'MALFORMED_DISTRICT');
  return district;
}

/** A case is named by its stream (`referral-<id>`): pseudonymous, as in the access log. */
const CASE_STREAM = /^[a-z][a-z0-9]*(-[a-z0-9]+)*-[A-Za-z0-9._-]{1,160}$/;

export function checkCaseStream(stream: string): string {
  if (!CASE_STREAM.test(stream)) throw new CliError('not a case stream name (a stream such as referral-<id>; the value is not repeated, it may be anything)', ExitCode.usage, 'MALFORMED_CASE');
  return stream;
}

/** The value is not repeated in the message: over the API it is whatever a caller typed. */
export function parseInstant(value: string, name: string): Date {
  const at = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(at.getTime())) throw new CliError(`${name} is not an ISO-8601 timestamp (e.g. 2026-05-01T09:00:00Z)`, ExitCode.usage, 'MALFORMED_DATE');
  return at;
}
