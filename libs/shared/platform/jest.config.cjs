module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'shared-platform', rootDir: __dirname };
