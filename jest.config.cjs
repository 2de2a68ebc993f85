// Root config: one Jest process runs every project, so the workers are shared on a 2-core machine.
const { globSync } = require('node:fs');

module.exports = {
  // Global options: with `projects`, Jest ignores these in the project configs.
  testTimeout: 60000,
  projects: globSync('{apps,libs/*,tools}/*/jest.config.cjs', { cwd: __dirname }).map((p) => `<rootDir>/${p}`),
};
