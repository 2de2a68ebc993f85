#!/usr/bin/env node
// Relay throughput and append→effect latency at a steady rate, each against a baseline measured in the
// same run; appends the figures to docs/benchmarks.md. Not a test: `npx node tools/bench/messaging.mjs`
// (env: DATABASE_URL, KAFKA_BROKERS — without it, an own broker on 29292 —, BENCH_EVENTS, BENCH_SECONDS,
// BENCH_RATE; --no-write to only print).
import '../ts-run/register.mjs';

await import('./messaging/main.ts');
