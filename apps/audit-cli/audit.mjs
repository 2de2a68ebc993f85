#!/usr/bin/env node
// `npm run audit -- <command>`: runs the auditor CLI from its TypeScript sources (no build, so it never
// disturbs a running `dist/`); see `--help`.
import '../../tools/ts-run/register.mjs';

await import('./src/main.ts');
