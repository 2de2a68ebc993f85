import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../..');

describe('project tag check', () => {
  it('given the workspace, when checked, then every project has one scope and one type', () => {
    const output = execFileSync(process.execPath, [join(root, 'tools/checks/project-tags.mjs')], { encoding: 'utf8' });
    expect(output).toMatch(/0 tag problem/);
  });

  it('given a project without tags, when checked, then it is reported', () => {
    const { tagProblems } = require('./tag-rules.cjs');
    expect(tagProblems({ name: 'x', tags: [] })).toEqual(['needs exactly one scope:* tag, has 0', 'needs exactly one type:* tag, has 0']);
    expect(tagProblems({ name: 'x', tags: ['scope:a', 'type:nonsense'] })).toEqual(['unknown type:nonsense']);
  });
});
