import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

/** Frameworks and drivers a pure domain library may never import. */
const FRAMEWORKS = ['@nestjs/*', 'typeorm', 'pg', '@electric-sql/*', '@kurrent/*', 'kafkajs', '@platformatic/*', 'express', 'class-validator', 'class-transformer', '@opentelemetry/*', 'rxjs'];

/**
 * The dependency rules. Test files may also reach test helpers and adapters (to run a contract suite
 * on a real store), which production code of the same project may not.
 */
function boundaryRule(forTests) {
  const testExtras = forTests ? ['type:testing', 'type:adapter'] : [];
  const depConstraints = [
    // A service reaches another service only through that service's contracts.
    { sourceTag: 'scope:referrals', onlyDependOnLibsWithTags: ['scope:referrals', 'scope:shared', 'type:contracts'] },
    { sourceTag: 'scope:sessions', onlyDependOnLibsWithTags: ['scope:sessions', 'scope:shared', 'type:contracts'] },
    { sourceTag: 'scope:assessments', onlyDependOnLibsWithTags: ['scope:assessments', 'scope:shared', 'type:contracts'] },
    { sourceTag: 'scope:reporting', onlyDependOnLibsWithTags: ['scope:reporting', 'scope:shared', 'type:contracts'] },
    // Shared code never imports a business scope.
    { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
    // Pure deciders: no framework, no driver, only other domain code.
    { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'], bannedExternalImports: FRAMEWORKS },
    // Contracts are primitives only: they depend on nothing but other contracts.
    { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'], bannedExternalImports: ['*'] },
    { sourceTag: 'type:port', onlyDependOnLibsWithTags: ['type:port', 'type:domain'] },
    // Adapters stay apart, except that the PostgreSQL and PGlite adapters share one SQL base (tagged adapter-base:sql).
    { sourceTag: 'type:adapter', onlyDependOnLibsWithTags: ['type:port', 'type:domain', 'type:platform', 'adapter-base:sql'] },
    { sourceTag: 'type:application', onlyDependOnLibsWithTags: ['type:application', 'type:domain', 'type:port', 'type:contracts', 'type:platform'] },
    { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:platform', 'type:domain', 'type:port'] },
    { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['*'] },
    { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['*'] },
    // Composition roots shared by the apps: the only libraries that may pick adapters.
    { sourceTag: 'type:composition', onlyDependOnLibsWithTags: ['*'] },
    { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['*'] },
  ].map((c) => (c.onlyDependOnLibsWithTags.includes('*') ? c : { ...c, onlyDependOnLibsWithTags: [...c.onlyDependOnLibsWithTags, ...testExtras] }));
  return { enforceBuildableLibDependency: false, allow: [], depConstraints };
}

export default [
  { ignores: ['**/node_modules', '**/dist', '**/tmp', '**/coverage', '**/reports', '**/.nx', '**/*.cjs', '**/*.mjs', '**/*.js'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', boundaryRule(false)],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts'],
    rules: { '@nx/enforce-module-boundaries': ['error', boundaryRule(true)] },
  },
  {
    // Production code never imports test helpers.
    files: ['**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts', 'libs/shared/testing/**', 'tools/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@lien/shared-testing'], message: 'Test fixtures stay out of production code.' }] }],
    },
  },
];
