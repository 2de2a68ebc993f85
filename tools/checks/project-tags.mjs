#!/usr/bin/env node
// Fails when a project lacks exactly one `scope:*` and one `type:*` tag: an untagged project
// escapes every dependency rule in eslint.config.mjs.
import { globSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import tagRules from './tag-rules.cjs';

const { tagProblems } = tagRules;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const files = globSync('{apps,libs,tools}/**/project.json', { cwd: root, exclude: (p) => p.includes('node_modules') });
let failures = 0;
for (const file of files) {
  const project = JSON.parse(readFileSync(join(root, file), 'utf8'));
  for (const problem of tagProblems(project)) {
    failures += 1;
    console.error(`${file} (${project.name}): ${problem}`);
  }
}
if (files.length === 0) {
  console.error('no project.json found');
  process.exit(1);
}
console.log(`${files.length} projects checked, ${failures} tag problem(s)`);
process.exit(failures ? 1 : 0);
