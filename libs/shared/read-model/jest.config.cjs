module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'shared-read-model', rootDir: __dirname };
