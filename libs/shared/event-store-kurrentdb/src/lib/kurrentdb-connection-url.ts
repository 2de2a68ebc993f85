/** A `KURRENTDB_URL` this adapter cannot use; the message never repeats the URL, which may hold a password. */
export class MalformedKurrentDbUrl extends Error {
  constructor(reason: string) {
    super(`KURRENTDB_URL is not usable: ${reason}`);
    this.name = 'MalformedKurrentDbUrl';
  }
}

export interface KurrentDbConnection {
  /** Passed to the client as given (trimmed). */
  readonly connectionString: string;
  /** Safe for logs: the password replaced by `***`. */
  readonly redacted: string;
  readonly discover: boolean;
  readonly hosts: ReadonlyArray<{ readonly host: string; readonly port: number }>;
  readonly options: Readonly<Record<string, string>>;
}

const SCHEMES: Record<string, { discover: boolean }> = {
  kurrentdb: { discover: false },
  kurrent: { discover: false },
  kdb: { discover: false },
  'kurrentdb+discover': { discover: true },
  'kurrent+discover': { discover: true },
  'kdb+discover': { discover: true },
};
const DEFAULT_PORT = 2113;
/** The client's query options, compared as it does: case-insensitive, ignoring `-` and `_`. */
const KNOWN_OPTIONS = [
  'connectionName', 'defaultDeadline', 'discoveryInterval', 'gossipTimeout', 'keepAliveInterval', 'keepAliveTimeout',
  'maxDiscoverAttempts', 'nodePreference', 'throwOnAppendFailure', 'tls', 'tlsCAFile', 'tlsVerifyCert', 'userCertFile', 'userKeyFile',
];
const URL_SHAPE = /^(?<scheme>[a-z+]+):\/\/(?:(?<userInfo>[^@/?]*)@)?(?<hosts>[^/?@]+)\/?(?:\?(?<query>.*))?$/;

/**
 * Checks a connection string before the client sees it, so a typo fails at start-up with a clear
 * reason instead of as a connection timeout, and refuses options that would break the adapter.
 */
export function parseKurrentDbUrl(url: string | undefined): KurrentDbConnection {
  const connectionString = (url ?? '').trim();
  if (connectionString === '') throw new MalformedKurrentDbUrl('it is empty');
  const match = URL_SHAPE.exec(connectionString);
  if (!match?.groups) throw new MalformedKurrentDbUrl('expected kurrentdb://[user:password@]host[:port][,host[:port]…][?option=value&…]');
  const { scheme = '', userInfo, hosts = '', query } = match.groups;
  const schemeInfo = SCHEMES[scheme];
  if (!schemeInfo) throw new MalformedKurrentDbUrl(`the scheme must be one of ${Object.keys(SCHEMES).join(', ')}`);
  const options = parseOptions(query);
  if (options['throwOnAppendFailure']?.toLowerCase() === 'false') {
    throw new MalformedKurrentDbUrl('throwOnAppendFailure=false would turn revision conflicts into silent non-appends');
  }
  if (userInfo !== undefined && !/^[^:]+:.+$/.test(userInfo)) throw new MalformedKurrentDbUrl('credentials must be user:password');
  return {
    connectionString,
    redacted: `${scheme}://${userInfo === undefined ? '' : `${userInfo.split(':')[0]}:***@`}${hosts}${query === undefined ? '' : `?${query}`}`,
    discover: schemeInfo.discover,
    hosts: hosts.split(',').map(parseHost),
    options,
  };
}

function parseHost(text: string): { host: string; port: number } {
  const match = /^(?<host>\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(?::(?<port>\d{1,5}))?$/.exec(text.trim());
  if (!match?.groups?.['host']) throw new MalformedKurrentDbUrl('a host is empty or not a host name');
  const port = match.groups['port'] === undefined ? DEFAULT_PORT : Number(match.groups['port']);
  if (port < 1 || port > 65535) throw new MalformedKurrentDbUrl('a port is outside 1-65535');
  return { host: match.groups['host'], port };
}

function parseOptions(query: string | undefined): Record<string, string> {
  const options: Record<string, string> = {};
  if (query === undefined || query === '') return options;
  for (const pair of query.split('&')) {
    const [rawKey = '', value] = pair.split('=', 2);
    const key = KNOWN_OPTIONS.find((known) => flat(known) === flat(rawKey));
    // Option names are not secret, so naming an unknown one helps to spot a typo.
    if (!key) throw new MalformedKurrentDbUrl(`unknown option "${rawKey.slice(0, 40)}"`);
    if (value === undefined || value === '') throw new MalformedKurrentDbUrl(`option ${key} has no value`);
    options[key] = decodeOptionValue(key, value);
  }
  return options;
}

function decodeOptionValue(key: string, value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new MalformedKurrentDbUrl(`option ${key} has a broken %-escape`);
  }
}

function flat(name: string): string {
  return name.trim().toLowerCase().replace(/[_-]/g, '');
}
