// The events every store under test receives, and the measurement helpers shared by all of them.
import { randomUUID } from 'node:crypto';

export const DISTRICT = 'luxembourg';
export const EVENT_TYPE = 'bench.CaseNoteRecorded.v1';
const NOTE = 'x'.repeat(240);

/**
 * One event as the port takes it: ~330 bytes of data, ~250 bytes of metadata, roughly what a Lien
 * command records. Raw and Emmett store the very same `data` and `metadata` objects.
 */
export function newEvent(sequence) {
  return {
    id: randomUUID(),
    type: EVENT_TYPE,
    data: { caseId: `case-${sequence % 1000}`, noteId: `note-${sequence}`, kind: 'observation', sequence, note: NOTE },
    metadata: {
      district: DISTRICT,
      correlationId: randomUUID(),
      causationId: randomUUID(),
      actor: { userId: 'user-3f2c9a1e', role: 'case-worker' },
      occurredAt: new Date(1767225600000 + sequence * 1000).toISOString(),
    },
  };
}

export function newEvents(count, firstSequence) {
  return Array.from({ length: count }, (_, index) => newEvent(firstSequence + index));
}

export function milliseconds(startedNs) {
  return Number(process.hrtime.bigint() - startedNs) / 1e6;
}

export function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Sequential single-event appends, each timed on its own; `streams` streams are written round-robin. */
export async function appendLatency(subject, { appends, streams, prefix }) {
  const samples = [];
  for (let i = 0; i < appends; i += 1) {
    const events = newEvents(1, i);
    const started = process.hrtime.bigint();
    await subject.append(`${prefix}-${i % streams}`, events);
    samples.push(milliseconds(started));
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

/**
 * `writers` concurrent loops, each appending `appendsPerWriter` batches of `batchSize` events to its own
 * `streamsPerWriter` streams, round-robin (no contention on a stream). Returns events per second.
 */
export async function appendThroughput(subject, { writers, appendsPerWriter, batchSize, streamsPerWriter, prefix }) {
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      for (let i = 0; i < appendsPerWriter; i += 1) {
        await subject.append(`${prefix}-w${writer}s${i % streamsPerWriter}`, newEvents(batchSize, i * batchSize));
      }
    }),
  );
  return (writers * appendsPerWriter * batchSize) / (milliseconds(started) / 1000);
}

/** Tops the store up to `total` events: 8 writers, 50 events per append, 100 events per stream. */
export async function fillTo(subject, total, prefix) {
  const batch = 50;
  let remaining = total - subject.appended;
  await Promise.all(
    Array.from({ length: 8 }, async (_, writer) => {
      for (let i = 0; remaining > 0; i += 1) {
        const count = Math.min(batch, remaining);
        remaining -= count;
        await subject.append(`${prefix}-w${writer}s${Math.floor(i / 2)}`, newEvents(count, i * batch));
      }
    }),
  );
}

/** Times a catch-up read; `read` resolves with how many events it handed over. */
export async function readRate(read) {
  const started = process.hrtime.bigint();
  const { delivered, distinct } = await read();
  const seconds = milliseconds(started) / 1000;
  return { rate: delivered / seconds, delivered, distinct, seconds };
}
