module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'shared-access-log', rootDir: __dirname };
