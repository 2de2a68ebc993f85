module.exports = { ...require('../../jest.preset.cjs'), displayName: 'audit-cli', rootDir: __dirname };
