// Root config: one Jest process runs every project, so the workers are shared on a 2-core machine.
const { globSync } = require('node:fs');

module.exports = {
  projects: globSync('{apps,libs/*,tools}/*/jest.config.cjs', { cwd: __dirname }).map((p) => `<rootDir>/${p}`),
};
