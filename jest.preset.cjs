// One preset for every project: SWC transpiles (fast on 2 cores), `tsc` typechecks separately.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const workspaceRoot = __dirname;
const { compilerOptions } = JSON.parse(readFileSync(join(workspaceRoot, 'tsconfig.base.json'), 'utf8'));

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`,
    join(workspaceRoot, target),
  ]),
);

module.exports = {
  testEnvironment: 'node',
  testMatch: ['**/?(*.)+(spec|int-spec).ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  testTimeout: 30000,
};
