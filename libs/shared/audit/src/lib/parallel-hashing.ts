import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { computeEventHash, HashedForm } from '@lien/shared-event-store';

/** One event to check: its predecessor's stored hash, its hashed form and its stored hash. */
export interface HashJob {
  readonly previousHash: string;
  readonly form: HashedForm;
  readonly storedHash: string;
}

/**
 * The worker recomputes `computeEventHash` (event-store's event-hash.ts) in plain JavaScript, because a
 * worker thread runs outside the TypeScript loader. `parallel-hashing.spec.ts` holds the two equal
 * on awkward values (unicode, nesting, arrays, key order, undefined members), so they cannot drift apart.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
function canonicalJson(value) {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return '[' + value.map(canonicalJson).join(',') + ']';
  const keys = Object.keys(value).filter((k) => value[k] !== undefined).sort();
  return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonicalJson(value[k])).join(',') + '}';
}
parentPort.on('message', ({ id, wire }) => {
  const jobs = JSON.parse(wire);
  const mismatches = [];
  for (let i = 0; i < jobs.length; i += 1) {
    const [previousHash, f, storedHash] = jobs[i];
    const canonical = canonicalJson({ id: f.id, type: f.type, streamName: f.streamName, revision: f.revision, data: f.data, metadata: f.metadata, recordedAt: f.recordedAt });
    const hash = createHash('sha256').update(previousHash).update('\\n').update(canonical).digest('hex');
    if (hash !== storedHash) mismatches.push(i);
  }
  parentPort.postMessage({ id, mismatches });
});
`;

type WireJob = [string, Omit<HashedForm, 'revision'> & { revision: string }, string];

/**
 * Hash checks spread over worker threads (one per core by default), so a verification hashes while
 * the next page is being read. Results come back as the indices of the jobs whose hash differs.
 */
export class ParallelHashChecker {
  private readonly workers: Worker[] = [];
  private readonly waiting = new Map<number, { resolve: (m: number[]) => void; reject: (e: unknown) => void }>();
  private next = 0;

  constructor(private readonly size = availableParallelism()) {}

  /** Resolves with the indices (in `jobs`) whose recomputed hash differs from the stored one. */
  check(jobs: readonly HashJob[]): Promise<number[]> {
    if (this.size <= 0 || jobs.length === 0) return Promise.resolve(checkInline(jobs));
    // One string per batch: native JSON.stringify and a string copy cost far less than a structured clone of every event.
    const wire = JSON.stringify(jobs.map((j): WireJob => [j.previousHash, { ...j.form, revision: j.form.revision.toString() }, j.storedHash]));
    const id = this.next++;
    const worker = this.worker(id % this.size);
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, wire });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers.length = 0;
  }

  private worker(index: number): Worker {
    const existing = this.workers[index];
    if (existing) return existing;
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    worker.on('message', ({ id, mismatches }: { id: number; mismatches: number[] }) => {
      this.waiting.get(id)?.resolve(mismatches);
      this.waiting.delete(id);
    });
    worker.on('error', (error) => {
      for (const { reject } of this.waiting.values()) reject(error);
      this.waiting.clear();
    });
    this.workers[index] = worker;
    return worker;
  }
}

export function checkInline(jobs: readonly HashJob[]): number[] {
  const mismatches: number[] = [];
  jobs.forEach((job, i) => {
    if (computeEventHash(job.previousHash, job.form) !== job.storedHash) mismatches.push(i);
  });
  return mismatches;
}
