/** The demo seed's failures: the problem's code only, never its detail (it could quote the request). */
export class DemoSeedError extends Error {}

/** A claimed Idempotency-Key is given up after 60 s (PostgresIdempotencyStore): a little more than that. */
const KEY_LAPSE_MS = 75_000;
/** How long a read may answer 404 before the thing is taken as missing (contracts and projections are asynchronous). */
const NOT_FOUND_YET_MS = 30_000;

/** A conflict that settles itself (`SendOptions.settle`): send the command again in a while. */
export const TRY_AGAIN_LATER = Symbol('try again later');

export interface Answer<T> {
  readonly body: T;
  readonly etag: string;
}

/** A problem+json answer: its code, and whatever members the service adds (never its detail in a message). */
export type Problem = { readonly code?: string } & Readonly<Record<string, unknown>>;

export interface SendOptions {
  readonly ifMatch?: string;
  readonly done?: readonly string[];
  readonly settle?: (problem: Problem) => Promise<Answer<unknown> | typeof TRY_AGAIN_LATER | undefined>;
  /** How long `TRY_AGAIN_LATER` may keep the command going. */
  readonly tryAgainForMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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
  async get<T>(path: string): Promise<Answer<T>> {
    const found = await this.find<T>(path);
    if (!found) throw new DemoSeedError(`${pathShape(path)} answered 404`);
    return found;
  }

  /** Like `get`, but a thing still missing once the wait is over is an answer (undefined), not a failure. */
  async find<T>(path: string): Promise<Answer<T> | undefined> {
    const deadline = Date.now() + NOT_FOUND_YET_MS;
    for (;;) {
      const response = await fetch(`${this.baseUrl}${path}`, { headers: { authorization: `Bearer ${this.token}` } });
      if (response.ok) return { body: (await response.json()) as T, etag: response.headers.get('etag') ?? '' };
      if (response.status !== 404) throw new DemoSeedError(`${pathShape(path)} answered ${response.status}`);
      if (Date.now() > deadline) return undefined;
      await sleep(500);
    }
  }

  /**
   * A command whose replay is harmless (Idempotency-Key, or an id chosen by the seed). A key still
   * claimed by a request a crash interrupted lapses after a minute: wait for it. `done` names the
   * problem codes that mean the command had already been applied; `settle` looks at any other conflict
   * (409, 412) and says whether the command had in fact been applied, or to try again in a while.
   */
  async send(method: 'POST' | 'PUT', path: string, key: string, body: unknown, options: SendOptions = {}): Promise<Answer<unknown>> {
    const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${this.token}`, 'idempotency-key': key };
    if (options.ifMatch) headers['if-match'] = options.ifMatch;
    const deadline = Date.now() + KEY_LAPSE_MS;
    const tryAgainUntil = Date.now() + (options.tryAgainForMs ?? 0);
    for (;;) {
      const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: JSON.stringify(body) });
      const json = (await response.json().catch(() => ({}))) as Problem;
      if (response.ok || (json.code && options.done?.includes(json.code))) return { body: json, etag: response.headers.get('etag') ?? '' };
      if (json.code === 'IDEMPOTENCY_KEY_IN_PROGRESS' && Date.now() < deadline) {
        await sleep(2000);
        continue;
      }
      const settled = (response.status === 409 || response.status === 412) && options.settle ? await options.settle(json) : undefined;
      if (settled === TRY_AGAIN_LATER && Date.now() < tryAgainUntil) {
        await sleep(5000);
        continue;
      }
      if (settled && settled !== TRY_AGAIN_LATER) return settled;
      // The problem's code only: its detail could quote the request.
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
        await sleep(300);
      }
    }
  }
}
