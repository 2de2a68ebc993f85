module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'shared-audit', rootDir: __dirname };
