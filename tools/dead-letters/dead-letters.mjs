#!/usr/bin/env node
// Lists and re-drives dead letters: `KAFKA_BROKERS=... npx node tools/dead-letters/dead-letters.mjs list <topic>`.
// The command itself is TypeScript; the ts-run hooks let plain node load it and the workspace libs.
import '../ts-run/register.mjs';

await import('./main.ts');
