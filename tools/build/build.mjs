#!/usr/bin/env node
// Production build: SWC transpiles apps and libs into dist/, rewriting the @lien/* aliases to relative
// requires, so the output runs on plain `node` with only production dependencies.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const outDir = join(root, 'dist');
const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));

const swcrc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2023',
    baseUrl: root,
    paths: compilerOptions.paths,
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: true,
};

rmSync(outDir, { recursive: true, force: true });
mkdirSync(join(root, 'tmp'), { recursive: true });
const configFile = join(root, 'tmp', 'swcrc.build.json');
writeFileSync(configFile, JSON.stringify(swcrc, null, 2));

execFileSync(
  process.execPath,
  [
    join(root, 'node_modules/@swc/cli/bin/swc.js'),
    'apps',
    'libs',
    '--config-file', configFile,
    '--out-dir', outDir,
    '--copy-files',
    '--ignore', '**/*.spec.ts',
    '--ignore', '**/*.int-spec.ts',
    '--ignore', '**/jest.config.cjs',
    '--ignore', '**/project.json',
    '--ignore', 'libs/shared/testing/**',
  ],
  { cwd: root, stdio: 'inherit' },
);
