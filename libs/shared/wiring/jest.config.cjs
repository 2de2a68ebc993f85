module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'shared-wiring', rootDir: __dirname };
