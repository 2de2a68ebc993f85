/** The demo seed's failures: the problem's code only, never its detail (it could quote the request). */
export class DemoSeedError extends Error {}

/** A claimed Idempotency-Key is given up after 60 s (PostgresIdempotencyStore): a little more than that. */
const KEY_LAPSE_MS = 75_000;
/** How long a read may answer 404 before the thing is taken as missing (contracts and projections are asynchronous). */
const NOT_FOUND_YET_MS = 30_000;

/** Ids in paths are replaced, so that a message never names a case. */
function pathShape(path: string): string {
  return path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '{id}');
}

/** The public API as one signed-in user sees it, for the demo seed. */
export class DemoHttp {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  static async login(baseUrl: string, userId: string, roles: readonly string[], districts: readonly string[]): Promise<DemoHttp> {
    const response = await fetch(`${baseUrl}/dev/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId, roles, districts }),
    });
    if (!response.ok) throw new DemoSeedError(`demo login refused (${response.status})`);
    return new DemoHttp(baseUrl, ((await response.json()) as { access_token: string }).access_token);
  }

  /**
   * A read. What another service learns from a contract, or a read model catching up after a restart,
   * shows a little later than the command that caused it: a 404 is asked again for a while.
   */
  async get<T>(path: string): Promise<{ body: T; etag: string }> {
    const deadline = Date.now() + NOT_FOUND_YET_MS;
    for (;;) {
      const response = await fetch(`${this.baseUrl}${path}`, { headers: { authorization: `Bearer ${this.token}` } });
      if (response.ok) return { body: (await response.json()) as T, etag: response.headers.get('etag') ?? '' };
      if (response.status !== 404 || Date.now() > deadline) throw new DemoSeedError(`${pathShape(path)} answered ${response.status}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  /**
   * A command whose replay is harmless (Idempotency-Key, or an id chosen by the seed). A key still
   * claimed by a request a crash interrupted lapses after a minute: wait for it. `done` names the
   * problem codes that mean the command had already been applied.
   */
  async send(method: 'POST' | 'PUT', path: string, key: string, body: unknown, options: { ifMatch?: string; done?: readonly string[] } = {}): Promise<{ body: unknown; etag: string }> {
    const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${this.token}`, 'idempotency-key': key };
    if (options.ifMatch) headers['if-match'] = options.ifMatch;
    const deadline = Date.now() + KEY_LAPSE_MS;
    for (;;) {
      const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: JSON.stringify(body) });
      const json = (await response.json().catch(() => ({}))) as { code?: string };
      if (response.ok || (json.code && options.done?.includes(json.code))) return { body: json, etag: response.headers.get('etag') ?? '' };
      if (json.code === 'IDEMPOTENCY_KEY_IN_PROGRESS' && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 2000));
        continue;
      }
      throw new DemoSeedError(`${pathShape(path)} answered ${response.status} ${json.code ?? ''}`.trim());
    }
  }

  /** Contracts cross the in-process transport in the background: wait a little for their effect. */
  async eventually<T>(probe: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        return await probe();
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((r) => setTimeout(r, 300));
      }
    }
  }
}
