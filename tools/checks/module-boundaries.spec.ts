import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../..');

interface LintMessage {
  ruleId: string | null;
  message: string;
}

/** Lints source as if it lived at `filePath`, in a child process (ESLint's config loader needs real ESM). */
async function boundaryErrors(filePath: string, source: string): Promise<string[]> {
  const eslintBin = join(root, 'node_modules/eslint/bin/eslint.js');
  const result = spawnSync(process.execPath, [eslintBin, '--stdin', '--stdin-filename', join(root, filePath), '--format', 'json'], {
    cwd: root,
    input: source,
    encoding: 'utf8',
  });
  const [report] = JSON.parse(result.stdout) as Array<{ messages: LintMessage[] }>;
  return (report?.messages ?? []).filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message);
}

describe('dependency rules are lint errors', () => {
  it('given a domain library, when it imports a framework, then lint fails', async () => {
    const errors = await boundaryErrors('libs/shared/kernel/src/lib/probe.ts', "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n");
    expect(errors.join('\n')).toMatch(/@nestjs\/common/);
  });

  it('given a service app, when it imports another service app, then lint fails', async () => {
    const errors = await boundaryErrors('apps/sessions/src/probe.ts', "import { ReferralsModule } from '../../referrals/src/referrals.module';\nexport const x = ReferralsModule;\n");
    expect(errors.length).toBeGreaterThan(0);
  });

  it('given shared code, when it imports a service, then lint fails', async () => {
    const errors = await boundaryErrors('libs/shared/platform/src/lib/probe.ts', "import { ReferralsModule } from '../../../../../apps/referrals/src/referrals.module';\nexport const x = ReferralsModule;\n");
    expect(errors.length).toBeGreaterThan(0);
  });

  it('given a domain library, when it imports another domain library, then lint passes', async () => {
    const errors = await boundaryErrors('libs/shared/kernel/src/lib/probe.ts', "import { isDomainError } from './domain-error';\nexport const x = isDomainError;\n");
    expect(errors).toEqual([]);
  });
});
