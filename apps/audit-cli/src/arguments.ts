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
  const district = requireOption(options, 'district');
  if (!DISTRICT.test(district)) throw new CliError(`not a district code: ${district}`, ExitCode.usage);
  return district;
}
