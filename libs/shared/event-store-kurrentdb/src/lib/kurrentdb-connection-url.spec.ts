import { MalformedKurrentDbUrl, parseKurrentDbUrl } from './kurrentdb-connection-url';

function refusal(url: string | undefined): Error {
  try {
    parseKurrentDbUrl(url);
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the URL to be refused');
}

describe('KURRENTDB_URL', () => {
  it('given a single-node URL with credentials and options, when parsed, then host, port and options come out and the password is redacted', () => {
    const connection = parseKurrentDbUrl(' kurrentdb://admin:changeit@localhost:2113?tls=false&ConnectionName=lien ');
    expect(connection).toEqual({
      connectionString: 'kurrentdb://admin:changeit@localhost:2113?tls=false&ConnectionName=lien',
      redacted: 'kurrentdb://admin:***@localhost:2113?tls=false&ConnectionName=lien',
      discover: false,
      hosts: [{ host: 'localhost', port: 2113 }],
      options: { tls: 'false', connectionName: 'lien' },
    });
  });

  it('given a cluster URL with gossip discovery and default ports, when parsed, then every host is kept', () => {
    const connection = parseKurrentDbUrl('kurrentdb+discover://node1.lien.lu,node2.lien.lu:2114,[::1]');
    expect(connection.discover).toBe(true);
    expect(connection.hosts).toEqual([{ host: 'node1.lien.lu', port: 2113 }, { host: 'node2.lien.lu', port: 2114 }, { host: '[::1]', port: 2113 }]);
  });

  it.each([
    ['nothing', undefined, /empty/],
    ['an http URL', 'http://admin:s3cret@localhost:2113', /scheme/],
    ['the retired esdb scheme', 'esdb://admin:s3cret@localhost:2113', /scheme/],
    ['no host', 'kurrentdb://admin:s3cret@', /expected kurrentdb:\/\//],
    ['a port out of range', 'kurrentdb://admin:s3cret@localhost:70000', /port/],
    ['credentials without password', 'kurrentdb://admin@localhost:2113', /user:password/],
    ['an unknown option', 'kurrentdb://admin:s3cret@localhost:2113?tlsVerfyCert=false', /unknown option "tlsVerfyCert"/],
    ['an option without value', 'kurrentdb://admin:s3cret@localhost:2113?tls', /no value/],
    ['appends that fail silently', 'kurrentdb://admin:s3cret@localhost:2113?throwOnAppendFailure=false', /throwOnAppendFailure/],
  ])('given %s, when parsed, then MalformedKurrentDbUrl says why without repeating the password', (_, url, reason) => {
    const error = refusal(url);
    expect(error).toBeInstanceOf(MalformedKurrentDbUrl);
    expect(error.message).toMatch(reason);
    expect(error.message).not.toContain('s3cret');
  });
});
